// Year over year: the same subject (the region, a municipality or one organization) in campaigns of
// different years — total and K1–K5 per year and the change since the previous year, with its sign.
// Comparable only when the methodology versions agree (ADR 0005); the page says when they differ.
import { CRITERION_KEYS } from '../results/results.schema.ts';
import { groupedBarOption } from './charts.ts';
import type { ChartSpec } from './figure.ts';
import { CRITERION_TITLES, score, signed } from './labels.ts';
import type { CriterionKey } from './selection.ts';
import { change } from './stats.ts';

export interface YearPoint {
  campaignId: number;
  year: number;
  title: string;
  total: number | null;
  criteria: Record<CriterionKey, number | null>;
  /** The run's methodology version, compared between years. */
  methodology?: Record<string, unknown>;
}

export interface YearOverYearRow {
  key: 'total' | CriterionKey;
  name: string;
  values: (number | null)[];
  /** Latest year minus the year before it. */
  change: number | null;
}

export interface YearOverYear {
  subject: string;
  years: YearPoint[];
  rows: YearOverYearRow[];
  /** False when the years used different methodology versions. */
  comparable: boolean;
  chart: ChartSpec;
}

/** One point per year (the latest campaign of a year wins), oldest first. */
export function byYear(points: readonly YearPoint[]): YearPoint[] {
  const latest = new Map<number, YearPoint>();
  for (const p of points) {
    const seen = latest.get(p.year);
    if (!seen || p.campaignId > seen.campaignId) latest.set(p.year, p);
  }
  return [...latest.values()].sort((a, b) => a.year - b.year);
}

const sameMethodology = (years: readonly YearPoint[]): boolean => {
  const versions = years.map((y) => (y.methodology ? JSON.stringify(y.methodology) : null));
  return versions.every((v) => v === null || v === versions.find((x) => x !== null));
};

/** Null unless the subject has results in two or more different years. */
export function buildYearOverYear(
  id: string,
  subject: string,
  points: readonly YearPoint[],
): YearOverYear | null {
  const years = byYear(points);
  if (years.length < 2) return null;
  const last = years.length - 1;
  const row = (key: YearOverYearRow['key'], name: string): YearOverYearRow => {
    const values = years.map((y) => (key === 'total' ? y.total : y.criteria[key]));
    return { key, name, values, change: change(values[last - 1] ?? null, values[last] ?? null) };
  };
  const rows = [
    row('total', 'Итоговый балл'),
    ...CRITERION_KEYS.map((k) => row(k, `${k}. ${CRITERION_TITLES[k]}`)),
  ];
  // The chart reads like the other criteria charts: K1…K5, then the total.
  const charted = [...rows.slice(1), rows[0]!];
  const total = rows[0]!;
  const from = years[last - 1]!.year;
  const to = years[last]!.year;
  const summary =
    `${subject}: итоговый балл ${years.map((y) => `${y.year} — ${score(y.total)}`).join(', ')}; ` +
    `изменение за ${from}–${to}: ${signed(total.change)}.`;
  const chart: ChartSpec = {
    id,
    title: `${subject}: ${years.map((y) => y.year).join(', ')}`,
    summary,
    option: groupedBarOption(
      charted.map((r) => (r.key === 'total' ? 'Итог' : r.key)),
      years.map((y, i) => ({
        name: String(y.year),
        values: charted.map((r) => r.values[i] ?? null),
      })),
    ),
    size: { width: 720, height: 360 },
    table: {
      caption: `${subject}: баллы по годам и изменение за ${from}–${to}`,
      head: ['Показатель', ...years.map((y) => String(y.year)), `Изменение ${from}–${to}`],
      rows: rows.map((r) => ({
        header: r.name,
        cells: [...r.values.map((v) => score(v)), signed(r.change)],
      })),
    },
  };
  return { subject, years, rows, comparable: sameMethodology(years), chart };
}
