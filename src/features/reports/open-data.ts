// The open data set of a campaign's results (docs/open-data.md): one record per organization, Latin
// column codes, as CSV per the Russian open-data guidelines (Методические рекомендации по публикации
// открытых данных, версия 3.0: UTF-8, comma separator, a header row of field codes, a point as the
// decimal separator) and as JSON with the same fields.
import { format2 } from '../../domain/scoring/index.ts';
import type { CampaignResults, OrganizationResult } from '../results/results.schema.ts';
import { CRITERION_KEYS, INDICATOR_KEYS } from '../results/results.schema.ts';
import { toCsv } from './csv.ts';
import { methodologyInfo } from './model.ts';

export type OpenValue = string | number | boolean | null;

interface Field {
  code: string;
  /** Russian description (docs/open-data.md and the structure file). */
  title: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'datetime';
  value: (o: OrganizationResult, r: CampaignResults) => OpenValue;
}

const indicatorCode = (k: string) => `i_${k.replace('.', '_')}`;

export const OPEN_DATA_FIELDS: readonly Field[] = [
  {
    code: 'campaign_id',
    title: 'Номер кампании оценки',
    type: 'integer',
    value: (_, r) => r.campaign.id,
  },
  {
    code: 'year',
    title: 'Год проведения оценки',
    type: 'integer',
    value: (_, r) => r.campaign.year,
  },
  {
    code: 'region',
    title: 'Субъект Российской Федерации',
    type: 'string',
    value: (_, r) => r.campaign.regionName,
  },
  {
    code: 'run_version',
    title: 'Версия результатов',
    type: 'integer',
    value: (_, r) => r.run.version,
  },
  {
    code: 'run_status',
    title:
      'Состояние результатов: frozen — утверждены, current — текущий расчёт, superseded — заменены',
    type: 'string',
    value: (_, r) => r.run.status,
  },
  {
    code: 'computed_at',
    title: 'Дата и время расчёта (ISO 8601, UTC)',
    type: 'datetime',
    value: (_, r) => r.run.computedAt,
  },
  {
    code: 'denominators',
    title:
      'Знаменатели показателей 1.3 и 4.3: filter — по фильтрующему вопросу, total — все респонденты',
    type: 'string',
    value: (_, r) => methodologyInfo(r).denominators,
  },
  {
    code: 'zero_denominator',
    title: 'Нулевой знаменатель: exclude — показатель не применяется, zero — доля равна 0',
    type: 'string',
    value: (_, r) => methodologyInfo(r).zeroDenominator,
  },
  {
    code: 'organization_id',
    title: 'Номер организации в реестре noko',
    type: 'integer',
    value: (o) => o.organizationId,
  },
  { code: 'inn', title: 'ИНН организации', type: 'string', value: (o) => o.inn },
  { code: 'short_name', title: 'Краткое наименование', type: 'string', value: (o) => o.shortName },
  { code: 'full_name', title: 'Полное наименование', type: 'string', value: (o) => o.fullName },
  {
    code: 'kind',
    title:
      'Тип: preschool — дошкольная, school — общеобразовательная, vocational — профессиональная, additional — дополнительного образования',
    type: 'string',
    value: (o) => o.kind,
  },
  {
    code: 'municipality_id',
    title: 'Номер муниципалитета в реестре noko',
    type: 'integer',
    value: (o) => o.municipalityId,
  },
  {
    code: 'municipality',
    title: 'Муниципальное образование',
    type: 'string',
    value: (o) => o.municipalityName,
  },
  { code: 'founder', title: 'Учредитель', type: 'string', value: (o) => o.founderName },
  ...INDICATOR_KEYS.map((k): Field => ({
    code: indicatorCode(k),
    title: `Показатель ${k}, баллы (0–100); пусто — не применяется`,
    type: 'number',
    value: (o) => o.indicators[k] ?? null,
  })),
  ...CRITERION_KEYS.map((k): Field => ({
    code: k.toLowerCase(),
    title: `Критерий ${k.replace('K', 'К')}, баллы (0–100)`,
    type: 'number',
    value: (o) => o.criteria[k] ?? null,
  })),
  {
    code: 'total',
    title: 'Итоговый балл (среднее пяти критериев); пусто — недостаточно данных',
    type: 'number',
    value: (o) => o.total,
  },
  {
    code: 'band',
    title: 'Диапазон итогового балла (наглядно, не официальная оценка)',
    type: 'string',
    value: (o) => o.band,
  },
  {
    code: 'rank_kind',
    title: 'Место среди организаций своего типа в регионе',
    type: 'integer',
    value: (o) => o.ranks.kind,
  },
  {
    code: 'rank_municipality',
    title: 'Место среди организаций своего типа в муниципалитете',
    type: 'integer',
    value: (o) => o.ranks.municipality,
  },
  {
    code: 'rank_region',
    title: 'Место среди всех организаций региона',
    type: 'integer',
    value: (o) => o.ranks.region,
  },
  { code: 'ranked', title: 'Включена в рейтинг', type: 'boolean', value: (o) => o.ranked },
  {
    code: 'respondents',
    title: 'Учтено респондентов',
    type: 'integer',
    value: (o) => o.respondents,
  },
  {
    code: 'required_sample',
    title: 'Требуемый объём выборки',
    type: 'integer',
    value: (o) => o.requiredSample,
  },
  {
    code: 'below_sample',
    title: 'Выборка ниже требуемой',
    type: 'boolean',
    value: (o) => o.belowSample,
  },
  {
    code: 'flagged_responses',
    title: 'Ответов помечено как подозрительные',
    type: 'integer',
    value: (o) => o.flaggedResponses,
  },
  {
    code: 'excluded_responses',
    title: 'Ответов исключено',
    type: 'integer',
    value: (o) => o.excludedResponses,
  },
  {
    code: 'shortcomings',
    title: 'Число выявленных недостатков',
    type: 'integer',
    value: (o) => o.shortcomings.length,
  },
];

export function openDataRecords(results: CampaignResults): Record<string, OpenValue>[] {
  return results.organizations.map((o) =>
    Object.fromEntries(OPEN_DATA_FIELDS.map((f) => [f.code, f.value(o, results)])),
  );
}

function csvText(value: OpenValue, type: Field['type']): string {
  if (value === null) return '';
  if (type === 'number' && typeof value === 'number') return format2(value);
  return String(value);
}

/** UTF-8 without BOM, comma, CRLF, point decimals, empty for null. */
export function openDataCsv(results: CampaignResults): Buffer {
  const rows = results.organizations.map((o) =>
    OPEN_DATA_FIELDS.map((f) => csvText(f.value(o, results), f.type)),
  );
  const header = OPEN_DATA_FIELDS.map((f) => f.code);
  return Buffer.from(
    toCsv(header, rows, { separator: ',', bom: false, guardFormulas: false }),
    'utf8',
  );
}

/** A JSON array of records with the CSV's fields (numbers as numbers, null for empty). */
export function openDataJson(results: CampaignResults): Buffer {
  const lines = openDataRecords(results).map((r) => JSON.stringify(r));
  return Buffer.from(`[\n${lines.join(',\n')}\n]\n`, 'utf8');
}

/** The structure of the set (code, description, type): the open-data «структура набора». */
export function openDataStructureCsv(): Buffer {
  const rows = OPEN_DATA_FIELDS.map((f) => [f.code, f.title, f.type]);
  return Buffer.from(
    toCsv(['field', 'description', 'format'], rows, {
      separator: ',',
      bom: false,
      guardFormulas: false,
    }),
    'utf8',
  );
}
