// Ruleset versions and «Инорм.сайт» (site-monitoring.md): the items that count for indicator 1.1
// are catalogue items with presence = mandatory whose required_for includes the kind; if_applicable
// items count only when the organization has the thing; informational and optional never count.
// A crawl is scored against the version in force on the crawl date.
import { CATALOGUE, appliesTo } from './catalogue.ts';
import type { Catalogue, CatalogueItem, OrgKind } from './catalogue.ts';

export const RULESET_VERSIONS = ['831', '1493', '1493+1353'] as const;
export type RulesetVersion = (typeof RULESET_VERSIONS)[number];

/** Order 1493 p.3: in force from 01.09.2024 (it repealed Order 831). */
export const ORDER_1493_FROM = '2024-09-01';
/** Order 1353: in force from 01.03.2026 (accreditation moves to «Образование»). */
export const ORDER_1353_FROM = '2026-03-01';
/**
 * Order 1353 p.7 (repeal of the version for the visually impaired, 1493 p.21) entered into force
 * 10 days after publication on 14.10.2025, earlier than the rest of the order. The exact day is our
 * reading of «по истечении 10 дней» and is [UNVERIFIED].
 */
export const VISUALLY_IMPAIRED_REPEAL_FROM = '2025-10-25';

export interface Ruleset {
  version: RulesetVersion;
  /** Where `accreditationDocLink` is expected: «Основные сведения» before 1353, «Образование» after. */
  accreditationSection: 'common' | 'education';
  /** The `copy` marker (version for the visually impaired) counts as a required item. */
  visuallyImpairedVersionRequired: boolean;
  /** Pages where 831 kept content count as the regular place, not as a legacy location. */
  legacy831Layout: boolean;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The ruleset in force on `date` (the crawl date; the clock is passed in). */
export function rulesetFor(date: Date): Ruleset {
  const day = isoDay(date);
  if (day < ORDER_1493_FROM) {
    return {
      version: '831',
      accreditationSection: 'common',
      visuallyImpairedVersionRequired: true,
      legacy831Layout: true,
    };
  }
  if (day < ORDER_1353_FROM) {
    return {
      version: '1493',
      accreditationSection: 'common',
      visuallyImpairedVersionRequired: day < VISUALLY_IMPAIRED_REPEAL_FROM,
      legacy831Layout: false,
    };
  }
  return {
    version: '1493+1353',
    accreditationSection: 'education',
    visuallyImpairedVersionRequired: false,
    legacy831Layout: false,
  };
}

/**
 * What the organization has, as recorded for it: an if_applicable item counts only when its flag
 * is set. Flags not given are treated as «the thing does not exist».
 */
export const APPLICABILITY_FLAGS = [
  'shortName',
  'founderContacts',
  'stateAccreditation',
  'practicePlaces',
  'trainingPlaces',
  'finalAttestationPlaces',
  'additionalProgrammePlaces',
  'otherProgrammePlaces',
  'governingBodyContacts',
  'branches',
  'representativeOffices',
  'collectiveAgreement',
  'prescriptions',
  'programmeCodes',
  'entranceTests',
  'ownStandards',
  'federalRequirements',
  'deputies',
  'academicDegrees',
  'professionalDevelopment',
  'accessibleElectronicResources',
  'dormitory',
  'boardingSchool',
  'paidCare',
] as const;
export type ApplicabilityFlag = (typeof APPLICABILITY_FLAGS)[number];
export type Applicability = Partial<Record<ApplicabilityFlag, boolean>>;

// if_applicable item → the flag that says the thing exists. Keys are itemprops, or
// `<section>.<itemprop>` where the same attribute means different things in different subsections.
const FLAG_OF: Record<string, ApplicabilityFlag> = {
  shortName: 'shortName',
  addressUchred: 'founderContacts',
  telUchred: 'founderContacts',
  mailUchred: 'founderContacts',
  websiteUchred: 'founderContacts',
  accreditationDocLink: 'stateAccreditation',
  addressPlacePrac: 'practicePlaces',
  eduPrac: 'practicePlaces',
  eduPr: 'practicePlaces',
  addressPlacePodg: 'trainingPlaces',
  addressPlaceGia: 'finalAttestationPlaces',
  addressPlaceDop: 'additionalProgrammePlaces',
  addressPlaceOppo: 'otherProgrammePlaces',
  'struct.site': 'governingBodyContacts',
  'struct.email': 'governingBodyContacts',
  filInfo: 'branches',
  nameFil: 'branches',
  fioFil: 'branches',
  postFil: 'branches',
  addressFil: 'branches',
  emailFil: 'branches',
  websiteFil: 'branches',
  rucovodstvoFil: 'branches',
  repInfo: 'representativeOffices',
  localActCollec: 'collectiveAgreement',
  prescriptionDocLink: 'prescriptions',
  eduCode: 'programmeCodes',
  eduPriemEl: 'entranceTests',
  eduFedTreb: 'federalRequirements',
  eduStandartDoc: 'ownStandards',
  eduStandartTreb: 'ownStandards',
  rucovodstvoZam: 'deputies',
  degree: 'academicDegrees',
  academStat: 'academicDegrees',
  profDevelopment: 'professionalDevelopment',
  erListOvz: 'accessibleElectronicResources',
  hostelInfo: 'dormitory',
  hostelNum: 'dormitory',
  hostelNumOvz: 'dormitory',
  localActObSt: 'dormitory',
  interInfo: 'boardingSchool',
  interNum: 'boardingSchool',
  interNumOvz: 'boardingSchool',
  paidParents: 'paidCare',
};

export function applicabilityFlagOf(item: CatalogueItem): ApplicabilityFlag | null {
  if (item.itemprop === null) return null;
  return FLAG_OF[`${item.section}.${item.itemprop}`] ?? FLAG_OF[item.itemprop] ?? null;
}

function applies(item: CatalogueItem, flags: Applicability): boolean {
  if (item.itemprop === 'hostelInterOvz') return Boolean(flags.dormitory || flags.boardingSchool);
  const flag = applicabilityFlagOf(item);
  return flag !== null && flags[flag] === true;
}

/** Is the item in the catalogue scope of this ruleset at all (accreditation sits in one place)? */
export function inRuleset(item: CatalogueItem, ruleset: Ruleset): boolean {
  if (item.itemprop === 'accreditationDocLink')
    return item.section === ruleset.accreditationSection;
  return true;
}

export type Requirement = 'required' | 'not_applicable' | 'informational' | 'optional';

/** How one catalogue item counts for an organization of `kind` under `ruleset`. */
export function requirementOf(
  item: CatalogueItem,
  kind: OrgKind,
  ruleset: Ruleset,
  flags: Applicability = {},
): Requirement {
  if (!appliesTo(item.requiredFor, kind) || !inRuleset(item, ruleset)) return 'not_applicable';
  if (item.itemprop === 'copy') {
    // 831 p.4 and 1493 p.21 required the version; 1353 p.7 repealed it (kept as evidence for 3.2).
    return ruleset.visuallyImpairedVersionRequired ? 'required' : 'informational';
  }
  switch (item.presence) {
    case 'mandatory':
      return 'required';
    case 'if_applicable':
      return applies(item, flags) ? 'required' : 'informational';
    case 'informational':
      return 'informational';
    case 'optional':
      return 'optional';
  }
}

/** «Инорм.сайт»: the items that count for indicator 1.1. */
export function requiredItems(
  kind: OrgKind,
  ruleset: Ruleset,
  flags: Applicability = {},
  catalogue: Catalogue = CATALOGUE,
): CatalogueItem[] {
  return catalogue.sections.flatMap((s) =>
    s.items.filter((i) => requirementOf(i, kind, ruleset, flags) === 'required'),
  );
}
