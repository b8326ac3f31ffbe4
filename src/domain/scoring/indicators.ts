// Indicators 1.1–5.3 for education (Mintrud order 344н formulas, Minprosveshcheniya order 114 list;
// 2.2 "waiting time" is not used in education). Values are unrounded decimals on 0–100 or null
// (not applicable); every value carries its provenance.
import { Dec, HUNDRED, ZERO, minDec, ratio } from './decimal.ts';
import type { IndicatorId, MethodologyVersion, ZeroDenominatorMode } from './methodology.ts';
import type { OrganizationInput, SurveyCounts, SurveyQuestion } from './input.ts';
import type { IndicatorProvenance, IndicatorSource, IndicatorVariant } from './provenance.ts';

export interface IndicatorResult {
  id: IndicatorId;
  value: Dec | null;
  provenance: IndicatorProvenance;
}

const NO_USERS_NOTE = 'знаменатель равен 0';

function result(
  id: IndicatorId,
  value: Dec | null,
  fields: Omit<IndicatorProvenance, 'indicator' | 'notApplicable' | 'note'> & {
    note?: string | null;
  },
): IndicatorResult {
  return {
    id,
    value,
    provenance: {
      indicator: id,
      ...fields,
      notApplicable: value === null,
      note: fields.note ?? null,
    },
  };
}

/** 1.1: `0.5 × (Истенд/Инорм.стенд + Исайт/Инорм.сайт) × 100`; required ≥ 1 is validated input. */
export function informationCompleteness(org: OrganizationInput): IndicatorResult {
  const { stand, site } = org;
  const value = ratio(stand.present, stand.required)
    .plus(ratio(site.present, site.required))
    .times(50);
  return result('1.1', value, {
    source: 'checklist+site',
    inputs: {
      standPresent: stand.present,
      standRequired: stand.required,
      sitePresent: site.present,
      siteRequired: site.required,
    },
    formula: '0.5 × (Истенд/Инорм.стенд + Исайт/Инорм.сайт) × 100',
    variant: {},
  });
}

/**
 * Checklist counts scored `perItem × count`, never above 100: 1.2 is 30 per working channel ("more
 * than 3 → 100"), 2.1, 3.1 and 3.2 are 20 per condition ("5 or more → 100"); 6 conditions give 100.
 */
function countIndicator(
  id: IndicatorId,
  inputName: string,
  count: number,
  perItem: number,
  symbol: string,
): IndicatorResult {
  const raw = new Dec(perItem).times(count);
  const capped = raw.gt(HUNDRED);
  return result(id, minDec(raw, HUNDRED), {
    source: 'checklist',
    inputs: { [inputName]: count },
    formula: `min(100, ${perItem} × ${symbol})`,
    variant: capped ? { capped } : {},
  });
}

export const remoteChannels = (org: OrganizationInput): IndicatorResult =>
  countIndicator('1.2', 'remoteChannels', org.remoteChannels, 30, 'Сдист');
export const comfortConditions = (org: OrganizationInput): IndicatorResult =>
  countIndicator('2.1', 'comfortConditions', org.comfortConditions, 20, 'Скомф');
export const premisesAccessibility = (org: OrganizationInput): IndicatorResult =>
  countIndicator('3.1', 'premisesAccessibility', org.premisesAccessibility, 20, 'Соргдост');
export const serviceAccessibility = (org: OrganizationInput): IndicatorResult =>
  countIndicator('3.2', 'serviceAccessibility', org.serviceAccessibility, 20, 'Суслдост');

const label = (q: SurveyQuestion): string => `Q${q.slice(1)}да`;

/**
 * A survey share `yes / den × 100`. A zero denominator (nobody with a disability, nobody used remote
 * channels, no respondents) is null in `exclude` mode and 0 in `zero` mode (methodology.md switch).
 */
function surveyShare(
  id: IndicatorId,
  yes: SurveyQuestion,
  den: SurveyQuestion | 'respondents',
  survey: SurveyCounts,
  zeroMode: ZeroDenominatorMode,
  extra: IndicatorVariant = {},
): IndicatorResult {
  const denLabel = den === 'respondents' ? 'N' : label(den);
  const fields = {
    source: 'survey' as IndicatorSource,
    inputs: { [yes]: survey[yes], [den]: survey[den] },
    formula: `${label(yes)} / ${denLabel} × 100`,
  };
  if (survey[den] > 0) {
    return result(id, ratio(survey[yes], survey[den]).times(100), { ...fields, variant: extra });
  }
  const variant = { ...extra, zeroDenominator: zeroMode };
  const note = `${NO_USERS_NOTE} (${denLabel} = 0)`;
  if (zeroMode === 'zero')
    return result(id, ZERO, { ...fields, variant, note: `${note}: засчитано 0` });
  return result(id, null, { ...fields, variant, note: `${note}: показатель не применим` });
}

/**
 * 1.3 filter mode (default): `0.5 × (Q2да/Q1да + Q4да/Q3да) × 100`. If only one channel has users,
 * that half alone is the indicator (exclude mode) or the unused half counts 0 (zero mode).
 */
function informationSatisfactionFilter(
  s: SurveyCounts,
  zeroMode: ZeroDenominatorMode,
): IndicatorResult {
  const inputs = { q1: s.q1, q2: s.q2, q3: s.q3, q4: s.q4 };
  const base = { source: 'survey' as IndicatorSource, inputs };
  const both = '0.5 × (Q2да/Q1да + Q4да/Q3да) × 100';
  const stand = s.q1 > 0 ? ratio(s.q2, s.q1) : null;
  const site = s.q3 > 0 ? ratio(s.q4, s.q3) : null;
  if (stand && site) {
    return result('1.3', stand.plus(site).times(50), {
      ...base,
      formula: both,
      variant: { denominators: 'filter' },
    });
  }
  const variant: IndicatorVariant = { denominators: 'filter', zeroDenominator: zeroMode };
  if (zeroMode === 'zero') {
    const value = (stand ?? ZERO).plus(site ?? ZERO).times(50);
    return result('1.3', value, {
      ...base,
      formula: both,
      variant,
      note: 'неиспользованный канал засчитан как 0',
    });
  }
  if (stand) {
    return result('1.3', stand.times(100), {
      ...base,
      formula: 'Q2да/Q1да × 100',
      variant: { ...variant, halfOnly: 'stand' },
      note: 'сайтом никто не пользовался (Q3да = 0): показатель — только половина по стендам',
    });
  }
  if (site) {
    return result('1.3', site.times(100), {
      ...base,
      formula: 'Q4да/Q3да × 100',
      variant: { ...variant, halfOnly: 'site' },
      note: 'стендами никто не пользовался (Q1да = 0): показатель — только половина по сайту',
    });
  }
  return result('1.3', null, {
    ...base,
    formula: both,
    variant,
    note: 'стендами и сайтом никто не пользовался (Q1да = Q3да = 0): показатель не применим',
  });
}

/** 1.3 total mode: `(Q2да + Q4да) / (2 × N) × 100`; its only zero denominator is N = 0. */
function informationSatisfactionTotal(
  s: SurveyCounts,
  zeroMode: ZeroDenominatorMode,
): IndicatorResult {
  const fields = {
    source: 'survey' as IndicatorSource,
    inputs: { q2: s.q2, q4: s.q4, respondents: s.respondents },
    formula: '(Q2да + Q4да) / (2 × N) × 100',
  };
  if (s.respondents > 0) {
    const value = ratio(s.q2 + s.q4, 2 * s.respondents).times(100);
    return result('1.3', value, { ...fields, variant: { denominators: 'total' } });
  }
  const variant: IndicatorVariant = { denominators: 'total', zeroDenominator: zeroMode };
  if (zeroMode === 'zero')
    return result('1.3', ZERO, { ...fields, variant, note: 'N = 0: засчитано 0' });
  return result('1.3', null, { ...fields, variant, note: 'N = 0: показатель не применим' });
}

/** All indicators of one organisation, in the order of INDICATOR_IDS. */
export function scoreIndicators(
  org: OrganizationInput,
  m: MethodologyVersion,
): Record<IndicatorId, IndicatorResult> {
  const s = org.survey;
  const z = m.zeroDenominator;
  const filter = m.denominators === 'filter';
  return {
    '1.1': informationCompleteness(org),
    '1.2': remoteChannels(org),
    '1.3': filter ? informationSatisfactionFilter(s, z) : informationSatisfactionTotal(s, z),
    '2.1': comfortConditions(org),
    '2.3': surveyShare('2.3', 'q5', 'respondents', s, z),
    '3.1': premisesAccessibility(org),
    '3.2': serviceAccessibility(org),
    '3.3': surveyShare('3.3', 'q7', 'q6', s, z),
    '4.1': surveyShare('4.1', 'q8', 'respondents', s, z),
    '4.2': surveyShare('4.2', 'q9', 'respondents', s, z),
    '4.3': filter
      ? surveyShare('4.3', 'q11', 'q10', s, z, { denominators: 'filter' })
      : surveyShare('4.3', 'q11', 'respondents', s, z, { denominators: 'total' }),
    '5.1': surveyShare('5.1', 'q12', 'respondents', s, z),
    '5.2': surveyShare('5.2', 'q13', 'respondents', s, z),
    '5.3': surveyShare('5.3', 'q14', 'respondents', s, z),
  };
}
