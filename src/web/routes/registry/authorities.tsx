// /registry/authorities — founders and education authorities (regional ministry, municipal
// departments) with their territory and level.
import { Anchor, Stack, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Link, useLoaderData } from 'react-router';
import { AUTHORITY_LEVEL_TITLES } from '../../../features/registry/registry.schema.ts';
import { requirePermission } from '../../auth.server.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageShell } from '../../components/page-shell.tsx';
import { load } from './registry.server.ts';

export const meta: MetaFunction = () => [{ title: 'Учредители — noko' }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'registry.view');
  const rows = await load(() => ctx.services.registry.listAuthorities(ctx.caller));
  return {
    rows: rows.map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      level: a.level,
      territoryName: a.territoryName,
      email: a.email,
      phone: a.phone,
      active: a.active,
    })),
  };
}

type Row = Awaited<ReturnType<typeof loader>>['rows'][number];

export default function Authorities() {
  const { rows } = useLoaderData<typeof loader>();
  return (
    <PageShell size="xl">
      <Stack gap="lg">
        <Anchor component={Link} to="/registry">
          ← К реестру
        </Anchor>
        <Title order={1}>Учредители и органы управления образованием</Title>
        <DataTable<Row>
          caption="Учредители; код используется в файлах импорта"
          rows={rows}
          rowKey={(a) => a.id}
          empty="Учредителей пока нет."
          columns={[
            { key: 'name', header: 'Наименование', cell: (a) => a.name },
            { key: 'code', header: 'Код', cell: (a) => a.code },
            { key: 'level', header: 'Уровень', cell: (a) => AUTHORITY_LEVEL_TITLES[a.level] },
            { key: 'terr', header: 'Территория', cell: (a) => a.territoryName },
            { key: 'email', header: 'Электронная почта', cell: (a) => a.email ?? '—' },
            { key: 'phone', header: 'Телефон', cell: (a) => a.phone ?? '—' },
            {
              key: 'active',
              header: 'Состояние',
              cell: (a) => (a.active ? 'действует' : 'не действует'),
            },
          ]}
        />
      </Stack>
    </PageShell>
  );
}
