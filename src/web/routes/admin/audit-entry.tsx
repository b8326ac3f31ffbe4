// /admin/audit/:id — one audit entry in full: who, when, what, request id, and the changed fields.
import type { ReactNode } from 'react';
import { Anchor, Group, Stack, Table, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Link, data, useLoaderData } from 'react-router';
import { REGION_TIME_ZONE } from '../../components/format.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { load, requireUser } from './admin.server.ts';
import { auditRowView } from './audit-view.ts';
import { ChangesView } from './changes-view.tsx';

export const meta: MetaFunction = ({ params }) => [
  { title: `Запись журнала № ${params.id ?? ''} — noko` },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request);
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id < 1) {
    throw data({ message: 'Запись журнала не найдена' }, { status: 404 });
  }
  const entry = await load(() => ctx.services.dashboard.auditEntry(ctx.caller, id));
  return { entry: auditRowView(entry, REGION_TIME_ZONE, true) };
}

export default function AuditEntryPage() {
  const { entry } = useLoaderData<typeof loader>();
  const rows: Array<[string, ReactNode]> = [
    ['Время (МСК)', entry.at],
    ['Кто', entry.actorLabel],
    ['Действие', `${entry.actionTitle} (${entry.action})`],
    [
      'Объект',
      entry.entityHref ? (
        <Anchor component={Link} to={entry.entityHref}>
          {entry.entity}
        </Anchor>
      ) : (
        entry.entity
      ),
    ],
    ['Запрос', entry.requestId ?? '—'],
  ];
  return (
    <PageShell>
      <Stack gap="lg">
        <Group component="nav" aria-label="Журнал аудита">
          <Anchor component={Link} to="/admin/audit">
            ← Весь журнал
          </Anchor>
        </Group>
        <Title order={1}>Запись журнала № {entry.id}</Title>
        <Table withTableBorder maw={720}>
          <Table.Tbody>
            {rows.map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Th scope="row" w={180}>
                  {k}
                </Table.Th>
                <Table.Td>{v}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Title order={2}>Что изменилось</Title>
        <ChangesView changes={entry.changes} />
      </Stack>
    </PageShell>
  );
}
