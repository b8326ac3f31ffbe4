// /campaigns/:id/reports — documents and exports of a campaign's results (issue 6 items 6–7): the
// analytical report (DOCX, PDF), the workbook, open data, the bus.gov.ru table, and each
// organization's one-page result card. The version and the organization search are GET forms
// (work without JavaScript); downloads are plain links.
import {
  Alert,
  Anchor,
  Code,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { useLoaderData } from 'react-router';
import { FORMAT_INFO, REPORT_FORMATS } from '../../../features/reports/reports.schema.ts';
import { requirePermission } from '../../auth.server.ts';
import { FilterForm } from '../../components/filter-form.tsx';
import { PageShell } from '../../components/page-shell.tsx';
import { load } from '../../errors.server.ts';
import { CampaignNav } from '../campaigns/ui.tsx';

export const meta: MetaFunction = () => [{ title: 'Отчёты и выгрузки — noko' }];

/** Cards listed at most; the search narrows a large region down. */
const CARD_LIMIT = 100;

const RUN_WORDS: Record<string, string> = {
  current: 'текущий расчёт, не утверждён',
  frozen: 'утверждены',
  superseded: 'заменены более поздней версией',
};

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'results.view');
  const campaignId = Number(params.id);
  const url = new URL(request.url);
  const version = Number(url.searchParams.get('version')) || undefined;
  const q = (url.searchParams.get('q') ?? '').trim();
  const runs = await load(() => ctx.services.results.listRuns(ctx.caller, campaignId));
  if (runs.length === 0) return { campaignId, empty: true as const };
  const r = await load(() =>
    ctx.services.results.getCampaignResults(ctx.caller, {
      campaignId,
      ...(version ? { version } : {}),
      withProvenance: false,
    }),
  );
  const needle = q.toLowerCase();
  const found = r.organizations
    .filter(
      (o) =>
        !needle ||
        o.shortName.toLowerCase().includes(needle) ||
        o.inn.includes(needle) ||
        o.municipalityName.toLowerCase().includes(needle),
    )
    .sort(
      (a, b) =>
        a.municipalityName.localeCompare(b.municipalityName, 'ru') ||
        a.shortName.localeCompare(b.shortName, 'ru'),
    );
  return {
    campaignId,
    empty: false as const,
    campaign: r.campaign,
    run: r.run,
    runs: runs.map((x) => ({ version: x.version, status: x.status })),
    q,
    found: found.length,
    organizations: found.slice(0, CARD_LIMIT).map((o) => ({
      id: o.organizationId,
      name: o.shortName,
      inn: o.inn,
      municipality: o.municipalityName,
      total: o.total,
    })),
  };
}

const score = (v: number | null) => (v === null ? '—' : v.toFixed(2).replace('.', ','));

export default function ReportsPage() {
  const d = useLoaderData<typeof loader>();
  if (d.empty) {
    return (
      <PageShell>
        <Stack gap="lg">
          <CampaignNav id={d.campaignId} />
          <Title order={1}>Отчёты и выгрузки</Title>
          <Alert color="yellow" variant="light">
            Результатов этой кампании, доступных вам, пока нет: они появятся после расчёта (для
            оператора) или после утверждения общественным советом.
          </Alert>
        </Stack>
      </PageShell>
    );
  }
  const v = `?version=${d.run.version}`;
  const base = `/campaigns/${d.campaignId}/reports`;
  return (
    <PageShell size="xl">
      <Stack gap="lg">
        <CampaignNav id={d.campaignId} />
        <Title order={1}>Отчёты и выгрузки: {d.campaign.title}</Title>
        <Text>
          Версия результатов {d.run.version}: {RUN_WORDS[d.run.status] ?? d.run.status}
          {d.run.frozenBasis ? ` (${d.run.frozenBasis})` : ''}. В каждом документе указаны версия и
          вариант методики, с которыми получены значения.
        </Text>
        {d.runs.length > 1 && (
          <FilterForm legend="Версия результатов" resetTo={base} columns={2}>
            <NativeSelect
              name="version"
              label="Версия"
              defaultValue={String(d.run.version)}
              data={d.runs.map((r) => ({
                value: String(r.version),
                label: `${r.version}: ${RUN_WORDS[r.status] ?? r.status}`,
              }))}
            />
          </FilterForm>
        )}

        <Title order={2} id="formats-title">
          Документы кампании
        </Title>
        <Table withTableBorder aria-labelledby="formats-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Файл</Table.Th>
              <Table.Th scope="col">Что внутри</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {REPORT_FORMATS.map((f) => (
              <Table.Tr key={f}>
                <Table.Th scope="row">
                  <Anchor href={`${base}/${f}${v}`} download>
                    {FORMAT_INFO[f].title}
                  </Anchor>
                </Table.Th>
                <Table.Td>{FORMAT_INFO[f].description}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed">
          Из командной строки:{' '}
          <Code>noko report --campaign {d.campaignId} --format docx --out отчёт.docx</Code>; через
          API: <Code>GET /api/v1/campaigns/{d.campaignId}/reports/docx</Code>. Описание полей
          открытых данных — в docs/open-data.md.
        </Text>

        <Title order={2} id="cards-title">
          Карточки организаций (PDF)
        </Title>
        <FilterForm legend="Поиск организации" resetTo={`${base}${v}`} columns={2}>
          <input type="hidden" name="version" value={d.run.version} />
          <TextInput name="q" label="Название, ИНН или муниципалитет" defaultValue={d.q} />
        </FilterForm>
        <Text size="sm">
          Найдено: {d.found}
          {d.found > d.organizations.length ? `, показаны первые ${d.organizations.length}` : ''}.
        </Text>
        <Table withTableBorder striped aria-labelledby="cards-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Организация</Table.Th>
              <Table.Th scope="col">ИНН</Table.Th>
              <Table.Th scope="col">Муниципалитет</Table.Th>
              <Table.Th scope="col">Итоговый балл</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.organizations.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Th scope="row">
                  <Anchor href={`${base}/card/${o.id}${v}`} download>
                    {o.name}
                  </Anchor>
                </Table.Th>
                <Table.Td>{o.inn}</Table.Td>
                <Table.Td>{o.municipality}</Table.Td>
                <Table.Td>{score(o.total)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </PageShell>
  );
}
