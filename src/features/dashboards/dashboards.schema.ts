// What the dashboard pages receive (plain, serializable data: charts are already SVG strings) and
// the GET filters they accept. Pages import the types; the service reads the filters.
import type { ResultRun } from '../results/results.schema.ts';
import type { CampaignDashboard } from './campaign-dashboard.ts';
import type { ChartFigure } from './figure.ts';
import type { OrganizationView } from './organization-view.ts';
import type { PublicList } from './public-view.ts';
import type { YearOverYear } from './yoy.ts';

export type { ChartFigure, ChartTable } from './figure.ts';
export type { RankRow, AttentionRow, RankBasis } from './campaign-dashboard.ts';
export type { GapRow } from './gaps.ts';
export type { PlaceRow, IndicatorRow, ShareRow } from './organization-view.ts';
export type { PublicGroup, PublicRow, PublicListFilters } from './public-view.ts';
export type { MunicipalityMean } from './municipalities.ts';

/** A positive integer id from a GET field; empty, absent or unparsable means «all» (null). */
function id(v: unknown): number | null {
  const n = typeof v === 'number' ? v : Number(typeof v === 'string' && v.trim() !== '' ? v : NaN);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** A kind code (preschool, school…); anything else means «all types». */
const kind = (v: unknown): string | null =>
  typeof v === 'string' && /^[a-z_]{1,32}$/.test(v) ? v : null;

const field = (raw: unknown, name: string): unknown =>
  raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[name] : undefined;

export interface DashboardQuery {
  municipalityId: number | null;
  kind: string | null;
  version: number | null;
}

/**
 * The filters of a GET form. Bad values never fail the page: a filter that cannot be read is
 * simply not applied (the form shows «all»).
 */
export function parseDashboardQuery(raw: unknown): DashboardQuery {
  return {
    municipalityId: id(field(raw, 'municipalityId')),
    kind: kind(field(raw, 'kind')),
    version: id(field(raw, 'version')),
  };
}

export function parsePublicListQuery(raw: unknown) {
  const q = field(raw, 'q');
  return {
    q: typeof q === 'string' ? q.trim().slice(0, 100) : '',
    municipalityId: id(field(raw, 'municipalityId')),
    kind: kind(field(raw, 'kind')),
  };
}

export type YearOverYearView = Omit<YearOverYear, 'chart'> & { figure: ChartFigure };

export interface RunChoice {
  version: number;
  status: ResultRun['status'];
  frozenAt: string | null;
  frozenBasis: string | null;
}

export type CampaignDashboardPage = Omit<CampaignDashboard, 'charts'> & {
  figures: {
    histogram: ChartFigure;
    criteria: ChartFigure;
    municipalities: ChartFigure | null;
  };
  yoy: YearOverYearView | null;
  /** Runs the caller may open (version selector), newest first. */
  runs: RunChoice[];
};

export type OrganizationResultsPage = Omit<OrganizationView, 'comparison'> & {
  figure: ChartFigure;
  yoy: YearOverYearView | null;
  runs: RunChoice[];
};

export type PublicListPage = PublicList;

export type PublicCardPage = Omit<OrganizationView, 'comparison'> & {
  figure: ChartFigure;
  yoy: YearOverYearView | null;
};
