// /campaigns/:id/organizations/:orgId/results — one organization's result for staff: K1–K5 against
// its municipality's and the region's means, every indicator, survey shares with Wilson 95 %
// intervals, places in the ratings, shortcomings with recommendations, and the change over the
// years. Organization staff see only their own organization (the results service checks).
import { Anchor, Card, List, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Link, useLoaderData } from 'react-router';
import type { OrganizationResultsPage } from '../../../features/dashboards/dashboards.schema.ts';
import { FLAG_TITLES, kindGroupTitle, SOURCE_TITLES } from '../../../features/dashboards/labels.ts';
import { scopeOf } from '../../../domain/permissions/index.ts';
import { requirePermission } from '../../auth.server.ts';
import { DataTable } from '../../components/data-table.tsx';
import { FilterForm } from '../../components/filter-form.tsx';
import { PageShell } from '../../components/page-shell.tsx';
import { load } from '../../errors.server.ts';
import { CampaignNav } from '../campaigns/ui.tsx';
import { Figure, fmt, RunLine, signed, YearOverYearSection } from './ui.tsx';

export const meta: MetaFunction = () => [{ title: 'Результаты организации — noko' }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'results.view');
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const page: OrganizationResultsPage = await load(() =>
    ctx.services.resultDashboards.organizationResults(
      ctx.caller,
      { campaignId: Number(params.id), organizationId: Number(params.orgId) },
      query,
    ),
  );
  return { page, regionWide: scopeOf(ctx.caller.role, 'results.view') !== 'organization' };
}

function Facts({ p }: { p: OrganizationResultsPage }) {
  const o = p.organization;
  const items: [string, string][] = [
    ['Итоговый балл', o.total === null ? 'нет данных' : `${fmt(o.total)} (${o.band ?? '—'})`],
    [
      'Учтено анкет',
      `${o.respondents} из ${o.requiredSample} необходимых${o.belowSample ? ' — выборка не набрана' : ''}`,
    ],
    ['В рейтинге', o.ranked ? 'да' : 'нет'],
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
      {items.map(([label, value]) => (
        <Card key={label} withBorder padding="sm">
          <Text component="dt" size="sm">
            {label}
          </Text>
          <Text component="dd" m={0} fz="lg" fw={700}>
            {value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function Shortcomings({ p }: { p: OrganizationResultsPage }) {
  return (
    <Stack component="section" aria-labelledby="shortcomings-title" gap="sm">
      <Title order={2} size="h3" id="shortcomings-title">
        Недостатки и рекомендации ({p.shortcomings.length})
      </Title>
      {p.shortcomings.length === 0 ? (
        <Text>Недостатков не найдено.</Text>
      ) : (
        <List spacing="sm">
          {p.shortcomings.map((s) => (
            <List.Item key={s.code}>
              <Text fw={600}>
                {s.title} (показатель {s.indicator}, {SOURCE_TITLES[s.source]})
              </Text>
              <Text size="sm">Рекомендация: {s.recommendation}</Text>
              {s.legalBasis && <Text size="sm">Основание: {s.legalBasis}</Text>}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

export default function OrganizationResultsPage() {
  const { page: p, regionWide } = useLoaderData<typeof loader>();
  const o = p.organization;
  const base = `/campaigns/${p.campaign.id}/organizations/${o.organizationId}/results`;
  return (
    <PageShell size="xl">
      <Stack gap="xl">
        <CampaignNav id={p.campaign.id} />
        {regionWide && (
          <Anchor
            component={Link}
            to={`/campaigns/${p.campaign.id}/dashboard?version=${p.run.version}`}
          >
            ← Панель результатов кампании
          </Anchor>
        )}
        <Stack gap="xs">
          <Title order={1}>Результаты: {o.shortName}</Title>
          <Text>{o.fullName}</Text>
          <Text size="sm">
            {kindGroupTitle(o.kind)}; {o.municipalityName}
            {o.founderName ? `; учредитель — ${o.founderName}` : ''}; ИНН {o.inn}. Кампания «
            {p.campaign.title}».
          </Text>
          <RunLine run={p.run} />
          {o.flags.length > 0 && (
            <Text size="sm" fw={600}>
              Отметки расчёта: {o.flags.map((f) => FLAG_TITLES[f] ?? f).join('; ')}.
            </Text>
          )}
          {p.run.status === 'frozen' && (
            <Anchor href={`/results/${p.campaign.id}/org/${o.organizationId}`} size="sm">
              Публичная карточка результата
            </Anchor>
          )}
        </Stack>
        {p.runs.length > 1 && (
          <FilterForm resetTo={base} legend="Версия расчёта" columns={2}>
            <NativeSelect
              name="version"
              label="Версия"
              defaultValue={String(p.run.version)}
              data={p.runs.map((r) => ({ value: String(r.version), label: `Версия ${r.version}` }))}
            />
          </FilterForm>
        )}
        <Facts p={p} />

        <Stack component="section" aria-labelledby="places-title" gap="sm">
          <Title order={2} size="h3" id="places-title">
            Место в рейтингах
          </Title>
          <DataTable
            caption="Место организации в рейтингах кампании (равные баллы делят место)"
            hideCaption
            rowKey={(r) => r.key}
            rows={p.places}
            columns={[
              { key: 'title', header: 'Рейтинг', cell: (r) => r.title },
              {
                key: 'rank',
                header: 'Место',
                numeric: true,
                cell: (r) => r.rank ?? 'не участвует',
              },
              { key: 'of', header: 'Организаций в рейтинге', numeric: true, cell: (r) => r.of },
            ]}
          />
        </Stack>

        <Stack component="section" aria-labelledby={`${p.figure.id}-title`}>
          <Figure figure={p.figure} />
        </Stack>

        <Stack component="section" aria-labelledby="indicators-title" gap="sm">
          <Title order={2} size="h3" id="indicators-title">
            Показатели
          </Title>
          <DataTable
            caption="Баллы по показателям: организация, среднее по муниципалитету и по области"
            hideCaption
            rowKey={(r) => r.key}
            rows={p.indicators}
            columns={[
              { key: 'title', header: 'Показатель', cell: (r) => `${r.key}. ${r.title}` },
              { key: 'v', header: 'Организация', numeric: true, cell: (r) => fmt(r.value) },
              {
                key: 'm',
                header: 'Муниципалитет',
                numeric: true,
                cell: (r) => fmt(r.municipality),
              },
              { key: 'r', header: 'Область', numeric: true, cell: (r) => fmt(r.region) },
              {
                key: 'd',
                header: 'Разница с областью',
                numeric: true,
                cell: (r) => signed(r.difference),
              },
            ]}
          />
        </Stack>

        <Stack component="section" aria-labelledby="shares-title" gap="sm">
          <Title order={2} size="h3" id="shares-title">
            Ответы получателей услуг
          </Title>
          <Text size="sm">
            Доля ответов «Да» и её 95-процентный доверительный интервал Вильсона: чем меньше
            ответивших, тем шире интервал.
          </Text>
          <DataTable
            caption="Доли ответов «Да» по вопросам анкеты с интервалами Вильсона"
            hideCaption
            rowKey={(r) => r.question}
            rows={p.shares}
            columns={[
              { key: 'q', header: 'Вопрос', cell: (r) => `${r.title} (${r.question})` },
              { key: 'ind', header: 'Показатель', cell: (r) => r.indicator },
              { key: 'yes', header: '«Да»', numeric: true, cell: (r) => r.yes },
              { key: 'of', header: 'Ответили', numeric: true, cell: (r) => r.of },
              { key: 'share', header: 'Доля, %', numeric: true, cell: (r) => fmt(r.share) },
              {
                key: 'ci',
                header: 'Интервал, %',
                numeric: true,
                cell: (r) => (r.low === null ? '—' : `${fmt(r.low)} – ${fmt(r.high)}`),
              },
            ]}
          />
        </Stack>

        <Shortcomings p={p} />

        {o.councilProposals && (
          <Stack component="section" aria-labelledby="council-title" gap="xs">
            <Title order={2} size="h3" id="council-title">
              Предложения общественного совета
            </Title>
            <Text style={{ whiteSpace: 'pre-line' }}>{o.councilProposals}</Text>
          </Stack>
        )}

        {p.yoy && (
          <YearOverYearSection
            yoy={p.yoy}
            linkFor={(campaignId) =>
              `/campaigns/${campaignId}/organizations/${o.organizationId}/results`
            }
          />
        )}
      </Stack>
    </PageShell>
  );
}
