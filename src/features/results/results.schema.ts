// The read model of a campaign's results: what the calculation stores and what every consumer reads
// (pages, dashboards, the analytical report, exports, the public portal). Written first so producers
// and consumers agree; zod so the API publishes it in OpenAPI.
//
// Values are rounded for output (2 decimals, half away from zero — methodology.md "Rounding"); the
// exact figures stay in `provenance`. `null` means "not applicable" / "insufficient data".
import { z } from '@hono/zod-openapi';

export const INDICATOR_KEYS = [
  '1.1',
  '1.2',
  '1.3',
  '2.1',
  '2.3',
  '3.1',
  '3.2',
  '3.3',
  '4.1',
  '4.2',
  '4.3',
  '5.1',
  '5.2',
  '5.3',
] as const;
export const CRITERION_KEYS = ['K1', 'K2', 'K3', 'K4', 'K5'] as const;

const score = z.number().min(0).max(100).nullable();
export const IndicatorValues = z.record(z.enum(INDICATOR_KEYS), score);
export const CriterionValues = z.record(z.enum(CRITERION_KEYS), score);

export const RESULT_RUN_STATUSES = ['current', 'frozen', 'superseded'] as const;
export type ResultRunStatus = (typeof RESULT_RUN_STATUSES)[number];

/** One calculation of a campaign. A frozen run is never changed; a later run is a new version. */
export const ResultRun = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  version: z.number().int().min(1),
  status: z.enum(RESULT_RUN_STATUSES),
  /** The campaign's stored methodology version the run used (ADR 0005). */
  methodology: z.record(z.string(), z.unknown()),
  /** sha-256 of the inputs, so "nothing changed since" is visible and a recalculation can be skipped. */
  inputsDigest: z.string(),
  computedAt: z.string(),
  frozenAt: z.string().nullable(),
  /** The council decision that froze the run, e.g. «Протокол № 4 от 12.11.2026». */
  frozenBasis: z.string().nullable(),
  // Added by the calculation (optional, so hand-built fixtures of consumers stay valid):
  /** Number and date (YYYY-MM-DD) of the council decision that froze the run. */
  decisionNumber: z.string().nullable().optional(),
  decisionDate: z.string().nullable().optional(),
  /** Who started the calculation (a user's name, «система», «командная строка»). */
  computedBy: z.string().optional(),
  /** Organizations in the run. */
  organizations: z.number().int().optional(),
  /** Calculation settings: below-sample organizations ranked? survey shortcoming threshold. */
  settings: z.object({ rankBelowSample: z.boolean(), surveyThreshold: z.number() }).optional(),
});
export type ResultRun = z.infer<typeof ResultRun>;

/** A survey share with its Wilson 95 % interval (in percent, 2 decimals). */
export const SurveyShare = z.object({
  indicator: z.enum(INDICATOR_KEYS),
  /** Question whose «Да» count is the numerator, e.g. "q2". */
  question: z.string(),
  yes: z.number().int(),
  of: z.number().int(),
  /** The denominator: a filter question ("q1") or "respondents" (N). */
  denominator: z.string().optional(),
  share: score,
  low: score,
  high: score,
});
export type SurveyShare = z.infer<typeof SurveyShare>;

export const SHORTCOMING_SOURCES = ['stand', 'site', 'channels', 'checklist', 'survey'] as const;

/** Something below its maximum, with the standard recommendation (ready for an improvement plan). */
export const Shortcoming = z.object({
  /** Stable code, e.g. "site:licence", "comfort:drinking_water", "survey:q2". */
  code: z.string(),
  indicator: z.enum(INDICATOR_KEYS),
  source: z.enum(SHORTCOMING_SOURCES),
  /** What is missing or low, in Russian. */
  title: z.string(),
  /** Standard recommendation text from the catalogue. */
  recommendation: z.string(),
  legalBasis: z.string().nullable(),
  /** The indicator value (or the share) that shows the gap, when there is one. */
  value: z.number().nullable(),
});
export type Shortcoming = z.infer<typeof Shortcoming>;

export const Ranks = z.object({
  /** Rank among ranked organizations of the same kind in the region (ties share a rank). */
  kind: z.number().int().nullable(),
  /** Rank among ranked organizations of the same kind in the municipality. */
  municipality: z.number().int().nullable(),
  /** Rank among all ranked organizations of the region. */
  region: z.number().int().nullable(),
});

export const OrganizationResult = z.object({
  organizationId: z.number().int(),
  inn: z.string(),
  shortName: z.string(),
  fullName: z.string(),
  kind: z.string(),
  municipalityId: z.number().int(),
  municipalityName: z.string(),
  founderName: z.string().nullable(),
  indicators: IndicatorValues,
  criteria: CriterionValues,
  total: score,
  /** Band label for the total (presentation only), null when the total is null. */
  band: z.string().nullable(),
  /** Counted respondents (valid, not excluded), the required sample and flags. */
  respondents: z.number().int(),
  requiredSample: z.number().int(),
  belowSample: z.boolean(),
  flaggedResponses: z.number().int(),
  excludedResponses: z.number().int(),
  /** Left out of ranks (below the minimum sample by default, or insufficient data). */
  ranked: z.boolean(),
  ranks: Ranks,
  /** The raw counts given to the engine: exactly one `organizations[]` item of `noko score`. */
  counts: z.record(z.string(), z.unknown()),
  surveyShares: z.array(SurveyShare),
  shortcomings: z.array(Shortcoming),
  /** Provenance as in `noko score --provenance` (exact values, formulas, variants). */
  provenance: z.record(z.string(), z.unknown()),
  /** The council's proposals for the organization (bus.gov.ru column), if any. */
  councilProposals: z.string().nullable(),
  /**
   * below_sample, insufficient_data, no_checklist, checklist_incomplete, no_site_data,
   * site_unreachable, input_corrected (titles: RESULT_FLAG_TITLES).
   */
  flags: z.array(z.string()).optional(),
});
export type OrganizationResult = z.infer<typeof OrganizationResult>;

export const AGGREGATE_LEVELS = ['region', 'municipality', 'kind'] as const;

/** Plain mean over organizations with a value (methodology.md "Aggregates"). */
export const AggregateResult = z.object({
  level: z.enum(AGGREGATE_LEVELS),
  /** Municipality id as text, kind code, or "region". */
  key: z.string(),
  name: z.string(),
  organizations: z.number().int(),
  indicators: IndicatorValues,
  criteria: CriterionValues,
  total: score,
});
export type AggregateResult = z.infer<typeof AggregateResult>;

export const CampaignResults = z.object({
  campaign: z.object({
    id: z.number().int(),
    title: z.string(),
    year: z.number().int(),
    regionName: z.string(),
    status: z.string(),
  }),
  run: ResultRun,
  bands: z.array(z.object({ label: z.string(), above: z.number().nullable() })),
  organizations: z.array(OrganizationResult),
  aggregates: z.array(AggregateResult),
});
export type CampaignResults = z.infer<typeof CampaignResults>;

/** Russian titles of OrganizationResult.flags. */
export const RESULT_FLAG_TITLES: Record<string, string> = {
  below_sample: 'выборка не набрана',
  insufficient_data: 'недостаточно данных',
  no_checklist: 'нет данных чек-листа',
  checklist_incomplete: 'чек-лист не завершён',
  no_site_data: 'нет данных мониторинга сайта',
  site_unreachable: 'сайт недоступен',
  input_corrected: 'исправлены невозможные значения чек-листа или сайта',
};

export const RESULT_RUN_STATUS_TITLES: Record<ResultRunStatus, string> = {
  current: 'текущий расчёт',
  frozen: 'утверждён советом',
  superseded: 'заменён',
};

/** Names of kind aggregates and rating groups. */
export const KIND_GROUP_TITLES: Record<string, string> = {
  preschool: 'Дошкольные образовательные организации',
  school: 'Общеобразовательные организации',
  vocational: 'Профессиональные образовательные организации',
  additional: 'Организации дополнительного образования',
};

// ---- Inputs of the use cases (API bodies and page forms) ----

const isoDate = z
  .string({ error: 'Укажите дату решения' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Укажите дату решения в виде ГГГГ-ММ-ДД')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Такой даты в календаре нет');

/** The council decision that approves (freezes) the current results. */
export const FreezeInput = z.object({
  decisionNumber: z
    .string({ error: 'Укажите номер решения (протокола)' })
    .trim()
    .min(1, 'Укажите номер решения (протокола)')
    .max(50, 'Номер решения — не длиннее 50 знаков'),
  decisionDate: isoDate,
});
export type FreezeInput = z.infer<typeof FreezeInput>;

/** Settings of a calculation; absent ones keep the previous run's (or the defaults). */
export const CalculateInput = z.object({
  rankBelowSample: z.boolean().optional(),
  surveyThreshold: z.number().min(0).max(100).optional(),
});
export type CalculateInput = z.infer<typeof CalculateInput>;

export const CouncilProposalsInput = z.object({
  text: z
    .string({ error: 'Введите предложения совета' })
    .trim()
    .max(4000, 'Не длиннее 4000 знаков'),
});
export type CouncilProposalsInput = z.infer<typeof CouncilProposalsInput>;

/** What a calculation did: stored a new version, or found the inputs unchanged. */
export interface CalculationOutcome {
  run: ResultRun;
  /** False when the inputs digest equalled the latest run's: nothing was stored. */
  stored: boolean;
  organizations: number;
  ms: number;
}

/** Name of the pg-boss queue of debounced recalculations. */
export const RECALCULATE_JOB = 'results.recalculate';

/** Indicator names (Minprosveshcheniya order 114), for pages and documents. */
export const INDICATOR_TITLES: Record<(typeof INDICATOR_KEYS)[number], string> = {
  '1.1': 'Соответствие информации на стендах и официальном сайте установленным требованиям',
  '1.2': 'Наличие и функционирование дистанционных способов взаимодействия',
  '1.3': 'Доля удовлетворённых открытостью, полнотой и доступностью информации',
  '2.1': 'Обеспечение комфортных условий предоставления услуг',
  '2.3': 'Доля удовлетворённых комфортностью условий',
  '3.1': 'Оборудование помещений и территории с учётом доступности для инвалидов',
  '3.2': 'Условия, позволяющие инвалидам получать услуги наравне с другими',
  '3.3': 'Доля получателей услуг с инвалидностью, удовлетворённых доступностью услуг',
  '4.1': 'Доля удовлетворённых вежливостью работников при первичном контакте',
  '4.2': 'Доля удовлетворённых вежливостью работников, оказывающих услугу',
  '4.3': 'Доля удовлетворённых вежливостью при дистанционном взаимодействии',
  '5.1': 'Доля готовых рекомендовать организацию',
  '5.2': 'Доля удовлетворённых организационными условиями',
  '5.3': 'Доля удовлетворённых условиями оказания услуг в целом',
};

export const CRITERION_TITLES: Record<(typeof CRITERION_KEYS)[number], string> = {
  K1: 'Открытость и доступность информации об организации',
  K2: 'Комфортность условий предоставления услуг',
  K3: 'Доступность услуг для инвалидов',
  K4: 'Доброжелательность, вежливость работников',
  K5: 'Удовлетворённость условиями оказания услуг',
};
