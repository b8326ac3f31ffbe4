// Charts of the analytical report and of the result card, as ECharts options rendered to SVG by
// src/features/documents/charts.ts. Labels use the decimal comma; colours keep enough contrast in
// print and in greyscale (dark to light in series order).
import { renderChartSvg, type ChartOption } from '../documents/charts.ts';
import type { AggregateResult, OrganizationResult } from '../results/results.schema.ts';
import type { ChartBlock } from './blocks.ts';
import { num2 } from './format.ts';
import type { ReportModel } from './model.ts';
import { CRITERION_SHORT, criterionLabel, kindShort, type CriterionKey } from './texts.ts';
import { CRITERION_KEYS, INDICATOR_KEYS } from '../results/results.schema.ts';

export const PALETTE = ['#1f4e79', '#5b9bd5', '#70ad47', '#ed7d31', '#7f6084', '#a5a5a5'];
const BAND_COLOURS = ['#2e7d32', '#7cb342', '#f9a825', '#ef6c00', '#c62828'];

const WIDTH = 680;
const labelFormatter = (p: { value?: unknown }) =>
  typeof p.value === 'number' ? num2(p.value) : '';
const axisNumber = (v: number) => String(v);

/**
 * A chart SVG for documents: without ECharts' interactive CSS (`:hover` rules, which LibreOffice
 * applies as plain rules and so hides the bars) and its class names.
 */
export function documentSvg(option: ChartOption, width: number, height: number): string {
  return renderChartSvg(option, { width, height })
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/ class="[^"]*"/g, '');
}

function chart(option: ChartOption, height: number, caption: string): ChartBlock {
  const base: ChartOption = { color: PALETTE, ...option };
  return {
    kind: 'chart',
    svg: documentSvg(base, WIDTH, height),
    width: WIDTH,
    height,
    caption,
  };
}

const criteriaValues = (a: { criteria: Record<string, number | null>; total: number | null }) => [
  ...CRITERION_KEYS.map((k) => a.criteria[k] ?? null),
  a.total,
];

/** Criteria and total: the region and each kind of organization. */
export function criteriaByKindChart(model: ReportModel): ChartBlock {
  const groups = [
    ...(model.region ? [{ ...model.region, name: 'Регион' }] : []),
    ...model.kinds.map((k) => ({ ...k, name: kindShort(k.key) })),
  ];
  return chart(
    {
      legend: { top: 0, itemWidth: 14, textStyle: { fontSize: 11 } },
      grid: { left: 44, right: 12, top: groups.length > 4 ? 64 : 40, bottom: 28 },
      xAxis: { type: 'category', data: [...CRITERION_KEYS.map(criterionLabel), 'Итог'] },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: axisNumber } },
      series: groups.map((g) => ({ name: g.name, type: 'bar', data: criteriaValues(g) })),
    },
    320,
    'Значения критериев и итоговый балл: регион и типы организаций',
  );
}

/** Mean totals of municipalities, best first, with the region mean as a line. */
export function municipalityTotalsChart(model: ReportModel): ChartBlock {
  const rows = model.municipalities
    .filter((m) => m.total !== null)
    .sort((a, b) => (a.total ?? 0) - (b.total ?? 0));
  const height = Math.max(160, 60 + rows.length * 36);
  const region = model.region?.total ?? null;
  return chart(
    {
      grid: { left: 200, right: 60, top: 20, bottom: 28 },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: axisNumber } },
      yAxis: {
        type: 'category',
        data: rows.map((m) => m.name),
        axisLabel: { width: 190, overflow: 'break', fontSize: 11, interval: 0 },
      },
      series: [
        {
          type: 'bar',
          data: rows.map((m) => m.total),
          label: { show: true, position: 'right', formatter: labelFormatter, fontSize: 11 },
          ...(region === null
            ? {}
            : {
                markLine: {
                  symbol: 'none',
                  label: { formatter: `регион ${num2(region)}`, fontSize: 10 },
                  lineStyle: { color: '#c62828', type: 'dashed' },
                  data: [{ xAxis: region }],
                },
              }),
        },
      ],
    },
    height,
    'Средний итоговый балл по муниципалитетам (пунктир — среднее по региону)',
  );
}

/** How many organizations fall in each band (presentation only, not an official grade). */
export function bandChart(model: ReportModel): ChartBlock {
  return chart(
    {
      grid: { left: 44, right: 12, top: 24, bottom: 28 },
      xAxis: {
        type: 'category',
        data: model.bandCounts.map((b) => b.label),
        axisLabel: { fontSize: 10, interval: 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: model.bandCounts.map((b, i) => ({
            value: b.count,
            itemStyle: { color: BAND_COLOURS[i] ?? PALETTE[0] },
          })),
          label: { show: true, position: 'top' },
        },
      ],
    },
    260,
    'Распределение организаций по диапазонам итогового балла',
  );
}

/** Region means of the 14 indicators. */
export function indicatorChart(region: AggregateResult): ChartBlock {
  const keys = [...INDICATOR_KEYS].reverse();
  return chart(
    {
      grid: { left: 48, right: 56, top: 12, bottom: 28 },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: axisNumber } },
      yAxis: { type: 'category', data: keys },
      series: [
        {
          type: 'bar',
          data: keys.map((k) => region.indicators[k] ?? null),
          label: { show: true, position: 'right', formatter: labelFormatter, fontSize: 10 },
        },
      ],
    },
    420,
    'Средние значения показателей по региону',
  );
}

/** The card: an organization's criteria beside its municipality's and the region's means. */
export function cardChartSvg(
  org: OrganizationResult,
  municipality: AggregateResult | undefined,
  region: AggregateResult | undefined,
): string {
  const series = [
    { name: 'Организация', values: org.criteria },
    ...(municipality ? [{ name: 'Муниципалитет', values: municipality.criteria }] : []),
    ...(region ? [{ name: 'Регион', values: region.criteria }] : []),
  ];
  return documentSvg(
    {
      color: PALETTE,
      legend: { top: 0, textStyle: { fontSize: 11 } },
      grid: { left: 40, right: 10, top: 40, bottom: 40 },
      xAxis: {
        type: 'category',
        data: CRITERION_KEYS.map(
          (k: CriterionKey) => `${criterionLabel(k)}\n${CRITERION_SHORT[k]}`,
        ),
        axisLabel: { fontSize: 10, interval: 0 },
      },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: series.map((s, i) => ({
        name: s.name,
        type: 'bar',
        data: CRITERION_KEYS.map((k) => s.values[k] ?? null),
        ...(i === 0
          ? { label: { show: true, position: 'top', formatter: labelFormatter, fontSize: 9 } }
          : {}),
      })),
    },
    520,
    250,
  );
}
