// The analytical report, part 2: results by criterion and indicator (region, municipalities, kinds)
// and the ratings by kind of organization. Ties share a rank (standard competition ranking);
// organizations below their sample or without a total are listed apart, never ranked.
import { bandFor } from '../../domain/scoring/index.ts';
import { areasSection } from './content-areas.ts';
import type { AggregateResult, OrganizationResult } from '../results/results.schema.ts';
import { CRITERION_KEYS, INDICATOR_KEYS } from '../results/results.schema.ts';
import { b, h1, h2, p, t, type Block, type Cell } from './blocks.ts';
import { int, num2, quote, typo } from './format.ts';
import type { KindRating, ReportModel } from './model.ts';
import { sharedRanks } from './ranks.ts';
import {
  bandChart,
  criteriaByKindChart,
  indicatorChart,
  municipalityTotalsChart,
} from './report-charts.ts';
import { CRITERION_TITLES, criterionLabel, INDICATOR_TITLES, kindShort } from './texts.ts';

const criteriaCells = (a: AggregateResult | OrganizationResult): string[] => [
  ...CRITERION_KEYS.map((k) => num2(a.criteria[k])),
  num2(a.total),
];

function criteriaTable(m: ReportModel): Block {
  const row = (label: string, a: AggregateResult, bold = false): Cell[] => [
    bold ? { text: label, bold } : label,
    int(a.organizations),
    ...criteriaCells(a).map((text) => (bold ? { text, bold } : text)),
  ];
  const section = (text: string): Cell[] => [{ text, bold: true, colSpan: 8, fill: 'EEF2F8' }];
  const rows: Cell[][] = [];
  if (m.region) rows.push(row(m.results.campaign.regionName, m.region, true));
  rows.push(section('Муниципалитеты'), ...m.municipalities.map((a) => row(a.name, a)));
  rows.push(section('Типы организаций'), ...m.kinds.map((a) => row(a.name, a)));
  return {
    kind: 'table',
    caption: 'Средние значения критериев и итоговый балл',
    header: [['', 'Орг.', ...CRITERION_KEYS.map(criterionLabel), 'Итог']],
    rows,
    widths: [34, 8, 9, 9, 9, 9, 9, 13],
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  };
}

function indicatorTable(m: ReportModel): Block {
  const groups = [...(m.region ? [m.region] : []), ...m.kinds];
  return {
    kind: 'table',
    caption: 'Средние значения показателей: регион и типы организаций',
    header: [
      [
        '№',
        'Показатель',
        ...groups.map((g, i) => (i === 0 && m.region ? 'Регион' : kindShort(g.key))),
      ],
    ],
    rows: INDICATOR_KEYS.map((k) => [
      k,
      INDICATOR_TITLES[k],
      ...groups.map((g) => num2(g.indicators[k])),
    ]),
    widths: [6, 46, ...groups.map(() => 48 / groups.length)],
    align: ['left', 'left', ...groups.map(() => 'right' as const)],
    small: true,
  };
}

/** Indicators by municipality in two tables of seven columns (fits a portrait page). */
function municipalityIndicatorTables(m: ReportModel): Block[] {
  const halves = [INDICATOR_KEYS.slice(0, 7), INDICATOR_KEYS.slice(7)];
  return halves.map((keys, i) => ({
    kind: 'table',
    caption: `Средние значения показателей по муниципалитетам (${i === 0 ? 'показатели 1.1–3.2' : 'показатели 3.3–5.3'})`,
    header: [['Муниципалитет', ...keys]],
    rows: m.municipalities.map((a) => [a.name, ...keys.map((k) => num2(a.indicators[k]))]),
    widths: [30, ...keys.map(() => 10)],
    align: ['left', ...keys.map(() => 'right' as const)],
    small: true,
  }));
}

function summary(m: ReportModel): Block[] {
  const region = m.region;
  if (!region || region.total === null)
    return [p('Итоговый балл по региону не рассчитан: нет организаций с достаточными данными.')];
  const band = bandFor(region.total, m.results.bands)?.label;
  const criteria = CRITERION_KEYS.filter((k) => region.criteria[k] !== null).sort(
    (a, c) => (region.criteria[c] ?? 0) - (region.criteria[a] ?? 0),
  );
  const best = criteria[0];
  const worst = criteria.at(-1);
  const out: Block[] = [
    p([
      t('Средний итоговый балл по региону — '),
      b(num2(region.total)),
      t(band ? ` (${quote(band)}); ` : '; '),
      t(`рассчитан по ${int(region.organizations)} организациям.`),
    ]),
  ];
  if (best && worst && best !== worst) {
    out.push(
      p(
        `Наиболее высокое значение — у критерия ${criterionLabel(best)} ${quote(CRITERION_TITLES[best])} (${num2(region.criteria[best])}), наиболее низкое — у критерия ${criterionLabel(worst)} ${quote(CRITERION_TITLES[worst])} (${num2(region.criteria[worst])}).`,
      ),
    );
  }
  return out;
}

export function resultsSection(m: ReportModel): Block[] {
  return [
    h1('3. Результаты по критериям и показателям', true),
    ...summary(m),
    criteriaTable(m),
    criteriaByKindChart(m),
    ...(m.municipalities.length > 0 ? [municipalityTotalsChart(m)] : []),
    h2('3.1. Показатели'),
    indicatorTable(m),
    ...(m.region ? [indicatorChart(m.region)] : []),
    ...municipalityIndicatorTables(m),
    ...areasSection(m),
  ];
}

function ratingTable(r: KindRating): Block {
  const shared = sharedRanks(
    new Map(r.ranked.map((o) => [String(o.organizationId), o.ranks.kind ?? 0])),
  );
  return {
    kind: 'table',
    caption: `Рейтинг: ${r.title.toLowerCase()}`,
    header: [
      [
        'Место',
        'Организация',
        'Муниципалитет',
        ...CRITERION_KEYS.map(criterionLabel),
        'Итог',
        'Оценка',
      ],
    ],
    rows: r.ranked.map((o) => [
      shared.has(o.ranks.kind ?? 0) ? `${o.ranks.kind}*` : String(o.ranks.kind),
      typo(o.shortName),
      o.municipalityName,
      ...criteriaCells(o),
      o.band ?? '—',
    ]),
    widths: [7, 24, 19, 6, 6, 6, 6, 6, 8, 12],
    align: ['center', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    small: true,
  };
}

function unrankedReason(o: OrganizationResult): string {
  if (o.total === null) return 'недостаточно данных';
  if (o.belowSample)
    return `ниже требуемой выборки (${int(o.respondents)} из ${int(o.requiredSample)}), итоговый балл ${num2(o.total)}`;
  return 'не включена в рейтинг';
}

export function ratingsSection(m: ReportModel): Block[] {
  const blocks: Block[] = [
    h1('4. Рейтинги организаций', true),
    p(
      'Организации ранжированы по итоговому баллу внутри своего типа по региону. Организации с одинаковым итоговым баллом (с точностью до сотых) занимают одно место и отмечены звёздочкой (*); следующее место после них пропускается. Организации, не набравшие требуемую выборку, и организации без итогового балла в рейтинг не включены.',
    ),
    bandChart(m),
  ];
  m.ratings.forEach((r, i) => {
    blocks.push(h2(`4.${i + 1}. ${r.title}`));
    if (r.ranked.length > 0) blocks.push(ratingTable(r));
    if (r.unranked.length > 0) {
      blocks.push(
        p(
          `Не включены в рейтинг: ${r.unranked.map((o) => `${typo(o.shortName)} — ${unrankedReason(o)}`).join('; ')}.`,
          'note',
        ),
      );
    }
  });
  blocks.push(h2(`4.${m.ratings.length + 1}. Муниципалитеты`), {
    kind: 'table',
    caption: 'Муниципалитеты по среднему итоговому баллу',
    header: [['Место', 'Муниципалитет', 'Организаций', 'Средний итоговый балл']],
    rows: [...m.municipalities]
      .sort(
        (a, c) => (m.municipalityRanks.get(a.key) ?? 1e9) - (m.municipalityRanks.get(c.key) ?? 1e9),
      )
      .map((a) => [
        String(m.municipalityRanks.get(a.key) ?? '—'),
        a.name,
        int(a.organizations),
        num2(a.total),
      ]),
    widths: [10, 50, 15, 25],
    align: ['center', 'left', 'right', 'right'],
  });
  return blocks;
}
