// /admin/outbox/:id — one message in full: recipient, subject, state and the whole text.
import type { ReactNode } from 'react';
import { Anchor, Code, Group, Stack, Table, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Link, data, useLoaderData } from 'react-router';
import { PageShell } from '../../components/page-shell.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { requirePermission } from '../../auth.server.ts';
import { load } from '../../errors.server.ts';
import { outboxRowView } from './outbox-view.ts';

export const meta: MetaFunction = ({ params }) => [{ title: `Письмо № ${params.id ?? ''} — noko` }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'outbox.view');
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id < 1) {
    throw data({ message: 'Письмо не найдено' }, { status: 404 });
  }
  const m = await load(() => ctx.services.mail.get(ctx.caller, id));
  return { message: { ...outboxRowView(m), text: m.text, hasHtml: m.html !== null } };
}

export default function OutboxMessage() {
  const { message: m } = useLoaderData<typeof loader>();
  const rows: Array<[string, ReactNode]> = [
    ['Создано (МСК)', m.createdAt],
    ['Кому', m.to],
    ['Тема', m.subject],
    ['Состояние', <StatusBadge tone={m.tone}>{m.statusTitle}</StatusBadge>],
    ['Отправлено (МСК)', m.sentAt ?? '—'],
    ['Попыток отправки', String(m.attempts)],
    ...(m.error ? ([['Ошибка', m.error]] as Array<[string, ReactNode]>) : []),
  ];
  return (
    <PageShell>
      <Stack gap="lg">
        <Group component="nav" aria-label="Исходящие письма">
          <Anchor component={Link} to="/admin/outbox">
            ← Все письма
          </Anchor>
        </Group>
        <Title order={1}>Письмо № {m.id}</Title>
        <Table withTableBorder maw={720}>
          <Table.Tbody>
            {rows.map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Th scope="row" w={200}>
                  {k}
                </Table.Th>
                <Table.Td>{v}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Title order={2}>Текст письма</Title>
        <Code block style={{ whiteSpace: 'pre-wrap' }}>
          {m.text}
        </Code>
        {m.hasHtml && <p>У письма есть и HTML-версия с тем же содержанием.</p>}
      </Stack>
    </PageShell>
  );
}
