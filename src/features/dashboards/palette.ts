// Colours and patterns of the result charts. WCAG 2.2: every colour has at least 4.5:1 against
// white (1.4.11 asks 3:1 for graphics; 4.5:1 also covers text drawn in it), and colour is never the
// only carrier (1.4.1): each band or series also has its own pattern (an ECharts decal), its name
// on the axis or in the legend and its number on the bar.
import type { ChartOption } from '../documents/charts.ts';

/** Text 17:1, muted text 8.9:1, axis lines 7.4:1 on white. */
export const TEXT = '#1b1b1b';
export const MUTED = '#4a4a4a';
export const AXIS = '#54555a';
export const GRID_LINE = '#d9d9d9';

/**
 * Band colours from the best band down (green → red): contrasts 5.3, 5.0, 5.5, 5.2, 6.5 on white.
 * A campaign may configure more bands than colours; the last colours repeat with other patterns.
 */
export const BAND_COLORS = ['#1e7b34', '#4d7c0f', '#8a6100', '#c2410c', '#b3261e'];
export const NO_DATA_COLOR = '#6b6b6b';

/** Series (organization, municipality, region, years…): blue 6.4, purple 6.9, grey 7.4, teal 4.5. */
export const SERIES_COLORS = ['#0b57d0', '#7b3fa0', '#54555a', '#00838f', '#9c4221', '#3f6f00'];

/** An ECharts decal (a pattern drawn over a bar's fill). */
export interface Decal {
  symbol?: string;
  symbolSize?: number;
  color?: string;
  dashArrayX?: number | (number | number[])[];
  dashArrayY?: number | number[];
  rotation?: number;
}

// White marks on the coloured fill, so the pattern stays visible on every colour and in greyscale.
const MARK = 'rgba(255,255,255,0.6)';

/** Distinct patterns: none, diagonal stripes, dots, cross-hatch, horizontal lines, vertical lines. */
export const DECALS: readonly (Decal | null)[] = [
  null,
  { symbol: 'rect', color: MARK, dashArrayX: [1, 0], dashArrayY: [3, 4], rotation: Math.PI / 4 },
  { symbol: 'circle', color: MARK, symbolSize: 0.7, dashArrayX: [[4, 4]], dashArrayY: [4, 4] },
  {
    symbol: 'rect',
    color: MARK,
    dashArrayX: [[1, 5]],
    dashArrayY: [1, 5],
    rotation: Math.PI / 4,
  },
  { symbol: 'rect', color: MARK, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: 0 },
  { symbol: 'rect', color: MARK, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 2 },
];

export function decal(index: number): Decal | undefined {
  return DECALS[index % DECALS.length] ?? undefined;
}

export function bandColor(index: number): string {
  return BAND_COLORS[Math.min(index, BAND_COLORS.length - 1)]!;
}

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}

/** Style shared by every chart: readable text, light grid, no animation or hover effects. */
export const BASE_OPTION: ChartOption = {
  animation: false,
  textStyle: { color: TEXT, fontSize: 13 },
};
