// The results workbook (XLSX): «Итоги» (every organization: identity, indicators, criteria, total,
// band, ranks, flags), «Исходные данные» (every raw count given to the engine), «Доли и интервалы»
// (survey shares with Wilson bounds), «Недостатки», «Муниципалитеты» and «Методика».
import ExcelJS from 'exceljs';
import type { CampaignResults, OrganizationResult } from '../results/results.schema.ts';
import { CRITERION_KEYS, INDICATOR_KEYS } from '../results/results.schema.ts';
import { buildModel } from './model.ts';
import { methodologySheet } from './xlsx-method.ts';
import { addTable, yesNo, type CellValue, type Column } from './xlsx-table.ts';
import { criterionLabel, kindSingle, QUESTION_SHORT } from './texts.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const score = (header: string): Column => ({ header, width: 8, format: 'score' });
const int = (header: string, width = 10): Column => ({ header, width, format: 'int' });
const text = (header: string, width: number): Column => ({ header, width, format: 'text' });

const IDENTITY: Column[] = [int('ID', 7), text('ИНН', 12), text('Организация', 34)];
const identity = (o: OrganizationResult): CellValue[] => [o.organizationId, o.inn, o.shortName];

function summarySheet(wb: ExcelJS.Workbook, results: CampaignResults): void {
  const columns: Column[] = [
    ...IDENTITY,
    text('Полное наименование', 50),
    text('Тип', 18),
    text('Муниципалитет', 28),
    text('Учредитель', 36),
    ...INDICATOR_KEYS.map(score),
    ...CRITERION_KEYS.map((k) => score(criterionLabel(k))),
    score('Итог'),
    text('Оценка', 16),
    int('Место среди своего типа', 10),
    int('Место в муниципалитете', 12),
    int('Место в регионе', 9),
    int('Респондентов', 12),
    int('Требуется', 10),
    text('Ниже выборки', 9),
    text('В рейтинге', 9),
    text('Недостаточно данных', 11),
    int('Помечено ответов', 10),
    int('Исключено ответов', 10),
    int('Недостатков', 11),
  ];
  const rows = results.organizations.map((o) => [
    ...identity(o),
    o.fullName,
    kindSingle(o.kind),
    o.municipalityName,
    o.founderName,
    ...INDICATOR_KEYS.map((k) => o.indicators[k] ?? null),
    ...CRITERION_KEYS.map((k) => o.criteria[k] ?? null),
    o.total,
    o.band,
    o.ranks.kind,
    o.ranks.municipality,
    o.ranks.region,
    o.respondents,
    o.requiredSample,
    yesNo(o.belowSample),
    yesNo(o.ranked),
    yesNo(o.total === null),
    o.flaggedResponses,
    o.excludedResponses,
    o.shortcomings.length,
  ]);
  addTable(wb, 'Итоги', columns, rows, { frozenColumns: 3 });
}

/** Known count fields in the order of `noko score` input, with their Russian names. */
const COUNT_LABELS: [string, string][] = [
  ['kind', 'Тип (код)'],
  ['stand.present', 'Стенд: есть'],
  ['stand.required', 'Стенд: требуется'],
  ['site.present', 'Сайт: есть'],
  ['site.required', 'Сайт: требуется'],
  ['remoteChannels', 'Дистанционных способов'],
  ['comfortConditions', 'Условий комфортности'],
  ['premisesAccessibility', 'Доступность помещений'],
  ['serviceAccessibility', 'Доступность услуг'],
  ['survey.respondents', 'Респондентов (N)'],
  ...Array.from({ length: 14 }, (_, i): [string, string] => [`survey.q${i + 1}`, `В${i + 1} «Да»`]),
];

/** Flattens nested counts: { stand: { present: 9 } } → { 'stand.present': 9 }. */
export function flattenCounts(
  value: unknown,
  prefix = '',
  out: Record<string, CellValue> = {},
): Record<string, CellValue> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value))
      flattenCounts(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out[prefix] =
      typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean'
        ? value
        : JSON.stringify(value);
  }
  return out;
}

function countsSheet(wb: ExcelJS.Workbook, results: CampaignResults): void {
  const flat = results.organizations.map((o) => flattenCounts(o.counts));
  const known = new Set(COUNT_LABELS.map(([k]) => k));
  const extra = [...new Set(flat.flatMap((f) => Object.keys(f)))]
    .filter((k) => !known.has(k) && k !== 'id')
    .sort();
  const keys = [
    ...COUNT_LABELS.filter(([k]) => flat.some((f) => k in f)),
    ...extra.map((k): [string, string] => [k, k]),
  ];
  const columns: Column[] = [
    ...IDENTITY,
    ...keys.map(([k, label]) => ({
      header: `${label} (${k})`,
      width: 12,
      format: k === 'kind' ? ('text' as const) : ('int' as const),
    })),
  ];
  const rows = results.organizations.map((o, i) => [
    ...identity(o),
    ...keys.map(([k]) => flat[i]?.[k] ?? null),
  ]);
  addTable(wb, 'Исходные данные', columns, rows, { frozenColumns: 3 });
}

function sharesSheet(wb: ExcelJS.Workbook, results: CampaignResults): void {
  const columns: Column[] = [
    ...IDENTITY,
    text('Показатель', 10),
    text('Вопрос', 8),
    text('Содержание', 48),
    int('«Да»', 8),
    int('Из', 8),
    score('Доля, %'),
    score('Нижняя граница 95 %'),
    score('Верхняя граница 95 %'),
  ];
  const rows = results.organizations.flatMap((o) =>
    o.surveyShares.map((s) => [
      ...identity(o),
      s.indicator,
      s.question.toUpperCase().replace('Q', 'В'),
      QUESTION_SHORT[s.question] ?? '',
      s.yes,
      s.of,
      s.share,
      s.low,
      s.high,
    ]),
  );
  addTable(wb, 'Доли и интервалы', columns, rows, { frozenColumns: 3 });
}

function shortcomingsSheet(wb: ExcelJS.Workbook, results: CampaignResults): void {
  const columns: Column[] = [
    ...IDENTITY,
    text('Муниципалитет', 26),
    text('Показатель', 10),
    text('Источник', 10),
    text('Код', 22),
    text('Недостаток', 60),
    score('Значение'),
    text('Рекомендация', 70),
    text('Основание', 40),
  ];
  const rows = results.organizations.flatMap((o) =>
    o.shortcomings.map((s) => [
      ...identity(o),
      o.municipalityName,
      s.indicator,
      s.source,
      s.code,
      s.title,
      s.value,
      s.recommendation,
      s.legalBasis,
    ]),
  );
  addTable(wb, 'Недостатки', columns, rows, { frozenColumns: 3 });
}

function municipalitiesSheet(wb: ExcelJS.Workbook, results: CampaignResults): void {
  const m = buildModel(results);
  const sample = new Map(m.sample.map((s) => [String(s.municipalityId), s]));
  const columns: Column[] = [
    text('Муниципалитет', 30),
    int('Место', 7),
    int('Организаций', 11),
    int('С итоговым баллом', 11),
    int('Требуется респондентов', 12),
    int('Опрошено', 10),
    int('Ниже выборки', 9),
    int('Нет данных', 9),
    ...CRITERION_KEYS.map((k) => score(criterionLabel(k))),
    score('Итог'),
    ...INDICATOR_KEYS.map(score),
  ];
  const rows = m.municipalities.map((a) => {
    const s = sample.get(a.key);
    return [
      a.name,
      m.municipalityRanks.get(a.key) ?? null,
      s?.organizations ?? null,
      a.organizations,
      s?.required ?? null,
      s?.collected ?? null,
      s?.belowSample ?? null,
      s?.insufficient ?? null,
      ...CRITERION_KEYS.map((k) => a.criteria[k] ?? null),
      a.total,
      ...INDICATOR_KEYS.map((k) => a.indicators[k] ?? null),
    ];
  });
  if (m.region) {
    const t = m.sampleTotal;
    const r = m.region;
    rows.push([
      `Итого: ${results.campaign.regionName}`,
      null,
      t.organizations,
      r.organizations,
      t.required,
      t.collected,
      t.belowSample,
      t.insufficient,
      ...CRITERION_KEYS.map((k) => r.criteria[k] ?? null),
      r.total,
      ...INDICATOR_KEYS.map((k) => r.indicators[k] ?? null),
    ]);
  }
  addTable(wb, 'Муниципалитеты', columns, rows, { frozenColumns: 1 });
}

/** The workbook's bytes. */
export async function buildWorkbook(results: CampaignResults, generatedAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'noko';
  wb.created = generatedAt;
  wb.title = `Результаты НОК УООД: ${results.campaign.regionName}, ${results.campaign.year}`;
  summarySheet(wb, results);
  countsSheet(wb, results);
  sharesSheet(wb, results);
  shortcomingsSheet(wb, results);
  municipalitiesSheet(wb, results);
  methodologySheet(wb, results, generatedAt);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
