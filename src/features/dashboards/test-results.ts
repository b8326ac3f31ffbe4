// Hand-made results for the builders' tests: a few organizations with chosen totals and criteria,
// so that every expected number in the tests can be checked by hand.
import type {
  AggregateResult,
  CampaignResults,
  OrganizationResult,
  Shortcoming,
} from '../results/results.schema.ts';
import { DEFAULT_BANDS } from '../../domain/scoring/index.ts';
import { bandOf } from './bands.ts';

export interface OrgSpec {
  id: number;
  kind?: string;
  municipality?: 1 | 2;
  total: number | null;
  /** K1–K5; default: every criterion equals the total. */
  criteria?: [number, number, number, number, number];
  belowSample?: boolean;
  ranks?: Partial<OrganizationResult['ranks']>;
  gaps?: string[];
}

const MUNICIPALITIES = { 1: 'Город', 2: 'Район' } as const;

const gap = (code: string, value: number | null = 50): Shortcoming => ({
  code,
  indicator: code.startsWith('survey:') ? '5.3' : '2.1',
  source: code.startsWith('survey:') ? 'survey' : 'checklist',
  title: code.startsWith('survey:')
    ? `Удовлетворены условиями в целом: ${value} %`
    : `Отсутствует: ${code}`,
  recommendation: 'Исправить',
  legalBasis: null,
  value,
});

export function org(spec: OrgSpec): OrganizationResult {
  const c = spec.criteria ?? [0, 0, 0, 0, 0].map(() => spec.total ?? 0);
  const criteria = spec.total === null ? [null, null, null, null, null] : c;
  const ranked = spec.total !== null && !spec.belowSample;
  return {
    organizationId: spec.id,
    inn: `77000000${String(spec.id).padStart(2, '0')}`,
    shortName: `Организация ${spec.id}`,
    fullName: `Полное наименование организации ${spec.id}`,
    kind: spec.kind ?? 'school',
    municipalityId: spec.municipality ?? 1,
    municipalityName: MUNICIPALITIES[spec.municipality ?? 1],
    founderName: null,
    indicators: {},
    criteria: {
      K1: criteria[0]!,
      K2: criteria[1]!,
      K3: criteria[2]!,
      K4: criteria[3]!,
      K5: criteria[4]!,
    },
    total: spec.total,
    band: spec.total === null ? null : bandOf([...DEFAULT_BANDS], spec.total),
    respondents: spec.belowSample ? 10 : 100,
    requiredSample: 40,
    belowSample: spec.belowSample ?? false,
    flaggedResponses: 0,
    excludedResponses: 0,
    ranked,
    ranks: { kind: null, municipality: null, region: null, ...spec.ranks },
    counts: {},
    surveyShares: [],
    shortcomings: (spec.gaps ?? []).map((g) => gap(g)),
    provenance: {},
    councilProposals: null,
  } as unknown as OrganizationResult;
}

export function results(
  orgs: OrganizationResult[],
  aggregates: AggregateResult[] = [],
  campaign: Partial<CampaignResults['campaign']> = {},
): CampaignResults {
  return {
    campaign: {
      id: 7,
      title: 'НОК 2026',
      year: 2026,
      regionName: 'Тестовая область',
      status: 'published',
      ...campaign,
    },
    run: {
      id: 70,
      campaignId: 7,
      version: 1,
      status: 'frozen',
      methodology: {},
      inputsDigest: 'x',
      computedAt: '2026-11-10T09:30:00.000Z',
      frozenAt: '2026-11-12T12:00:00.000Z',
      frozenBasis: 'Решение № 4 от 12.11.2026',
    },
    bands: DEFAULT_BANDS.map((b) => ({ label: b.label, above: b.above })),
    organizations: orgs,
    aggregates,
  };
}

export function aggregate(
  level: AggregateResult['level'],
  key: string,
  total: number | null,
  organizations = 1,
): AggregateResult {
  const v = total;
  return {
    level,
    key,
    name: level === 'region' ? 'Тестовая область' : key,
    organizations,
    indicators: {},
    criteria: { K1: v, K2: v, K3: v, K4: v, K5: v },
    total,
  } as AggregateResult;
}
