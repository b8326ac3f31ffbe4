// ECharts options of the result charts (pure data; rendered to SVG by figure.ts). Every bar carries
// its number, its category name on the axis and, per series or band, a pattern as well as a colour.
import type { ChartOption } from '../documents/charts.ts';
import { score } from './labels.ts';
import {
  AXIS,
  BASE_OPTION,
  decal,
  GRID_LINE,
  MUTED,
  seriesColor,
  TEXT,
  type Decal,
} from './palette.ts';

const LABEL = { color: TEXT, fontSize: 12 };

const valueAxis = (max: number | undefined, name: string) => ({
  type: 'value' as const,
  min: 0,
  ...(max !== undefined ? { max } : {}),
  name,
  nameTextStyle: { color: MUTED },
  axisLabel: { color: AXIS },
  splitLine: { lineStyle: { color: GRID_LINE } },
});

const categoryAxis = (data: string[]) => ({
  type: 'category' as const,
  data,
  axisLabel: { color: TEXT, interval: 0, fontSize: 12 },
  axisLine: { lineStyle: { color: AXIS } },
  axisTick: { alignWithLabel: true },
});

/** «84,44» on a bar; nothing for a missing value. */
const scoreLabel = (p: { value?: unknown }) => (typeof p.value === 'number' ? score(p.value) : '');

export interface HistogramBin {
  /** Axis text, e.g. «хорошо\n61–80». */
  label: string;
  count: number;
  color: string;
  decal: Decal | undefined;
}

/**
 * Axis text in lines of at most `max` characters: words are kept whole where possible; a longer
 * word is hyphenated after a vowel («неудовлетвори-/тельно»), so neighbouring labels never overlap.
 */
export function wrapLabel(text: string, max = 13): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= max) lines[last] += ` ${word}`;
    else lines.push(...hyphenate(word, max));
  }
  return lines.join('\n');
}

function hyphenate(word: string, max: number): string[] {
  if (word.length <= max) return [word];
  let cut = max - 1;
  while (cut > 2 && !/[аеёиоуыэюяaeiouy]/i.test(word.charAt(cut - 1))) cut -= 1;
  return [`${word.slice(0, cut)}-`, ...hyphenate(word.slice(cut), max)];
}

/** Counts of organizations per band: one bar per band in its colour and pattern, count on top. */
export function histogramOption(bins: readonly HistogramBin[]): ChartOption {
  return {
    ...BASE_OPTION,
    grid: { left: 56, right: 16, top: 32, bottom: 64 },
    xAxis: categoryAxis(bins.map((b) => b.label)),
    yAxis: { ...valueAxis(undefined, 'организаций'), minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: 'Организаций',
        barMaxWidth: 72,
        silent: true,
        label: { show: true, position: 'top', ...LABEL },
        data: bins.map((b) => ({
          value: b.count,
          itemStyle: { color: b.color, ...(b.decal ? { decal: b.decal } : {}) },
        })),
      },
    ],
  };
}

export interface BarSeries {
  name: string;
  values: (number | null)[];
}

/**
 * Grouped vertical bars on the 0–100 scale (criteria of a selection against the region, an
 * organization against its municipality and region, years side by side). Series differ by colour
 * and pattern, are named in the legend, and each bar shows its value.
 */
export function groupedBarOption(
  categories: string[],
  series: readonly BarSeries[],
  options: { rotateLabels?: boolean } = {},
): ChartOption {
  const rotate = options.rotateLabels ?? series.length > 2;
  const vertical = series.some((s) => s.name.length > 8);
  const legendHeight = vertical ? series.length * 20 : 20;
  return {
    ...BASE_OPTION,
    // Long names (organization, municipality) are listed one per line: the server has no fonts to
    // measure Cyrillic text, and an estimated horizontal layout would spread or overlap them.
    legend: {
      top: 0,
      left: 40,
      orient: vertical ? 'vertical' : 'horizontal',
      textStyle: { color: TEXT, fontSize: 13 },
      itemWidth: 28,
      itemHeight: 14,
      itemGap: vertical ? 6 : 24,
      data: series.map((s) => s.name),
    },
    grid: { left: 48, right: 16, top: legendHeight + (rotate ? 56 : 32), bottom: 40 },
    xAxis: categoryAxis(categories),
    yAxis: valueAxis(100, 'баллы'),
    series: series.map((s, i) => ({
      type: 'bar' as const,
      name: s.name,
      silent: true,
      barMaxWidth: 48,
      itemStyle: { color: seriesColor(i), ...(decal(i) ? { decal: decal(i) } : {}) },
      label: {
        show: true,
        ...LABEL,
        fontSize: rotate ? 11 : 12,
        // Crowded bars: the value stands upright above its bar (dark text on white, never on the
        // patterned fill).
        ...(rotate
          ? {
              position: 'top' as const,
              rotate: 90,
              align: 'left' as const,
              verticalAlign: 'middle' as const,
              distance: 4,
            }
          : { position: 'top' as const }),
        formatter: scoreLabel,
      },
      data: s.values,
    })),
  };
}

/**
 * Horizontal bars of mean totals (municipalities), best on top, with the region mean as a dashed
 * line named in words. `highlight` marks one bar (the chosen municipality) with a pattern.
 */
export function rankedBarOption(
  rows: readonly { name: string; value: number | null; highlight?: boolean }[],
  reference: { name: string; value: number | null },
): ChartOption {
  const ordered = [...rows].reverse(); // ECharts draws the first category at the bottom
  return {
    ...BASE_OPTION,
    grid: { left: 8, right: 56, top: 28, bottom: 32, containLabel: true },
    xAxis: valueAxis(100, ''),
    yAxis: {
      ...categoryAxis(ordered.map((r) => (r.highlight ? `▶ ${r.name}` : r.name))),
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: 'Средний итоговый балл',
        silent: true,
        barMaxWidth: 28,
        label: { show: true, position: 'right', ...LABEL, formatter: scoreLabel },
        data: ordered.map((r) => ({
          value: r.value,
          itemStyle: {
            color: seriesColor(r.highlight ? 1 : 0),
            ...(r.highlight ? { decal: decal(1) } : {}),
          },
        })),
        ...(reference.value !== null
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: TEXT, type: 'dashed' as const, width: 2 },
                label: {
                  color: TEXT,
                  position: 'end' as const,
                  formatter: `${reference.name}: ${score(reference.value)}`,
                },
                data: [{ xAxis: reference.value }],
              },
            }
          : {}),
      },
    ],
  };
}
