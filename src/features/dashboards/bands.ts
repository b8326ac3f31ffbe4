// The distribution of totals by band (methodology.md "Bands": presentation only, configurable,
// never called official). Bands come from the run (its methodology version), best first.
import type { CampaignResults, OrganizationResult } from '../results/results.schema.ts';
import { bandColor, decal, NO_DATA_COLOR } from './palette.ts';
import { wrapLabel, type HistogramBin } from './charts.ts';

export type BandList = readonly CampaignResults['bands'][number][];

export interface BandCount {
  label: string;
  /** «81–100» */
  range: string;
  count: number;
  /** Position from the best band (0), for colour and pattern. */
  index: number;
}

/** «81–100» for `above` 80 under 100; integer bounds as methodology.md writes them. */
export function bandRange(bands: BandList, index: number): string {
  const band = bands[index]!;
  const upper = index === 0 ? 100 : (bands[index - 1]!.above ?? 100);
  if (band.above === null) return `0–${upper}`;
  const lower = Number.isInteger(band.above) ? String(band.above + 1) : `более ${band.above}`;
  return `${lower}–${upper}`;
}

/** The band of a published total: the first whose exclusive lower bound it exceeds. */
export function bandOf(bands: BandList, total: number): string | null {
  return bands.find((b) => b.above === null || total > b.above)?.label ?? null;
}

/** Organizations per band (best first) and those without a total. */
export function countByBand(
  bands: BandList,
  orgs: readonly OrganizationResult[],
): { bands: BandCount[]; noData: number } {
  const counts = new Map<string, number>();
  let noData = 0;
  for (const o of orgs) {
    if (o.total === null) {
      noData += 1;
      continue;
    }
    const label = o.band ?? bandOf(bands, o.total);
    if (label !== null) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return {
    bands: bands.map((b, index) => ({
      label: b.label,
      range: bandRange(bands, index),
      count: counts.get(b.label) ?? 0,
      index,
    })),
    noData,
  };
}

/** Histogram bins from the lowest band on the left to the best on the right, «нет данных» first. */
export function histogramBins(counted: { bands: BandCount[]; noData: number }): HistogramBin[] {
  const bins: HistogramBin[] = [...counted.bands].reverse().map((b) => ({
    label: `${wrapLabel(b.label)}\n${b.range}`,
    count: b.count,
    color: bandColor(b.index),
    decal: decal(b.index),
  }));
  if (counted.noData > 0) {
    bins.unshift({
      label: 'нет данных',
      count: counted.noData,
      color: NO_DATA_COLOR,
      decal: decal(5),
    });
  }
  return bins;
}
