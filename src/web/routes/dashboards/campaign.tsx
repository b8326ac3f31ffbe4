// /campaigns/:id/dashboard — the results of a campaign at a glance (issue 6 item 5): distribution
// by band, K1–K5 means, municipalities compared, top and bottom of the rating, the most frequent
// shortcomings, sample and data problems, and the year-over-year change. Filters by municipality,
// kind and version are a GET form (works without JavaScript); charts are SVG drawn on the server.
import { Anchor, Card, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Link, redirect, useLoaderData } from 'react-router';
import type {
  AttentionRow,
  CampaignDashboardPage,
  RankRow,
} from '../../../features/dashboards/dashboards.schema.ts';
import { KIND_GROUP_TITLES, SOURCE_TITLES } from '../../../features/dashboards/labels.ts';
import { scopeOf } from '../../../domain/permissions/index.ts';
import { requirePermission } from '../../auth.server.ts';
import { DataTable } from '../../components/data-table.tsx';
import { FilterForm } from '../../components/filter-form.tsx';
import { PageShell } from '../../components/page-shell.tsx';
import { load } from '../../errors.server.ts';
import { CampaignNav } from '../campaigns/ui.tsx';
import { Figure, fmt, RunLine, YearOverYearSection } from './ui.tsx';

export const meta: MetaFunction = () => [{ title: 'Панель результатов — noko' }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'results.view');
  const campaignId = Number(params.id);
  // Organization staff see their own organization's result page instead of the region's panel.
  if (scopeOf(ctx.caller.role, 'results.view') === 'organization' && ctx.caller.organizationId) {
    throw redirect(`/campaigns/${campaignId}/organizations/${ctx.caller.organizationId}/results`);
  }
  const query = Object.fromEntries(new URL(request.url).searchParams);
  // A municipal authority's scope is its municipality (permission table): another one's selection
  // (and its history of means) shows its own instead.
  if (
    scopeOf(ctx.caller.role, 'results.view') === 'municipality' &&
    query.municipalityId &&
    query.municipalityId !== String(ctx.caller.territoryId)
  )
    query.municipalityId = String(ctx.caller.territoryId);
  const d: CampaignDashboardPage = await load(() =>
    ctx.services.resultDashboards.campaignDashboard(ctx.caller, campaignId, query),
  );
  return d;
}

const RANK_HEADERS = {
  region: 'Место в области',
  kind: 'Место среди того же типа',
  municipality: 'Место в муниципалитете',
} as const;

function orgHref(d: CampaignDashboardPage, organizationId: number): string {
  return `/campaigns/${d.campaign.id}/organizations/${organizationId}/results?version=${d.run.version}`;
}

function RankTable({
  d,
  rows,
  caption,
}: {
  d: CampaignDashboardPage;
  rows: RankRow[];
  caption: string;
}) {
  return (
    <DataTable
      caption={caption}
      rowKey={(r) => r.organizationId}
      rows={rows}
      empty="Организаций в рейтинге нет."
      columns={[
        {
          key: 'rank',
          header: RANK_HEADERS[d.rankBasis],
          numeric: true,
          cell: (r) => r.rank ?? '—',
        },
        {
          key: 'name',
          header: 'Организация',
          rowHeader: true,
          cell: (r) => (
            <Anchor component={Link} to={orgHref(d, r.organizationId)}>
              {r.name}
            </Anchor>
          ),
        },
        { key: 'mun', header: 'Муниципалитет', cell: (r) => r.municipalityName },
        { key: 'total', header: 'Итоговый балл', numeric: true, cell: (r) => fmt(r.total) },
        { key: 'band', header: 'Диапазон', cell: (r) => r.band ?? '—' },
      ]}
    />
  );
}

function AttentionTable({
  d,
  rows,
  caption,
}: {
  d: CampaignDashboardPage;
  rows: AttentionRow[];
  caption: string;
}) {
  return (
    <DataTable
      caption={caption}
      rowKey={(r) => r.organizationId}
      rows={rows}
      columns={[
        {
          key: 'name',
          header: 'Организация',
          cell: (r) => (
            <Anchor component={Link} to={orgHref(d, r.organizationId)}>
              {r.name}
            </Anchor>
          ),
        },
        { key: 'mun', header: 'Муниципалитет', cell: (r) => r.municipalityName },
        { key: 'resp', header: 'Учтено анкет', numeric: true, cell: (r) => r.respondents },
        { key: 'req', header: 'Требуется', numeric: true, cell: (r) => r.requiredSample },
      ]}
    />
  );
}

function Counts({ d }: { d: CampaignDashboardPage }) {
  const items: [string, string][] = [
    ['Организаций', String(d.counts.organizations)],
    ['Средний итоговый балл', fmt(d.selection.total)],
    ['В рейтинге', String(d.counts.ranked)],
    ['Выборка не набрана', String(d.counts.belowSample)],
    ['Недостаточно данных', String(d.counts.insufficientData)],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} component="dl" m={0}>
      {items.map(([label, value]) => (
        <Card key={label} withBorder padding="sm">
          <Text component="dt" size="sm">
            {label}
          </Text>
          <Text component="dd" m={0} fz="xl" fw={700}>
            {value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function Filters({ d }: { d: CampaignDashboardPage }) {
  const all = (label: string) => [{ value: '', label }];
  return (
    <FilterForm resetTo={`/campaigns/${d.campaign.id}/dashboard`} legend="Отбор" columns={3}>
      <NativeSelect
        name="municipalityId"
        label="Муниципальное образование"
        defaultValue={d.filters.municipalityId === null ? '' : String(d.filters.municipalityId)}
        data={[
          ...all('Вся область'),
          ...d.municipalities.map((m) => ({ value: String(m.id), label: m.name })),
        ]}
      />
      <NativeSelect
        name="kind"
        label="Тип организаций"
        defaultValue={d.filters.kind ?? ''}
        data={[
          ...all('Все типы'),
          ...d.kinds.map((k) => ({ value: k, label: KIND_GROUP_TITLES[k] ?? k })),
        ]}
      />
      {d.runs.length > 1 && (
        <NativeSelect
          name="version"
          label="Версия расчёта"
          defaultValue={String(d.run.version)}
          data={d.runs.map((r) => ({
            value: String(r.version),
            label: `Версия ${r.version}${r.status === 'frozen' ? ' (утверждена)' : r.status === 'current' ? ' (текущая)' : ''}`,
          }))}
        />
      )}
    </FilterForm>
  );
}

export default function CampaignDashboardPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <PageShell size="xl">
      <Stack gap="xl">
        <CampaignNav id={d.campaign.id} />
        <Stack gap="xs">
          <Title order={1}>Панель результатов: {d.campaign.title}</Title>
          <RunLine run={d.run} />
          <Text>
            Показано: <strong>{d.selectionLabel}</strong>.{' '}
            {!d.selection.exact &&
              'Средние по выбранной группе посчитаны по опубликованным (округлённым) баллам организаций.'}
          </Text>
        </Stack>
        <Filters d={d} />
        <Counts d={d} />

        <Stack component="section" aria-labelledby={`${d.figures.histogram.id}-title`}>
          <Figure figure={d.figures.histogram} />
        </Stack>
        <Stack component="section" aria-labelledby={`${d.figures.criteria.id}-title`}>
          <Figure figure={d.figures.criteria} />
        </Stack>
        {d.figures.municipalities && (
          <Stack component="section" aria-labelledby={`${d.figures.municipalities.id}-title`}>
            <Figure figure={d.figures.municipalities} />
          </Stack>
        )}

        <Stack component="section" aria-labelledby="rating-title" gap="sm">
          <Title order={2} size="h3" id="rating-title">
            Рейтинг: лучшие и отстающие
          </Title>
          <Text size="sm">
            В рейтинге {d.counts.ranked} из {d.counts.organizations}: организации, не набравшие
            выборку или без итогового балла, в рейтинг не входят.
          </Text>
          <RankTable d={d} rows={d.top} caption="Лучшие по итоговому баллу" />
          {d.bottom.length > 0 && (
            <RankTable
              d={d}
              rows={d.bottom}
              caption="Отстающие: самый низкий итоговый балл первым"
            />
          )}
        </Stack>

        <Stack component="section" aria-labelledby="gaps-title" gap="sm">
          <Title order={2} size="h3" id="gaps-title">
            Самые частые недостатки
          </Title>
          <DataTable
            caption={`Недостатки по числу организаций, у которых они найдены (из ${d.counts.organizations})`}
            rowKey={(g) => g.code}
            rows={d.gaps}
            empty="Недостатков не найдено."
            columns={[
              { key: 'title', header: 'Недостаток', cell: (g) => g.title },
              { key: 'ind', header: 'Показатель', cell: (g) => g.indicator },
              { key: 'src', header: 'Источник', cell: (g) => SOURCE_TITLES[g.source] },
              { key: 'n', header: 'Организаций', numeric: true, cell: (g) => g.organizations },
              { key: 'share', header: 'Доля, %', numeric: true, cell: (g) => fmt(g.share) },
            ]}
          />
        </Stack>

        <Stack component="section" aria-labelledby="attention-title" gap="sm">
          <Title order={2} size="h3" id="attention-title">
            Выборка и полнота данных
          </Title>
          <Text>
            Выборка не набрана: {d.counts.belowSample}. Недостаточно данных для итогового балла:{' '}
            {d.counts.insufficientData}.
          </Text>
          {d.belowSample.length > 0 && (
            <AttentionTable
              d={d}
              rows={d.belowSample}
              caption="Организации, не набравшие выборку"
            />
          )}
          {d.insufficientData.length > 0 && (
            <AttentionTable
              d={d}
              rows={d.insufficientData}
              caption="Организации без итогового балла (недостаточно данных)"
            />
          )}
        </Stack>

        {d.yoy && <YearOverYearSection yoy={d.yoy} />}
      </Stack>
    </PageShell>
  );
}
