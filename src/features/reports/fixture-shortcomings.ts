// Survey shares and shortcomings of a fixture organization, derived from its counts the way the
// calculation is expected to (results.schema.ts): every condition missing from a checklist, every
// information gap and every survey share below 90 % becomes a shortcoming with the standard
// recommendation of its indicator.
import type { OrganizationInput } from '../../domain/scoring/index.ts';
import type { Shortcoming, SurveyShare } from '../results/results.schema.ts';
import { pct } from './format.ts';
import { INDICATOR_RECOMMENDATIONS, QUESTION_SHORT, type IndicatorKey } from './texts.ts';
import { wilsonInterval } from './wilson.ts';

const SHARES: readonly [IndicatorKey, string, string | null][] = [
  ['1.3', 'q2', 'q1'],
  ['1.3', 'q4', 'q3'],
  ['2.3', 'q5', null],
  ['3.3', 'q7', 'q6'],
  ['4.1', 'q8', null],
  ['4.2', 'q9', null],
  ['4.3', 'q11', 'q10'],
  ['5.1', 'q12', null],
  ['5.2', 'q13', null],
  ['5.3', 'q14', null],
];

/** Every survey share with its Wilson 95 % interval; `of` is the filter count or N. */
export function surveySharesOf(input: OrganizationInput): SurveyShare[] {
  const s = input.survey as unknown as Record<string, number>;
  return SHARES.map(([indicator, question, filter]) => {
    const yes = s[question] ?? 0;
    const of = filter ? (s[filter] ?? 0) : input.survey.respondents;
    const w = wilsonInterval(yes, of);
    return {
      indicator,
      question,
      yes,
      of,
      share: w?.share ?? null,
      low: w?.low ?? null,
      high: w?.high ?? null,
    };
  });
}

const COMFORT = [
  ['rest_area', 'зона отдыха (ожидания) с мебелью'],
  ['navigation', 'понятная навигация внутри организации'],
  ['drinking_water', 'доступная питьевая вода'],
  ['toilets', 'санитарно-гигиенические помещения'],
  ['sanitary', 'надлежащее санитарное состояние помещений'],
] as const;
const PREMISES = [
  ['ramps', 'входные группы с пандусами (подъёмными платформами)'],
  ['parking', 'выделенная стоянка для автотранспорта инвалидов'],
  ['lifts', 'адаптированные лифты, поручни, расширенные дверные проёмы'],
  ['wheelchairs', 'сменные кресла-коляски'],
  ['toilets', 'специально оборудованные санитарно-гигиенические помещения'],
] as const;
const SERVICES = [
  ['duplication', 'дублирование звуковой и зрительной информации'],
  ['braille', 'дублирование надписей знаками шрифта Брайля'],
  ['sign_language', 'услуги сурдопереводчика (тифлосурдопереводчика)'],
  ['low_vision_site', 'версия сайта для инвалидов по зрению'],
  ['escort', 'сопровождение инвалидов работниками организации'],
  ['remote', 'возможность обучения дистанционно или на дому'],
] as const;

const LAW_29 = 'ст. 29 Федерального закона № 273-ФЗ';
const ACCESS = 'ст. 79 Федерального закона № 273-ФЗ; приказ Минпросвещения России № 114';

function missing(
  prefix: string,
  indicator: IndicatorKey,
  list: readonly (readonly [string, string])[],
  present: number,
  value: number | null,
): Shortcoming[] {
  return list.slice(Math.min(present, list.length)).map(([code, title]) => ({
    code: `${prefix}:${code}`,
    indicator,
    source: 'checklist',
    title: `Отсутствует: ${title}`,
    recommendation: INDICATOR_RECOMMENDATIONS[indicator],
    legalBasis: prefix === 'comfort' ? 'приказ Минпросвещения России № 114' : ACCESS,
    value,
  }));
}

/** Shortcomings in indicator order; `values` are the organization's rounded indicators. */
export function shortcomingsOf(
  input: OrganizationInput,
  values: Readonly<Record<IndicatorKey, number | null>>,
  shares: readonly SurveyShare[],
): Shortcoming[] {
  const out: Shortcoming[] = [];
  const gap = (part: 'stand' | 'site', where: string) => {
    const { present, required } = input[part];
    if (present >= required) return;
    out.push({
      code: `${part}:items`,
      indicator: '1.1',
      source: part,
      title: `${where}: нет ${required - present} из ${required} обязательных сведений`,
      recommendation: INDICATOR_RECOMMENDATIONS['1.1'],
      legalBasis: part === 'site' ? `${LAW_29}; приказ Рособрнадзора от 04.08.2023 № 1493` : LAW_29,
      value: values['1.1'],
    });
  };
  gap('stand', 'Информационные стенды');
  gap('site', 'Официальный сайт');
  if (input.remoteChannels < 4) {
    out.push({
      code: 'channels:count',
      indicator: '1.2',
      source: 'channels',
      title: `Работают ${input.remoteChannels} дистанционных способа взаимодействия из 4 необходимых`,
      recommendation: INDICATOR_RECOMMENDATIONS['1.2'],
      legalBasis: LAW_29,
      value: values['1.2'],
    });
  }
  out.push(...missing('comfort', '2.1', COMFORT, input.comfortConditions, values['2.1']));
  out.push(...missing('premises', '3.1', PREMISES, input.premisesAccessibility, values['3.1']));
  out.push(...missing('services', '3.2', SERVICES, input.serviceAccessibility, values['3.2']));
  for (const s of shares) {
    if (s.share === null || s.share >= 90) continue;
    out.push({
      code: `survey:${s.question}`,
      indicator: s.indicator,
      source: 'survey',
      title: `${QUESTION_SHORT[s.question] ?? s.question}: ${pct(s.share)} (${s.yes} из ${s.of})`,
      recommendation: INDICATOR_RECOMMENDATIONS[s.indicator],
      legalBasis: null,
      value: s.share,
    });
  }
  return out;
}
