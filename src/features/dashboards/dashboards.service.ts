// Result dashboards (issue 6 item 5) and the public result pages. Reads go through the results
// service (src/features/results), which decides who sees which run: people who calculate or approve
// see the current run, everybody else only what the council approved; organization staff only their
// own organization. The public pages read as a reader without calculation rights and accept only
// frozen runs (273-ФЗ art. 95.2: approved results are published). Charts are drawn here, on the
// server, to SVG (figure.ts), so the pages show them with JavaScript off and in print.
import { AppError } from '../../domain/errors.ts';
import { authorize, scopeOf } from '../../domain/permissions/index.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { createResultsService, seesDrafts } from '../results/results.service.ts';
import type { CampaignResults, ResultRun } from '../results/results.schema.ts';
import { buildCampaignDashboard } from './campaign-dashboard.ts';
import { regionRuns, organizationInRuns, ratingSizes, type RegionRun } from './dashboards.repo.ts';
import {
  parseDashboardQuery,
  parsePublicListQuery,
  type CampaignDashboardPage,
  type OrganizationResultsPage,
  type PublicCardPage,
  type PublicListPage,
  type RunChoice,
  type YearOverYearView,
} from './dashboards.schema.ts';
import { renderFigure } from './figure.ts';
import { kindGroupTitle } from './labels.ts';
import { buildOrganizationView, type OrganizationView } from './organization-view.ts';
import { buildPublicList } from './public-view.ts';
import type { DashboardFilters } from './selection.ts';
import { buildYearOverYear, type YearPoint } from './yoy.ts';

/** The public pages read approved results like any reader without calculation rights. */
const PUBLIC_READER: Caller = Object.freeze({
  role: 'expert',
  label: 'публичная страница результатов',
});

type Criteria = YearPoint['criteria'];

function yoyView(built: ReturnType<typeof buildYearOverYear>): YearOverYearView | null {
  if (!built) return null;
  const { chart, ...rest } = built;
  return { ...rest, figure: renderFigure(chart) };
}

/** The run a reader sees by default in another campaign (as the results service picks it). */
function defaultRun(runs: readonly RegionRun[], operator: boolean): RegionRun | undefined {
  const pick = (s: RegionRun['status']) => runs.find((r) => r.status === s);
  return operator
    ? (pick('current') ?? pick('frozen') ?? runs[0])
    : (pick('frozen') ?? runs.find((r) => r.frozenAt !== null));
}

/** Per campaign of the region: the run shown (the displayed one for the current campaign). */
function runsByCampaign(all: readonly RegionRun[], shown: ResultRun, operator: boolean) {
  const campaigns = new Map<number, RegionRun[]>();
  for (const r of all) campaigns.set(r.campaignId, [...(campaigns.get(r.campaignId) ?? []), r]);
  return [...campaigns.values()]
    .map((runs) =>
      runs[0]!.campaignId === shown.campaignId
        ? runs.find((r) => r.runId === shown.id)
        : defaultRun(runs, operator),
    )
    .filter((r): r is RegionRun => r !== undefined);
}

const toRunChoice = (r: ResultRun): RunChoice => ({
  version: r.version,
  status: r.status,
  frozenAt: r.frozenAt,
  frozenBasis: r.frozenBasis,
});

export function createResultDashboardsService(deps: ServiceDeps) {
  const { db } = deps;
  const results = createResultsService(deps);

  /** Region, one municipality or one kind over the years, from the stored aggregates. */
  async function groupHistory(
    caller: Caller,
    shown: CampaignResults,
    filters: DashboardFilters,
  ): Promise<YearOverYearView | null> {
    const [level, key, subject] =
      filters.municipalityId !== null && filters.kind === null
        ? ([
            'municipality',
            String(filters.municipalityId),
            shown.organizations.find((o) => o.municipalityId === filters.municipalityId)
              ?.municipalityName ?? 'Муниципалитет',
          ] as const)
        : filters.kind !== null && filters.municipalityId === null
          ? (['kind', filters.kind, kindGroupTitle(filters.kind)] as const)
          : (['region', 'region', shown.campaign.regionName] as const);
    const runs = runsByCampaign(
      await regionRuns(db, shown.campaign.id),
      shown.run,
      seesDrafts(caller),
    );
    const points = runs.flatMap((r): YearPoint[] => {
      const a = r.aggregates.find((x) => x.level === level && x.key === key);
      if (!a) return [];
      return [
        {
          campaignId: r.campaignId,
          year: r.year,
          title: r.title,
          total: a.total,
          criteria: a.criteria as Criteria,
          methodology: r.methodology,
        },
      ];
    });
    return yoyView(buildYearOverYear('chart-yoy', subject, points));
  }

  /** One organization over the years (runs the caller may see). */
  async function organizationHistory(
    caller: Caller,
    campaignId: number,
    shown: ResultRun,
    organization: { organizationId: number; shortName: string },
  ): Promise<YearOverYearView | null> {
    const runs = runsByCampaign(await regionRuns(db, campaignId), shown, seesDrafts(caller));
    const rows = await organizationInRuns(
      db,
      organization.organizationId,
      runs.map((r) => r.runId),
    );
    const points = rows.map((row): YearPoint => {
      const r = runs.find((x) => x.runId === row.runId)!;
      return {
        campaignId: r.campaignId,
        year: r.year,
        title: r.title,
        total: row.total,
        criteria: row.criteria as Criteria,
        methodology: r.methodology,
      };
    });
    return yoyView(buildYearOverYear('chart-yoy', organization.shortName, points));
  }

  async function organizationView(
    caller: Caller,
    input: { campaignId: number; organizationId: number; version?: number },
  ): Promise<{ view: OrganizationView; run: ResultRun }> {
    const one = await results.getOrganizationResult(caller, input);
    const aggregates = await results.getAggregates(caller, {
      campaignId: input.campaignId,
      version: one.run.version,
    });
    const o = one.organization;
    const sizes = await ratingSizes(db, one.run.id, {
      kind: o.kind,
      municipalityId: o.municipalityId,
    });
    const view = buildOrganizationView({
      campaign: one.campaign,
      run: one.run,
      organization: o,
      aggregates,
      sizes,
    });
    return { view, run: one.run };
  }

  return {
    /** /campaigns/:id/dashboard: the whole campaign or a selection by municipality and kind. */
    async campaignDashboard(
      caller: Caller,
      campaignId: number,
      raw: unknown = {},
    ): Promise<CampaignDashboardPage> {
      authorize(caller, 'results.view');
      // Organization staff see their own organization's page instead (its result and means).
      if (scopeOf(caller.role, 'results.view') === 'organization') throw AppError.forbidden();
      const query = parseDashboardQuery(raw);
      const shown = await results.getCampaignResults(caller, {
        campaignId,
        ...(query.version !== null ? { version: query.version } : {}),
        withProvenance: false,
      });
      const { charts, ...model } = buildCampaignDashboard(shown, {
        municipalityId: query.municipalityId,
        kind: query.kind,
      });
      const [runs, yoy] = await Promise.all([
        results.listRuns(caller, campaignId),
        groupHistory(caller, shown, model.filters),
      ]);
      return {
        ...model,
        figures: {
          histogram: renderFigure(charts.histogram),
          criteria: renderFigure(charts.criteria),
          municipalities: charts.municipalities ? renderFigure(charts.municipalities) : null,
        },
        yoy,
        runs: runs.map(toRunChoice),
      };
    },

    /** /campaigns/:id/organizations/:orgId/results: one organization's result for staff. */
    async organizationResults(
      caller: Caller,
      input: { campaignId: number; organizationId: number },
      raw: unknown = {},
    ): Promise<OrganizationResultsPage> {
      const query = parseDashboardQuery(raw);
      const { view, run } = await organizationView(caller, {
        ...input,
        ...(query.version !== null ? { version: query.version } : {}),
      });
      const { comparison, ...rest } = view;
      const [runs, yoy] = await Promise.all([
        results.listRuns(caller, input.campaignId),
        organizationHistory(caller, input.campaignId, run, view.organization),
      ]);
      return { ...rest, figure: renderFigure(comparison), yoy, runs: runs.map(toRunChoice) };
    },

    /** /results/:campaignId: approved ratings, no sign-in. */
    async publicList(campaignId: number, raw: unknown = {}): Promise<PublicListPage> {
      const query = parsePublicListQuery(raw);
      const shown = await results.getCampaignResults(PUBLIC_READER, {
        campaignId,
        withProvenance: false,
      });
      if (shown.run.status !== 'frozen') throw AppError.notFound('Утверждённых результатов нет');
      return buildPublicList(shown, query);
    },

    /** /results/:campaignId/org/:orgId: an organization's approved result (the QR code leads here). */
    async publicCard(campaignId: number, organizationId: number): Promise<PublicCardPage> {
      const { view, run } = await organizationView(PUBLIC_READER, { campaignId, organizationId });
      if (run.status !== 'frozen') throw AppError.notFound('Утверждённых результатов нет');
      const { comparison, ...rest } = view;
      const yoy = await organizationHistory(PUBLIC_READER, campaignId, run, view.organization);
      return { ...rest, figure: renderFigure(comparison), yoy };
    },
  };
}

export type ResultDashboardsService = ReturnType<typeof createResultDashboardsService>;
