// The catalogues an expert checks on site (checklists.md), as versioned values: a campaign's
// methodology names one version per list (MethodologyVersion.catalogues, ADR 0005), so a checklist
// is always read against the items that were in force when it was collected. A new year's list is a
// new version added to CATALOGUES, never an edit of an old one.
import { AppError } from '../errors.ts';
import type { CatalogueVersions } from '../scoring/methodology.ts';
import type { OrganizationKind } from '../scoring/input.ts';
import {
  COMFORT_DEFAULT_1,
  PREMISES_DEFAULT_1,
  SERVICES_DEFAULT_1,
} from './catalogue-conditions.ts';
import { REMOTE_CHANNELS_DEFAULT_1 } from './catalogue-channels.ts';
import { STAND_DEFAULT_1 } from './catalogue-stand.ts';

/** The expert lists, named as the methodology's catalogue versions name them. */
export const CHECKLIST_SECTIONS = [
  'stand',
  'remoteChannels',
  'comfort',
  'premises',
  'services',
] as const satisfies readonly (keyof CatalogueVersions)[];
export type ChecklistSection = (typeof CHECKLIST_SECTIONS)[number];

export type ChecklistIndicator = '1.1' | '1.2' | '2.1' | '3.1' | '3.2';

/**
 * A registry fact (organizations.applicability) that makes an item «не применимо» by default when
 * it is false, e.g. no paid services → no stand item about their prices. The expert may still
 * answer otherwise: the registry can be out of date.
 */
export interface FactRule {
  fact: string;
  /** Kinds the rule is about (absent: every kind the item applies to). */
  kinds?: readonly OrganizationKind[];
  /** The reason recorded with the default «не применимо». */
  reason: string;
}

export interface ChecklistItemDef {
  key: string;
  /** Number of the item in its list, as printed (1-based). */
  number: number;
  title: string;
  /** Wording for kinds where the item asks for less (e.g. no state accreditation in preschool). */
  titleByKind?: Partial<Record<OrganizationKind, string>>;
  /** What the expert looks for; shown under the title. */
  hint?: string;
  /** The only kinds the item applies to (absent: all). Others never see it. */
  kinds?: readonly OrganizationKind[];
  /** Why the item does not apply to the other kinds (shown to the expert). */
  kindsReason?: string;
  facts?: readonly FactRule[];
  /** Remote channels: how the expert tests that the channel works. */
  test?: 'call' | 'letter';
}

export interface SectionCatalogue {
  section: ChecklistSection;
  version: string;
  title: string;
  indicator: ChecklistIndicator;
  /** Where the list comes from (shown on the form and in the guide). */
  basis: string;
  items: readonly ChecklistItemDef[];
}

export type ChecklistCatalogues = Readonly<Record<ChecklistSection, SectionCatalogue>>;

/** Every known version of every list. */
export const CATALOGUES: Readonly<Record<ChecklistSection, readonly SectionCatalogue[]>> = {
  stand: [STAND_DEFAULT_1],
  remoteChannels: [REMOTE_CHANNELS_DEFAULT_1],
  comfort: [COMFORT_DEFAULT_1],
  premises: [PREMISES_DEFAULT_1],
  services: [SERVICES_DEFAULT_1],
};

export const SECTION_TITLES: Record<ChecklistSection, string> = {
  stand: 'Информационные стенды',
  remoteChannels: 'Дистанционные способы взаимодействия',
  comfort: 'Комфортность условий',
  premises: 'Доступность помещений и территории',
  services: 'Доступность услуг для инвалидов',
};

export function sectionCatalogue(section: ChecklistSection, version: string): SectionCatalogue {
  const found = CATALOGUES[section].find((c) => c.version === version);
  if (!found)
    throw AppError.invalidState(
      `В методике кампании указан неизвестный каталог «${version}» (${SECTION_TITLES[section]}): ` +
        `известны ${CATALOGUES[section].map((c) => `«${c.version}»`).join(', ')}`,
      { section, version },
    );
  return found;
}

/** The lists a campaign's methodology names; fails in Russian on an unknown version. */
export function resolveCatalogues(
  versions: Pick<CatalogueVersions, ChecklistSection>,
): ChecklistCatalogues {
  const out = {} as Record<ChecklistSection, SectionCatalogue>;
  for (const s of CHECKLIST_SECTIONS) out[s] = sectionCatalogue(s, versions[s]);
  return out;
}

export function findItem(
  catalogues: ChecklistCatalogues,
  section: ChecklistSection,
  key: string,
): ChecklistItemDef | undefined {
  return catalogues[section].items.find((i) => i.key === key);
}

export function isChecklistSection(value: unknown): value is ChecklistSection {
  return typeof value === 'string' && (CHECKLIST_SECTIONS as readonly string[]).includes(value);
}

/** The item's wording for an organization of `kind`. */
export function itemTitle(item: ChecklistItemDef, kind: OrganizationKind): string {
  return item.titleByKind?.[kind] ?? item.title;
}
