// A chart as the pages show it: the SVG drawn on the server (src/features/documents/charts.ts), a
// one-sentence summary for screen readers and the caption, and the numbers as a table. The builders
// of this folder return a ChartSpec (the ECharts option, testable number by number); the service
// turns specs into figures.
import { renderChartSvg, type ChartOption, type ChartSize } from '../documents/charts.ts';

/** The numbers behind a chart, shown in <details> as a real table (caption, scoped headers). */
export interface ChartTable {
  caption: string;
  /** Column headers; the first names the row headers' column. */
  head: string[];
  rows: { header: string; cells: string[] }[];
}

export interface ChartSpec {
  /** Unique on the page: ids inside the SVG are prefixed with it. */
  id: string;
  title: string;
  /** One or two sentences with the main numbers: the chart's text alternative. */
  summary: string;
  option: ChartOption;
  size: ChartSize;
  table: ChartTable;
}

export interface ChartFigure extends Omit<ChartSpec, 'option'> {
  /** Inline SVG markup (no scripts, no styles, ids prefixed, hidden from assistive technology). */
  svg: string;
}

/**
 * Makes an ECharts SSR string safe to inline several times in one page: ECharts numbers its
 * pattern ids and classes per chart («zr0-p0»), so two charts would share ids; its <style> adds
 * page-wide :hover rules. The SVG itself is aria-hidden: the figure's role="img" wrapper carries
 * the summary, and the table carries the numbers.
 */
export function inlineSvg(svg: string, id: string): string {
  const prefix = id.replace(/[^\w-]/g, '');
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/\bzr\d+-/g, `${prefix}-`)
    .replace(/<rect width="\d+" height="\d+" x="0" y="0" fill="none"><\/rect>/, '')
    .replace(
      /^<svg /,
      `<svg aria-hidden="true" focusable="false" style="width:100%;height:auto;max-width:100%" `,
    )
    .replace(/\n/g, '');
}

/**
 * Drawn SVGs by chart id, size and data. A run's numbers never change (a recalculation is a new
 * run), so a dashboard opened again, or the same card of a popular organization, reuses its
 * drawings instead of running ECharts (~10–20 ms a chart) again. Formatter functions are left out
 * of the key by JSON.stringify; they are fixed per chart id.
 */
const drawn = new Map<string, string>();
const DRAWN_MAX = 500;

function draw(spec: ChartSpec): string {
  const key = JSON.stringify([spec.id, spec.size, spec.option]);
  const hit = drawn.get(key);
  if (hit !== undefined) {
    drawn.delete(key); // most recently used goes last
    drawn.set(key, hit);
    return hit;
  }
  const svg = inlineSvg(renderChartSvg(spec.option, spec.size), spec.id);
  drawn.set(key, svg);
  if (drawn.size > DRAWN_MAX) drawn.delete(drawn.keys().next().value!);
  return svg;
}

/** Empties the drawing cache (benchmarks measure first views with it). */
export function forgetDrawings(): void {
  drawn.clear();
}

export function renderFigure(spec: ChartSpec): ChartFigure {
  const { option: _option, ...rest } = spec;
  return { ...rest, svg: draw(spec) };
}
