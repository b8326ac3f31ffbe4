// A filled checklist turned into exactly what the scoring engine takes (src/domain/scoring/input.ts
// OrganizationInput): the stand half of 1.1 as items present / items required, and the counts of
// 1.2, 2.1, 3.1 and 3.2. «Не применимо» leaves both the numerator and the denominator
// (methodology.md "1.1 norms"); an unanswered item counts as absent.
import type { ItemCount, OrganizationKind } from '../scoring/input.ts';
import type { Answer, ItemAnswer, Side } from './answers.ts';
import { appliesToKind, defaultAnswer, type OrganizationFacts } from './applicability.ts';
import {
  CHECKLIST_SECTIONS,
  itemTitle,
  type ChecklistCatalogues,
  type ChecklistItemDef,
  type ChecklistSection,
} from './catalogue.ts';
import { channelCounts } from './channels.ts';

/** Both sides' answers to one item; for channels also whether the site lists it. */
export interface ItemState {
  declared: ItemAnswer | null;
  confirmed: ItemAnswer | null;
  /** Remote channels: listed on the official site (monitor, or the expert's correction). */
  listed?: boolean | null;
}

/** Item states keyed by `itemId(section, key)`; absent items are unanswered. */
export type ChecklistState = ReadonlyMap<string, ItemState>;

export function itemId(section: ChecklistSection, key: string): string {
  return `${section}:${key}`;
}

export interface ItemRef {
  section: ChecklistSection;
  key: string;
  number: number;
  title: string;
}

/** The scoring engine's checklist inputs (OrganizationInput fields of the same names). */
export interface ChecklistCounts {
  stand: ItemCount;
  remoteChannels: number;
  comfortConditions: number;
  premisesAccessibility: number;
  serviceAccessibility: number;
}

export interface ChecklistEvaluation {
  counts: ChecklistCounts;
  /** Applicable items this side has not answered yet (channels: listing or test not settled). */
  unanswered: ItemRef[];
  /** Items answered «нет» (channels: not listed or not working): shortcomings for the report. */
  missing: ItemRef[];
  /** Items left out with «не применимо», with the recorded reason. */
  notApplicable: (ItemRef & { reason: string | null })[];
}

const COUNT_FIELD = {
  remoteChannels: 'remoteChannels',
  comfort: 'comfortConditions',
  premises: 'premisesAccessibility',
  services: 'serviceAccessibility',
} as const satisfies Record<Exclude<ChecklistSection, 'stand'>, keyof ChecklistCounts>;

function ref(section: ChecklistSection, item: ChecklistItemDef, kind: OrganizationKind): ItemRef {
  return { section, key: item.key, number: item.number, title: itemTitle(item, kind) };
}

/** The side's answer, else the registry's default («не применимо» by a false fact), else none. */
export function effectiveAnswer(
  item: ChecklistItemDef,
  org: OrganizationFacts,
  state: ItemState | undefined,
  side: Side,
): ItemAnswer | null {
  const own = state?.[side];
  if (own?.answer) return own;
  return defaultAnswer(item, org);
}

/**
 * Whether the item is present for this side: «есть»; for a confirmed channel, listed on the site
 * and working. null = not answered (or, for a channel, the listing is not settled).
 */
function presence(
  section: ChecklistSection,
  answer: Answer | null,
  state: ItemState | undefined,
  side: Side,
): 'yes' | 'no' | 'na' | null {
  if (answer === null) return null;
  if (answer === 'na') return 'na';
  if (section !== 'remoteChannels' || side === 'declared') return answer;
  const listed = state?.listed ?? null;
  if (listed === false) return 'no';
  if (listed === null) return null;
  return channelCounts(listed, answer) ? 'yes' : 'no';
}

export function evaluateChecklist(
  catalogues: ChecklistCatalogues,
  org: OrganizationFacts,
  state: ChecklistState,
  side: Side,
): ChecklistEvaluation {
  const counts: ChecklistCounts = {
    stand: { present: 0, required: 0 },
    remoteChannels: 0,
    comfortConditions: 0,
    premisesAccessibility: 0,
    serviceAccessibility: 0,
  };
  const result: ChecklistEvaluation = { counts, unanswered: [], missing: [], notApplicable: [] };
  for (const section of CHECKLIST_SECTIONS) {
    for (const item of catalogues[section].items) {
      if (!appliesToKind(item, org.kind)) continue;
      const s = state.get(itemId(section, item.key));
      const a = effectiveAnswer(item, org, s, side);
      const p = presence(section, a?.answer ?? null, s, side);
      const r = ref(section, item, org.kind);
      if (p === 'na') {
        result.notApplicable.push({ ...r, reason: a?.reason ?? null });
        continue;
      }
      if (p === null) result.unanswered.push(r);
      if (p === 'no') result.missing.push(r);
      if (section === 'stand') {
        counts.stand.required++;
        if (p === 'yes') counts.stand.present++;
      } else if (p === 'yes') counts[COUNT_FIELD[section]]++;
    }
  }
  return result;
}

export interface Difference extends ItemRef {
  declared: Answer;
  confirmed: Answer;
}

/**
 * Items where the expert's answer differs from the organization's declaration (checklists.md
 * "Organization self-report": shown in the organization's report as a sign of self-assessment
 * quality). A confirmed channel reads «есть» only when it is listed and works.
 */
export function differences(
  catalogues: ChecklistCatalogues,
  org: OrganizationFacts,
  state: ChecklistState,
): Difference[] {
  const out: Difference[] = [];
  for (const section of CHECKLIST_SECTIONS) {
    for (const item of catalogues[section].items) {
      if (!appliesToKind(item, org.kind)) continue;
      const s = state.get(itemId(section, item.key));
      const declared = s?.declared?.answer ?? null;
      const confirmed = presence(section, s?.confirmed?.answer ?? null, s, 'confirmed');
      if (declared === null || confirmed === null || declared === confirmed) continue;
      out.push({ ...ref(section, item, org.kind), declared, confirmed });
    }
  }
  return out;
}
