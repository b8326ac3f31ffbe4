// The analytical report, part 3: shortcomings found most often, the weakest indicators of the region
// with their standard recommendations, organizations that need attention first, and what follows
// by law (plans to remedy shortcomings, Government resolution No. 457).
import { INDICATOR_KEYS } from '../results/results.schema.ts';
import { b, h1, h2, list, p, t, type Block, type Run } from './blocks.ts';
import { int, num2, pct, quote, typo } from './format.ts';
import type { ReportModel } from './model.ts';
import { INDICATOR_RECOMMENDATIONS, INDICATOR_TITLES, PLAN_BASIS } from './texts.ts';

const TOP = 15;

function frequentTable(m: ReportModel): Block {
  const total = m.results.organizations.length;
  return {
    kind: 'table',
    caption: 'Наиболее частые недостатки',
    header: [['Недостаток', 'Показатель', 'Организаций', 'Доля организаций']],
    rows: m.frequent
      .slice(0, TOP)
      .map((f) => [
        typo(f.title),
        f.indicator,
        int(f.organizations),
        pct(total === 0 ? null : (f.organizations / total) * 100),
      ]),
    widths: [58, 12, 14, 16],
    align: ['left', 'center', 'right', 'right'],
  };
}

/** The indicators with the lowest region means, each with its standard recommendation. */
function weakest(m: ReportModel, count = 4): Run[][] {
  const region = m.region;
  if (!region) return [];
  return INDICATOR_KEYS.filter(
    (k) => region.indicators[k] !== null && (region.indicators[k] ?? 0) < 100,
  )
    .sort((a, c) => (region.indicators[a] ?? 0) - (region.indicators[c] ?? 0))
    .slice(0, count)
    .map((k) => [
      b(`Показатель ${k} ${quote(INDICATOR_TITLES[k])} — ${num2(region.indicators[k])}. `),
      t(INDICATOR_RECOMMENDATIONS[k]),
    ]);
}

function attention(m: ReportModel): Block[] {
  const lowest = m.results.organizations
    .filter((o) => o.total !== null)
    .sort((a, c) => (a.total ?? 0) - (c.total ?? 0))
    .slice(0, 5);
  if (lowest.length === 0) return [];
  return [
    h2('5.3. Организации, требующие первоочередного внимания учредителей'),
    {
      kind: 'table',
      caption: 'Организации с наименьшим итоговым баллом',
      header: [['Организация', 'Муниципалитет', 'Итог', 'Оценка', 'Недостатков']],
      rows: lowest.map((o) => [
        typo(o.shortName),
        o.municipalityName,
        num2(o.total),
        o.band ?? '—',
        int(o.shortcomings.length),
      ]),
      widths: [34, 30, 10, 14, 12],
      align: ['left', 'left', 'right', 'left', 'right'],
    },
  ];
}

export function findingsSection(m: ReportModel): Block[] {
  const blocks: Block[] = [
    h1('5. Недостатки и рекомендации', true),
    p(
      `Всего выявлено ${int(m.results.organizations.reduce((s, o) => s + o.shortcomings.length, 0))} недостатков в ${int(m.results.organizations.filter((o) => o.shortcomings.length > 0).length)} организациях. Полный перечень недостатков каждой организации с рекомендациями приведён в приложении и в таблице XLSX (лист «Недостатки»).`,
    ),
    h2('5.1. Наиболее частые недостатки'),
  ];
  blocks.push(m.frequent.length > 0 ? frequentTable(m) : p('Недостатков не выявлено.'));
  const weak = weakest(m);
  if (weak.length > 0) {
    blocks.push(h2('5.2. Рекомендации по показателям с наименьшими значениями'), list(weak));
  }
  blocks.push(...attention(m));
  blocks.push(
    h2('5.4. Рекомендации органам управления образованием'),
    list([
      `Обеспечить разработку и утверждение организациями планов по устранению недостатков, выявленных в ходе независимой оценки, и их размещение на официальных сайтах и на сайте bus.gov.ru (${PLAN_BASIS}).`,
      'Учесть результаты независимой оценки при оценке эффективности работы руководителей организаций (статья 95.2 Федерального закона № 273-ФЗ).',
      ...(m.belowSample.length > 0
        ? [
            `Организовать дополнительное информирование получателей услуг об опросе в организациях, не набравших требуемую выборку (${int(m.belowSample.length)}), чтобы в следующем цикле их результаты могли войти в рейтинг.`,
          ]
        : []),
      ...(m.insufficient.length > 0
        ? [
            'Выяснить причины отсутствия ответов получателей услуг в организациях без итогового балла и провести опрос повторно.',
          ]
        : []),
      'Рассмотреть результаты на заседании общественного совета по независимой оценке качества и направить предложения об улучшении деятельности организаций учредителям.',
    ]),
  );
  return blocks;
}
