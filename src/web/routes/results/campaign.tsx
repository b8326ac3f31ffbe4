// /campaigns/:id/results — a campaign's results: the versions of the calculation, «Пересчитать»,
// the council's approval (number and date of the decision), the rating by kind, municipality or
// region with bands and flags, and the plain-mean aggregates. Works without JavaScript.
import { Alert, Stack, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { redirect, useActionData, useLoaderData } from 'react-router';
import { CAMPAIGN_STATUS_TITLES } from '../../../domain/campaigns/workflow.ts';
import { can } from '../../../domain/permissions/permissions.ts';
import type { OrganizationResult } from '../../../features/results/results.schema.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { readPage } from '../../components/paging.ts';
import { ErrorSummary } from '../campaigns/ui.tsx';
import {
  AggregatesTable,
  RatingFilter,
  RatingTable,
  type RatingRow,
  type RatingView,
} from './ratings.tsx';
import { failure, formFields, load, requireUser, versionParam } from './results.server.ts';
import { CalculateForm, FreezeForm, RunsTable } from './runs.tsx';
import { ResultsNav, RunFacts, runTitle } from './ui.tsx';

export const meta: MetaFunction = () => [{ title: 'Результаты кампании — noko' }];

const PAGE_SIZE = 100;
const VIEWS: readonly RatingView[] = ['kind', 'municipality', 'region'];

function rankIn(o: OrganizationResult, view: RatingView): number | null {
  return view === 'kind'
    ? o.ranks.kind
    : view === 'municipality'
      ? o.ranks.municipality
      : o.ranks.region;
}

function ratingRows(
  orgs: readonly OrganizationResult[],
  view: RatingView,
  filter: { kind?: string; municipality?: string },
): RatingRow[] {
  return orgs
    .filter(
      (o) =>
        (!filter.kind || o.kind === filter.kind) &&
        (!filter.municipality || String(o.municipalityId) === filter.municipality),
    )
    .map((o) => ({
      id: o.organizationId,
      name: o.shortName,
      kind: o.kind,
      municipality: o.municipalityName,
      rank: rankIn(o, view),
      total: o.total,
      band: o.band,
      criteria: o.criteria,
      respondents: o.respondents,
      required: o.requiredSample,
      flags: o.flags ?? [],
    }))
    .sort(
      (a, b) =>
        (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
        (b.total ?? -1) - (a.total ?? -1) ||
        a.name.localeCompare(b.name, 'ru'),
    );
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request);
  const id = Number(params.id);
  const url = new URL(request.url);
  const version = versionParam(url);
  const view = (VIEWS as readonly string[]).includes(url.searchParams.get('view') ?? '')
    ? (url.searchParams.get('view') as RatingView)
    : 'kind';
  const filter = {
    kind: url.searchParams.get('kind') || undefined,
    municipality: url.searchParams.get('municipality') || undefined,
  };
  const [c, runs] = await load(() =>
    Promise.all([
      ctx.services.campaigns.get(ctx.caller, id),
      ctx.services.results.listRuns(ctx.caller, id),
    ]),
  );
  const results =
    runs.length === 0
      ? null
      : await load(() =>
          ctx.services.results.getCampaignResults(ctx.caller, {
            campaignId: id,
            ...(version !== undefined ? { version } : {}),
            withProvenance: false,
          }),
        );
  const rows = results ? ratingRows(results.organizations, view, filter) : [];
  const page = readPage(url.searchParams, PAGE_SIZE);
  return {
    csrf: ctx.csrfToken,
    done: url.searchParams.get('done'),
    campaign: { id: c.id, title: c.title, year: c.year, status: c.status },
    canCalculate: can(ctx.caller, 'results.calculate'),
    canApprove:
      can(ctx.caller, 'results.approve') &&
      (c.status === 'discussion' || c.status === 'published') &&
      runs.some((r) => r.status === 'current'),
    runs,
    run: results?.run ?? null,
    bands: results?.bands ?? [],
    view,
    filter,
    municipalities: (results?.aggregates ?? [])
      .filter((a) => a.level === 'municipality')
      .map((a) => ({ id: a.key, name: a.name })),
    rows: rows.slice(page.offset, page.offset + PAGE_SIZE),
    total: rows.length,
    page: page.page,
    pageSize: PAGE_SIZE,
    aggregates: results?.aggregates ?? [],
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireUser(context, request);
  const id = Number(params.id);
  const form = formFields(await request.formData());
  try {
    if (form.intent === 'freeze') {
      const run = await ctx.services.results.freeze(ctx.caller, id, form);
      return redirect(`/campaigns/${id}/results?done=frozen-${run.version}`);
    }
    const outcome = await ctx.services.results.calculate(ctx.caller, id, {
      rankBelowSample: form.rankBelowSample === '1',
    });
    const done = outcome.stored ? `stored-${outcome.run.version}` : `same-${outcome.run.version}`;
    return redirect(`/campaigns/${id}/results?done=${done}`);
  } catch (e) {
    return failure(e);
  }
}

const DONE_TEXT: Record<string, (v: string) => string> = {
  stored: (v) => `Результаты пересчитаны: сохранена версия ${v}.`,
  same: (v) => `Данные не изменились с версии ${v}: новая версия не создана.`,
  frozen: (v) => `Версия ${v} утверждена решением общественного совета.`,
};

function DoneNotice({ done }: { done: string | null }) {
  const [kind, version] = (done ?? '').split('-');
  const text = kind && version ? DONE_TEXT[kind]?.(version) : undefined;
  if (!text) return null;
  return (
    <Alert color="green" variant="light" role="status">
      {text}
    </Alert>
  );
}

export default function CampaignResultsPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { campaign, run } = data;
  return (
    <PageShell size="xl">
      <Stack gap="lg">
        <ResultsNav id={campaign.id} />
        <Title order={1}>Результаты: {campaign.title}</Title>
        <Text>Статус кампании: {CAMPAIGN_STATUS_TITLES[campaign.status]}</Text>
        <DoneNotice done={data.done} />
        <ErrorSummary failure={result} />
        <RunsTable runs={data.runs} campaignId={campaign.id} current={run?.version ?? null} />
        {data.canCalculate && (
          <CalculateForm
            csrf={data.csrf}
            rankBelowSample={run?.settings?.rankBelowSample ?? false}
          />
        )}
        {data.canApprove && <FreezeForm csrf={data.csrf} failure={result} />}
        {!run ? (
          <Text>
            {data.canCalculate
              ? 'Результаты ещё не рассчитаны.'
              : 'Результаты ещё не утверждены общественным советом.'}
          </Text>
        ) : (
          <>
            <section aria-labelledby="rating-title">
              <Title order={2} id="rating-title" size="h3">
                Рейтинг. {runTitle(run)}
              </Title>
              <RunFacts run={run} />
              <RatingFilter
                view={data.view}
                filter={data.filter}
                municipalities={data.municipalities}
                campaignId={campaign.id}
                version={run.version}
              />
              <RatingTable
                rows={data.rows}
                view={data.view}
                campaignId={campaign.id}
                version={run.version}
                total={data.total}
                page={data.page}
                pageSize={data.pageSize}
              />
            </section>
            <AggregatesTable aggregates={data.aggregates} bands={data.bands} />
          </>
        )}
      </Stack>
    </PageShell>
  );
}
