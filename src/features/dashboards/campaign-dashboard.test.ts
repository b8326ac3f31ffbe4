// The campaign dashboard's numbers as they go into the charts: counts per band, means of a
// selection and of municipalities, top and bottom, the gap list — on hand-made results (every
// number checkable by hand) and on the engine-scored fixture.
import { describe, expect, it } from 'vitest';
import { bandRange, countByBand, histogramBins } from './bands.ts';
import { buildCampaignDashboard, topAndBottom } from './campaign-dashboard.ts';
import { dashboardsFixture } from './dashboards.fixture.ts';
import { commonTitle, gapList } from './gaps.ts';
import { municipalityMeans } from './municipalities.ts';
import { NO_FILTERS, selectionMeans } from './selection.ts';
import { aggregate, org, results } from './test-results.ts';

type Series = { data: ({ value: number | null } | number | null)[]; name?: string };
const seriesOf = (option: unknown): Series[] => (option as { series: Series[] }).series;
const values = (s: Series) =>
  s.data.map((d) => (d !== null && typeof d === 'object' ? d.value : d));
const axis = (option: unknown, name: 'xAxis' | 'yAxis') =>
  (option as Record<string, { data: string[] }>)[name]!.data;

const hand = results(
  [
    org({
      id: 1,
      total: 95.5,
      municipality: 1,
      ranks: { region: 1, kind: 1, municipality: 1 },
      gaps: ['comfort:water'],
    }),
    org({
      id: 2,
      total: 80,
      municipality: 1,
      ranks: { region: 3, kind: 2, municipality: 2 },
      gaps: ['comfort:water', 'survey:q14'],
    }),
    org({
      id: 3,
      total: 80.01,
      municipality: 2,
      kind: 'preschool',
      ranks: { region: 2, kind: 1, municipality: 1 },
    }),
    org({
      id: 4,
      total: 35,
      municipality: 2,
      ranks: { region: 4, kind: 3, municipality: 1 },
      gaps: ['survey:q14'],
    }),
    org({ id: 5, total: 50, municipality: 2, belowSample: true, gaps: ['comfort:water'] }),
    org({ id: 6, total: null, municipality: 1, belowSample: true }),
  ],
  [
    aggregate('region', 'region', 68.1, 5),
    aggregate('municipality', '1', 87.75, 2),
    aggregate('municipality', '2', 55, 3),
    aggregate('kind', 'school', 65.13, 4),
  ],
);

describe('bands', () => {
  it('prints the default ranges as methodology.md does', () => {
    expect(hand.bands.map((_, i) => bandRange(hand.bands, i))).toEqual([
      '81–100',
      '61–80',
      '41–60',
      '21–40',
      '0–20',
    ]);
  });

  it('counts organizations per band, 80.00 in «хорошо» and 80.01 in «отлично»', () => {
    const counted = countByBand(hand.bands, hand.organizations);
    expect(counted.bands.map((b) => [b.label, b.count])).toEqual([
      ['отлично', 2],
      ['хорошо', 1],
      ['удовлетворительно', 1],
      ['неудовлетворительно', 1],
      ['плохо', 0],
    ]);
    expect(counted.noData).toBe(1);
  });

  it('draws bins from the lowest band to the best, «нет данных» first, each with a pattern', () => {
    const bins = histogramBins(countByBand(hand.bands, hand.organizations));
    expect(bins.map((b) => [b.label, b.count])).toEqual([
      ['нет данных', 1],
      ['плохо\n0–20', 0],
      ['неудовлетво-\nрительно\n21–40', 1],
      ['удовлетвори-\nтельно\n41–60', 1],
      ['хорошо\n61–80', 1],
      ['отлично\n81–100', 2],
    ]);
    expect(new Set(bins.map((b) => b.color)).size).toBe(6);
    expect(bins.filter((b) => b.decal).length).toBeGreaterThanOrEqual(5);
  });
});

describe('buildCampaignDashboard (hand-made results)', () => {
  const d = buildCampaignDashboard(hand, NO_FILTERS);

  it('counts organizations, ranked ones, below sample and insufficient data', () => {
    expect(d.counts).toEqual({
      organizations: 6,
      withTotal: 5,
      ranked: 4,
      belowSample: 2,
      insufficientData: 1,
    });
    expect(d.selectionLabel).toBe('вся область');
  });

  it('puts the band counts into the histogram option', () => {
    expect(values(seriesOf(d.charts.histogram.option)[0]!)).toEqual([1, 0, 1, 1, 1, 2]);
    expect(d.charts.histogram.table.rows.map((r) => r.cells[1])).toEqual([
      '2',
      '1',
      '1',
      '1',
      '0',
      '1',
    ]);
    expect(d.charts.histogram.summary).toContain('отлично (81–100) — 2');
  });

  it('compares municipalities by their stored means, best first, with the region line', () => {
    const option = d.charts.municipalities!.option;
    // ECharts draws the first category at the bottom: the list is reversed in the option.
    expect(axis(option, 'yAxis')).toEqual(['Район', 'Город']);
    expect(values(seriesOf(option)[0]!)).toEqual([55, 87.75]);
    const line = (seriesOf(option)[0] as unknown as { markLine: { data: { xAxis: number }[] } })
      .markLine;
    expect(line.data[0]!.xAxis).toBe(68.1);
  });

  it('shows region means of K1–K5 and the total', () => {
    const [region] = seriesOf(d.charts.criteria.option);
    expect(values(region!)).toEqual([68.1, 68.1, 68.1, 68.1, 68.1, 68.1]);
  });

  it('lists the ranked ones best first; below-sample and no-data ones stay out', () => {
    expect(d.top.map((r) => [r.organizationId, r.rank])).toEqual([
      [1, 1],
      [3, 2],
      [2, 3],
      [4, 4],
    ]);
    expect(d.bottom).toEqual([]);
    expect(d.belowSample.map((r) => r.organizationId)).toEqual([5, 6]);
    expect(d.insufficientData.map((r) => r.organizationId)).toEqual([6]);
  });

  it('counts shortcomings across organizations with the common title', () => {
    expect(d.gaps.map((g) => [g.code, g.organizations, g.share, g.title])).toEqual([
      ['comfort:water', 3, 50, 'Отсутствует: comfort:water'],
      ['survey:q14', 2, 33.33, 'Удовлетворены условиями в целом'],
    ]);
  });
});

describe('filters', () => {
  it('a municipality alone uses its stored aggregate (exact)', () => {
    const d = buildCampaignDashboard(hand, { municipalityId: 2, kind: null });
    expect(d.selection.total).toBe(55);
    expect(d.selection.exact).toBe(true);
    expect(d.selectionLabel).toBe('Район');
    const [chosen, region] = seriesOf(d.charts.criteria.option);
    expect(chosen!.name).toBe('Район');
    expect(values(chosen!).at(-1)).toBe(55);
    expect(values(region!).at(-1)).toBe(68.1);
    expect(axis(d.charts.municipalities!.option, 'yAxis')).toEqual(['▶ Район', 'Город']);
  });

  it('municipality and kind together: mean of published totals, half away from zero', () => {
    // (80 + 80.01) / 2 = 80.005 → 80.01; the organization without a total is left out.
    const two = results([
      org({ id: 1, total: 80 }),
      org({ id: 2, total: 80.01 }),
      org({ id: 3, total: null }),
    ]);
    const m = selectionMeans(two, { municipalityId: 1, kind: 'school' });
    expect(m).toMatchObject({ organizations: 2, total: 80.01, exact: false });
    expect(m.criteria.K1).toBe(80.01);
  });

  it('a kind ranks within the kind; a kind in a municipality within both', () => {
    const kind = topAndBottom(
      hand.organizations.filter((o) => o.kind === 'school'),
      'kind',
    );
    expect(kind.top.map((r) => r.rank)).toEqual([1, 2, 3]);
    const d = buildCampaignDashboard(hand, { municipalityId: 2, kind: 'school' });
    expect(d.rankBasis).toBe('municipality');
    expect(d.top.map((r) => r.organizationId)).toEqual([4]);
  });

  it('municipality means under a kind filter are computed over that kind', () => {
    const rows = municipalityMeans(hand, 'school', [
      { id: 1, name: 'Город' },
      { id: 2, name: 'Район' },
    ]);
    expect(rows.map((r) => [r.name, r.organizations, r.total])).toEqual([
      ['Город', 2, 87.75],
      ['Район', 2, 42.5],
    ]);
  });

  it('top ten and, apart from them, the bottom ten weakest first', () => {
    const many = Array.from({ length: 25 }, (_, i) => org({ id: i + 1, total: 50 + i }));
    const { top, bottom } = topAndBottom(many, 'region');
    expect(top.map((r) => r.total)).toEqual([74, 73, 72, 71, 70, 69, 68, 67, 66, 65]);
    expect(bottom.map((r) => r.total)).toEqual([50, 51, 52, 53, 54, 55, 56, 57, 58, 59]);
    const twelve = topAndBottom(many.slice(0, 12), 'region');
    expect(twelve.bottom.map((r) => r.total)).toEqual([50, 51]);
  });
});

describe('commonTitle', () => {
  it.each([
    [
      'survey:q2',
      'Удовлетворены информацией на стендах: 82,50 %',
      'Удовлетворены информацией на стендах',
    ],
    [
      'site:incomplete',
      'На сайте размещены не все сведения: 39 из 48',
      'На сайте размещены не все сведения',
    ],
    ['comfort:drinking_water', 'Отсутствует: Питьевая вода', 'Отсутствует: Питьевая вода'],
  ])('%s', (code, title, expected) => {
    expect(commonTitle({ code, title })).toBe(expected);
  });
});

describe('the engine-scored fixture (24 organizations, 3 municipalities)', () => {
  const fixture = dashboardsFixture();
  const d = buildCampaignDashboard(fixture, NO_FILTERS);

  it('has the same histogram counts as a count by band of the totals', () => {
    const counts = values(seriesOf(d.charts.histogram.option)[0]!);
    expect(counts).toEqual([1, 0, 0, 5, 6, 12]);
    const byTotal = (lo: number, hi: number) =>
      fixture.organizations.filter((o) => o.total !== null && o.total > lo && o.total <= hi).length;
    expect(counts.slice(1)).toEqual([
      fixture.organizations.filter((o) => o.total !== null && o.total <= 20).length,
      byTotal(20, 40),
      byTotal(40, 60),
      byTotal(60, 80),
      byTotal(80, 100),
    ]);
  });

  it('compares the stored municipality means and the region mean', () => {
    const option = d.charts.municipalities!.option;
    expect(values(seriesOf(option)[0]!)).toEqual([68.62, 73.46, 83.78]);
    expect(fixture.aggregates.find((a) => a.level === 'region')!.total).toBe(75.58);
    expect(values(seriesOf(d.charts.criteria.option)[0]!)).toEqual([
      86.86, 81.63, 55.74, 79.61, 74.06, 75.58,
    ]);
  });

  it('counts every organization once in the gap list', () => {
    expect(d.gaps[0]).toMatchObject({
      code: 'premises:wheelchairs',
      organizations: 23,
      share: 95.83,
    });
    const all = gapList(fixture.organizations, 1000);
    for (const g of all) expect(g.organizations).toBeLessThanOrEqual(24);
  });

  it('keeps counts consistent', () => {
    expect(d.counts).toEqual({
      organizations: 24,
      withTotal: 23,
      ranked: 22,
      belowSample: 2,
      insufficientData: 1,
    });
    expect(d.top).toHaveLength(10);
    expect(d.bottom).toHaveLength(10);
    expect(d.top[0]).toMatchObject({ total: 88.26, rank: 1 });
  });
});

describe('unknown filter values', () => {
  it('a municipality or kind the campaign does not have is not applied', () => {
    const d = buildCampaignDashboard(hand, { municipalityId: 999, kind: 'university' });
    expect(d.filters).toEqual({ municipalityId: null, kind: null });
    expect(d.selectionLabel).toBe('вся область');
    expect(d.counts.organizations).toBe(6);
  });
});
