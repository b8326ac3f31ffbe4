// /admin/outbox — every message noko sent or would have sent, newest first (regional
// administrators). Without SMTP_URL this is where e-mail goes (ADR 0004), so the demo shows it all.
import { Anchor, Stack, Text, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Link, useLoaderData } from 'react-router';
import { DataTable } from '../../components/data-table.tsx';
import { PageShell } from '../../components/page-shell.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { readPage } from '../../components/paging.ts';
import { OUTBOX_PAGE_SIZE } from '../../../features/mail/mail.schema.ts';
import { requirePermission } from '../../auth.server.ts';
import { load } from '../../errors.server.ts';
import { outboxRowView, type OutboxRowView } from './outbox-view.ts';

export const meta: MetaFunction = () => [{ title: 'Исходящие письма — noko' }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'outbox.view');
  const { page } = readPage(new URL(request.url).searchParams, OUTBOX_PAGE_SIZE);
  const res = await load(() => ctx.services.mail.list(ctx.caller, { page }));
  return {
    rows: res.rows.map(outboxRowView),
    total: res.total,
    page: res.page,
    pageSize: res.pageSize,
    smtp: Boolean(ctx.config.SMTP_URL),
  };
}

const columns = [
  {
    key: 'at',
    header: 'Время (МСК)',
    rowHeader: true,
    cell: (r: OutboxRowView) => (
      <Anchor component={Link} to={`/admin/outbox/${r.id}`}>
        {r.createdAt}
      </Anchor>
    ),
  },
  { key: 'to', header: 'Кому', cell: (r: OutboxRowView) => r.to },
  { key: 'subject', header: 'Тема', cell: (r: OutboxRowView) => r.subject },
  {
    key: 'status',
    header: 'Состояние',
    cell: (r: OutboxRowView) => <StatusBadge tone={r.tone}>{r.statusTitle}</StatusBadge>,
  },
];

export default function OutboxList() {
  const { rows, total, page, pageSize, smtp } = useLoaderData<typeof loader>();
  return (
    <PageShell size="xl">
      <Stack gap="lg">
        <Title order={1}>Исходящие письма</Title>
        <Text>
          {smtp
            ? 'Все письма системы: отправленные через почтовый сервер и ожидающие отправки.'
            : 'Почтовый сервер не настроен (SMTP_URL), поэтому письма не отправляются, а сохраняются здесь.'}{' '}
          Время — московское.
        </Text>
        <Pagination total={total} page={page} pageSize={pageSize} />
        <DataTable
          caption="Письма, новые сначала"
          hideCaption
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          empty="Писем пока нет."
        />
        {total > pageSize && <Pagination total={total} page={page} pageSize={pageSize} />}
      </Stack>
    </PageShell>
  );
}
