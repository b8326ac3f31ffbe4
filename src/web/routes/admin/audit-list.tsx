// /admin/audit — the audit log (regional administrators only): GET filters, newest first, paged.
// Read-only: nothing here changes or removes entries.
import { Anchor, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Link, useLoaderData } from 'react-router';
import {
  AUDIT_PAGE_SIZE,
  actionWords,
  entityWords,
} from '../../../features/dashboard/audit.schema.ts';
import { DataTable } from '../../components/data-table.tsx';
import { ErrorSummary, type FormFailure } from '../../components/error-summary.tsx';
import { FilterForm } from '../../components/filter-form.tsx';
import { PageShell } from '../../components/page-shell.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { queryObject, readPage } from '../../components/paging.ts';
import { load, requireUser } from './admin.server.ts';
import { auditRowView, type AuditRowView } from './audit-view.ts';
import { ChangesView } from './changes-view.tsx';

export const meta: MetaFunction = () => [{ title: 'Журнал аудита — noko' }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request);
  const url = new URL(request.url);
  const filters = queryObject(url.searchParams);
  const { page } = readPage(url.searchParams, AUDIT_PAGE_SIZE);
  const facets = await load(() => ctx.services.dashboard.auditFacets(ctx.caller));
  try {
    const res = await ctx.services.dashboard.auditLog(ctx.caller, { ...filters, page });
    return {
      filters,
      facets,
      failure: null,
      rows: res.rows.map((e) => auditRowView(e, res.timeZone)),
      total: res.total,
      page: res.page,
      pageSize: res.pageSize,
    };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (!(e instanceof Error) || code !== 'validation_failed') return load(() => Promise.reject(e));
    const issues = ((e as { details?: { issues?: { path: string; message: string }[] } }).details
      ?.issues ?? []) as { path: string; message: string }[];
    const failure: FormFailure = {
      ok: false,
      message: 'Проверьте условия отбора',
      fields: Object.fromEntries(issues.map((i) => [i.path, i.message])),
    };
    return { filters, facets, failure, rows: [], total: 0, page: 1, pageSize: AUDIT_PAGE_SIZE };
  }
}

const columns = [
  {
    key: 'at',
    header: 'Время (МСК)',
    rowHeader: true,
    cell: (r: AuditRowView) => (
      <Anchor component={Link} to={`/admin/audit/${r.id}`}>
        {r.at}
      </Anchor>
    ),
  },
  { key: 'actor', header: 'Кто', cell: (r: AuditRowView) => r.actorLabel },
  { key: 'action', header: 'Действие', cell: (r: AuditRowView) => r.actionTitle },
  {
    key: 'entity',
    header: 'Объект',
    cell: (r: AuditRowView) =>
      r.entityHref ? (
        <Anchor component={Link} to={r.entityHref}>
          {r.entity}
        </Anchor>
      ) : (
        r.entity
      ),
  },
  {
    key: 'changes',
    header: 'Изменения',
    cell: (r: AuditRowView) => <ChangesView changes={r.changes} compact />,
  },
];

export default function AuditList() {
  const { filters, facets, failure, rows, total, page, pageSize } = useLoaderData<typeof loader>();
  const option = (value: string, label: string) => ({ value, label });
  return (
    <PageShell size="xl">
      <Stack gap="lg">
        <Title order={1}>Журнал аудита</Title>
        <Text>
          Кто, когда и что изменил. Записи нельзя исправить или удалить. Время — московское.
        </Text>
        <ErrorSummary failure={failure} />
        <FilterForm resetTo="/admin/audit" columns={3}>
          <NativeSelect
            id="entityType"
            name="entityType"
            label="Тип объекта"
            defaultValue={filters.entityType ?? ''}
            data={[option('', 'Все'), ...facets.entityTypes.map((t) => option(t, entityWords(t)))]}
          />
          <TextInput
            id="entityId"
            name="entityId"
            label="Номер объекта"
            defaultValue={filters.entityId ?? ''}
            error={failure?.fields.entityId}
          />
          <NativeSelect
            id="actorUserId"
            name="actorUserId"
            label="Кто действовал"
            defaultValue={filters.actorUserId ?? ''}
            data={[
              option('', 'Все'),
              ...facets.actors.map((a) => option(String(a.userId), a.label)),
            ]}
            error={failure?.fields.actorUserId}
          />
          <NativeSelect
            id="action"
            name="action"
            label="Действие"
            defaultValue={filters.action ?? ''}
            data={[option('', 'Все'), ...facets.actions.map((a) => option(a, actionWords(a)))]}
          />
          <TextInput
            id="from"
            name="from"
            type="date"
            label="С даты"
            defaultValue={filters.from ?? ''}
            error={failure?.fields.from}
          />
          <TextInput
            id="to"
            name="to"
            type="date"
            label="По дату включительно"
            defaultValue={filters.to ?? ''}
            error={failure?.fields.to}
          />
        </FilterForm>
        <Pagination total={total} page={page} pageSize={pageSize} />
        <DataTable
          caption="Записи журнала, новые сначала"
          hideCaption
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          empty="Записей с такими условиями нет."
        />
        {total > pageSize && <Pagination total={total} page={page} pageSize={pageSize} />}
      </Stack>
    </PageShell>
  );
}
