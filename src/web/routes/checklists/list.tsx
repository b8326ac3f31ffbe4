// /campaigns/:id/checklists — every organization of the campaign's list with the status of its
// checklist, filterable (GET form, works without JavaScript). An organization's staff go straight
// to their own self-report.
import { Anchor, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Link, redirect, useLoaderData } from 'react-router';
import { can } from '../../../domain/permissions/permissions.ts';
import { CHECKLIST_STATUS_TITLES } from '../../../domain/checklists/workflow.ts';
import { ORGANIZATION_KIND_TITLES } from '../../../features/campaigns/campaigns.schema.ts';
import {
  CHECKLIST_LIST_STATUSES,
  type ChecklistListRow,
} from '../../../features/checklists/checklists.schema.ts';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { FilterForm } from '../../components/filter-form.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { load, requireUser } from './checklists.server.ts';
import { ChecklistStatus, kindTitle } from './ui.tsx';

export const meta: MetaFunction = () => [{ title: 'Чек-листы экспертов — noko' }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request);
  const campaignId = Number(params.id);
  const url = new URL(request.url);
  const filter = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));
  const own = !can(ctx.caller, 'checklist.fill');
  const list = await load(() =>
    ctx.services.checklists.list(ctx.caller, campaignId, own ? {} : filter),
  );
  // The organization has one checklist: its own self-report (when it is on the list).
  const row = own ? list.rows[0] : undefined;
  if (row) throw redirect(`/campaigns/${campaignId}/checklists/${row.organizationId}/self-report`);
  return { list, filter, own };
}

export default function ChecklistList() {
  const { list, filter, own } = useLoaderData<typeof loader>();
  const id = list.campaign.id;
  if (own)
    return (
      <PageShell size="md">
        <Stack gap="md">
          <Title order={1}>Самообследование: {list.campaign.title}</Title>
          <Text>
            Вашей организации нет в перечне этой кампании: самообследование для неё не требуется.
          </Text>
          <Anchor component={Link} to={`/campaigns/${id}`}>
            ← К кампании
          </Anchor>
        </Stack>
      </PageShell>
    );
  const columns: Column<ChecklistListRow>[] = [
    {
      key: 'org',
      header: 'Организация',
      rowHeader: true,
      cell: (r) => (
        <Anchor component={Link} to={`/campaigns/${id}/checklists/${r.organizationId}`}>
          {r.shortName}
        </Anchor>
      ),
    },
    { key: 'kind', header: 'Вид', cell: (r) => kindTitle(r.kind) },
    { key: 'mun', header: 'Муниципалитет', cell: (r) => r.municipalityName },
    { key: 'status', header: 'Статус', cell: (r) => <ChecklistStatus status={r.status} /> },
    {
      key: 'answers',
      header: 'Ответов: эксперт / организация',
      numeric: true,
      cell: (r) => `${r.confirmedAnswered} / ${r.declaredAnswered}`,
    },
    { key: 'updated', header: 'Изменён', cell: (r) => formatDateTime(r.updatedAt) },
    {
      key: 'review',
      header: 'Сверка',
      cell: (r) =>
        r.status === 'not_started' ? (
          '—'
        ) : (
          <Anchor component={Link} to={`/campaigns/${id}/checklists/${r.organizationId}/review`}>
            заявлено / подтверждено
          </Anchor>
        ),
    },
  ];
  const totals = CHECKLIST_LIST_STATUSES.map(
    (s) => `${CHECKLIST_STATUS_TITLES[s]} — ${list.totals[s]}`,
  );
  return (
    <PageShell size="xl">
      <Stack gap="md">
        <Anchor component={Link} to={`/campaigns/${id}`}>
          ← К кампании
        </Anchor>
        <Title order={1}>Чек-листы экспертов: {list.campaign.title}</Title>
        {!list.campaign.open && (
          <Text>Кампания не в стадии сбора данных: чек-листы открыты только для просмотра.</Text>
        )}
        <FilterForm resetTo={`/campaigns/${id}/checklists`} columns={3}>
          <NativeSelect
            name="status"
            label="Статус"
            defaultValue={filter.status ?? ''}
            data={[
              { value: '', label: 'Все' },
              ...CHECKLIST_LIST_STATUSES.map((s) => ({
                value: s,
                label: CHECKLIST_STATUS_TITLES[s],
              })),
            ]}
          />
          <NativeSelect
            name="kind"
            label="Вид организации"
            defaultValue={filter.kind ?? ''}
            data={[
              { value: '', label: 'Все' },
              ...Object.entries(ORGANIZATION_KIND_TITLES).map(([value, label]) => ({
                value,
                label,
              })),
            ]}
          />
          <TextInput name="q" label="Название или ИНН" defaultValue={filter.q ?? ''} />
        </FilterForm>
        <Text size="sm" aria-live="polite">
          {totals.join(' · ')}
        </Text>
        <DataTable
          caption="Организации перечня и их чек-листы"
          hideCaption
          columns={columns}
          rows={list.rows}
          rowKey={(r) => r.organizationId}
          empty="Нет организаций, подходящих под отбор."
        />
      </Stack>
    </PageShell>
  );
}
