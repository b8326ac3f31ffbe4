// Year over year, one organization's view, the public list, the inline SVG and the Russian number
// formats: exact values as they go into charts and tables.
import { describe, expect, it } from 'vitest';
import { wrapLabel } from './charts.ts';
import { dashboardsFixture } from './dashboards.fixture.ts';
import { inlineSvg, renderFigure } from './figure.ts';
import { percent, score, signed } from './labels.ts';
import { buildOrganizationView } from './organization-view.ts';
import { buildPublicList, normalizeSearch } from './public-view.ts';
import { change, meanOf } from './stats.ts';
import { aggregate, org, results } from './test-results.ts';
import { buildYearOverYear, byYear, type YearPoint } from './yoy.ts';

type Series = { name: string; data: (number | null)[] };
const seriesOf = (option: unknown) => (option as { series: Series[] }).series;

const point = (
  campaignId: number,
  year: number,
  total: number | null,
  criteria: [number, number, number, number, number],
  methodology?: Record<string, unknown>,
): YearPoint => ({
  campaignId,
  year,
  title: `НОК ${year}`,
  total,
  criteria: { K1: criteria[0], K2: criteria[1], K3: criteria[2], K4: criteria[3], K5: criteria[4] },
  ...(methodology ? { methodology } : {}),
});

describe('stats', () => {
  it.each([
    [[69.61, 72.01], 70.81],
    [[80, 80.01], 80.01],
    [[0.1, 0.2], 0.15],
    [[null, 50, undefined], 50],
    [[], null],
  ])('meanOf(%j) = %s', (input, expected) => {
    expect(meanOf(input as number[])).toBe(expected);
  });

  it.each([
    [69.61, 72.01, 2.4],
    [72.01, 69.61, -2.4],
    [0.1, 0.3, 0.2],
    [50, 50, 0],
    [null, 50, null],
  ])('change(%s → %s) = %s', (from, to, expected) => {
    expect(change(from, to)).toBe(expected);
  });
});

describe('buildYearOverYear', () => {
  const y2024 = point(3, 2024, 69.61, [80, 70, 50, 75, 72.05]);
  const y2025 = point(4, 2025, 71.7, [85.47, 72.99, 51.22, 76.88, 71.93]);
  const y2026 = point(5, 2026, 75.58, [86.86, 81.63, 55.74, 79.61, 74.06]);

  it('is null with one year (or several campaigns of one year)', () => {
    expect(buildYearOverYear('y', 'Область', [y2026])).toBeNull();
    expect(buildYearOverYear('y', 'Область', [y2026, { ...y2026, campaignId: 6 }])).toBeNull();
  });

  it('changes since the previous year with their sign', () => {
    const yoy = buildYearOverYear('y', 'Область', [y2026, y2024, y2025])!;
    expect(yoy.years.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    expect(yoy.rows.map((r) => [r.key, r.change])).toEqual([
      ['total', 3.88],
      ['K1', 1.39],
      ['K2', 8.64],
      ['K3', 4.52],
      ['K4', 2.73],
      ['K5', 2.13],
    ]);
    expect(yoy.chart.table.rows[0]!.cells).toEqual(['69,61', '71,70', '75,58', '+3,88']);
    expect(yoy.chart.table.head.at(-1)).toBe('Изменение 2025–2026');
    expect(yoy.chart.summary).toContain('изменение за 2025–2026: +3,88');
  });

  it('puts one series per year into the chart: K1…K5, then the total', () => {
    const yoy = buildYearOverYear('y', 'Область', [y2025, y2026])!;
    const [a, b] = seriesOf(yoy.chart.option);
    expect(a).toMatchObject({ name: '2025', data: [85.47, 72.99, 51.22, 76.88, 71.93, 71.7] });
    expect(b).toMatchObject({ name: '2026', data: [86.86, 81.63, 55.74, 79.61, 74.06, 75.58] });
  });

  it('a decrease reads with a minus sign; a year without total shows no change', () => {
    const down = buildYearOverYear('y', 'X', [y2026, { ...y2025, year: 2027, campaignId: 9 }])!;
    expect(down.rows[0]!.change).toBe(-3.88);
    expect(down.chart.table.rows[0]!.cells.at(-1)).toBe('−3,88');
    const none = buildYearOverYear('y', 'X', [y2025, { ...y2026, total: null }])!;
    expect(none.rows[0]!.change).toBeNull();
  });

  it('the latest campaign of a year stands for the year; methodology differences are flagged', () => {
    expect(byYear([y2026, { ...y2026, campaignId: 8, total: 1 }]).map((p) => p.total)).toEqual([1]);
    const mixed = buildYearOverYear('y', 'X', [
      { ...y2025, methodology: { denominators: 'total' } },
      { ...y2026, methodology: { denominators: 'filter' } },
    ])!;
    expect(mixed.comparable).toBe(false);
    expect(buildYearOverYear('y', 'X', [y2025, y2026])!.comparable).toBe(true);
  });
});

describe('buildOrganizationView', () => {
  const r = dashboardsFixture();
  const o = r.organizations[2]!; // МБУ ДО «Центр детского творчества № 3», Городской округ Приозёрск
  const v = buildOrganizationView({
    campaign: r.campaign,
    run: r.run,
    organization: o,
    aggregates: r.aggregates,
    sizes: { region: 22, kind: 6, municipality: 3 },
  });
  const municipality = r.aggregates.find((a) => a.key === String(o.municipalityId))!;
  const region = r.aggregates.find((a) => a.level === 'region')!;

  it('compares K1–K5 and the total with the municipality and the region', () => {
    const [own, mun, reg] = seriesOf(v.comparison.option);
    expect(own!.data).toEqual([
      o.criteria.K1,
      o.criteria.K2,
      o.criteria.K3,
      o.criteria.K4,
      o.criteria.K5,
      o.total,
    ]);
    expect(mun!.data.at(-1)).toBe(municipality.total);
    expect(reg!.data).toEqual([86.86, 81.63, 55.74, 79.61, 74.06, 75.58]);
    expect(v.comparison.table.rows[5]!.cells).toEqual([
      score(o.total),
      score(municipality.total),
      score(region.total),
    ]);
  });

  it('lists every indicator with the means and the difference from the region', () => {
    expect(v.indicators).toHaveLength(14);
    const i53 = v.indicators.find((i) => i.key === '5.3')!;
    expect(i53.region).toBe(region.indicators['5.3']);
    expect(i53.difference).toBe(
      change(region.indicators['5.3'] ?? null, o.indicators['5.3'] ?? null),
    );
  });

  it('gives places with the size of each rating', () => {
    expect(v.places.map((p) => [p.key, p.rank, p.of])).toEqual([
      ['kind', o.ranks.kind, 6],
      ['municipality', o.ranks.municipality, 3],
      ['region', o.ranks.region, 22],
    ]);
  });

  it('keeps Wilson intervals of survey shares and names the questions', () => {
    const q14 = v.shares.find((s) => s.question === 'q14')!;
    expect(q14.title).toBe('Условия в целом');
    expect(q14.low!).toBeLessThan(q14.share!);
    expect(q14.high!).toBeGreaterThan(q14.share!);
  });
});

describe('buildPublicList', () => {
  const r = results(
    [
      org({ id: 1, total: 90, kind: 'preschool', ranks: { kind: 1, municipality: 1 } }),
      org({
        id: 2,
        total: 70,
        kind: 'school',
        municipality: 2,
        ranks: { kind: 1, municipality: 1 },
      }),
      org({ id: 3, total: 80, kind: 'school', ranks: { kind: 2, municipality: 1 } }),
      org({ id: 4, total: 60, kind: 'school', belowSample: true }),
      org({ id: 5, total: null, kind: 'school' }),
    ],
    [aggregate('region', 'region', 75)],
  );
  r.organizations[0]!.shortName = 'МБДОУ «Детский сад «Ёлочка»';

  it('groups ratings by kind, unranked ones apart with the reason', () => {
    const list = buildPublicList(r, { q: '', kind: null, municipalityId: null });
    expect(list.groups.map((g) => g.kind)).toEqual(['preschool', 'school']);
    const school = list.groups[1]!;
    expect(school.ranked.map((x) => [x.organizationId, x.rank])).toEqual([
      [3, 2],
      [2, 1],
    ]);
    expect(school.unranked.map((x) => [x.organizationId, x.note])).toEqual([
      [4, 'опрошено 10 из 40 необходимых'],
      [5, 'недостаточно данных для расчёта'],
    ]);
    expect(list.regionTotal).toBe(75);
  });

  it('finds by name whatever the case, ё or quotes, and by INN', () => {
    expect(normalizeSearch('  Детский сад "ЁЛОЧКА" ')).toBe('детский сад елочка');
    const byName = buildPublicList(r, { q: 'елочка', kind: null, municipalityId: null });
    expect(byName.found).toBe(1);
    const byInn = buildPublicList(r, { q: '7700000002', kind: null, municipalityId: null });
    expect(byInn.groups.flatMap((g) => g.ranked).map((x) => x.organizationId)).toEqual([2]);
  });

  it('within a municipality shows the place in the municipality', () => {
    const list = buildPublicList(r, { q: '', kind: 'school', municipalityId: 2 });
    expect(list.rankScope).toBe('municipality');
    expect(list.groups[0]!.ranked.map((x) => [x.organizationId, x.rank])).toEqual([[2, 1]]);
  });
});

describe('figures and formats', () => {
  it('prefixes ids, drops the page-wide styles and hides the SVG from assistive technology', () => {
    const svg =
      '<svg width="10" height="10"><defs><pattern id="zr0-p0"></pattern></defs>' +
      '<path fill="url(#zr0-p0)" class="zr0-cls-1"></path><style ><![CDATA[.zr0-cls-1:hover{}]]></style></svg>';
    const out = inlineSvg(svg, 'chart-bands');
    expect(out).toContain('id="chart-bands-p0"');
    expect(out).toContain('url(#chart-bands-p0)');
    expect(out).not.toContain('<style');
    expect(out).not.toContain('zr0-');
    expect(out.startsWith('<svg aria-hidden="true" focusable="false"')).toBe(true);
  });

  it('renders a real chart to SVG with unique pattern ids per figure', () => {
    const r = dashboardsFixture({ organizations: 8 });
    const v = buildOrganizationView({
      campaign: r.campaign,
      run: r.run,
      organization: r.organizations[0]!,
      aggregates: r.aggregates,
      sizes: { region: 1, kind: 1, municipality: 1 },
    });
    const f = renderFigure(v.comparison);
    expect(f.svg).toMatch(/^<svg aria-hidden="true"/);
    expect(f.svg).toContain('id="chart-organization-p');
    expect(f.svg).not.toContain('zr0-');
    expect(f).not.toHaveProperty('option');
  });

  it.each([
    [84.4, '84,40'],
    [null, 'нет данных'],
  ])('score(%s) = %s', (v, text) => expect(score(v)).toBe(text));

  it.each([
    [3.88, '+3,88'],
    [-0.4, '−0,40'],
    [0, '0,00'],
    [null, '—'],
  ])('signed(%s) = %s', (v, text) => expect(signed(v)).toBe(text));

  it('formats percent and wraps long axis words', () => {
    expect(percent(82.5)).toBe('82,50 %');
    expect(wrapLabel('неудовлетворительно')).toBe('неудовлетво-\nрительно');
    expect(wrapLabel('нет данных')).toBe('нет данных');
  });
});
