// /monitor/checks/:id/pages/:seq — how a stored page looked: shown in an iframe with `sandbox`
// (no scripts, no forms, no navigation of this page, its own opaque origin) from `srcdoc`, so the
// stored HTML cannot act; the app's Content-Security-Policy also applies and blocks outside
// images and styles. The raw text is one link away.
import { Anchor, Stack, Text, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Link, useLoaderData } from 'react-router';
import { requireUser } from '../../auth.server.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { load } from '../../errors.server.ts';
import { idParam, MonitorNav } from './ui.tsx';

export const meta: MetaFunction = () => [{ title: 'Сохранённая страница — мониторинг — noko' }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request);
  const id = idParam(params.id, 'Проверка');
  const seq = idParam(params.seq, 'Страница');
  const page = await load(() => ctx.services.monitor.snapshot(ctx.caller, id, seq));
  return { id, seq, url: page.url, sha256: page.sha256, html: page.text };
}

export default function StoredPage() {
  const p = useLoaderData<typeof loader>();
  return (
    <PageShell size="xl">
      <Stack gap="md">
        <MonitorNav />
        <Anchor component={Link} to={`/monitor/checks/${p.id}`}>
          ← К отчёту о проверке
        </Anchor>
        <Title order={1}>Сохранённая страница</Title>
        <Text style={{ wordBreak: 'break-all' }}>
          Адрес: {p.url}. Контрольная сумма SHA-256: {p.sha256}.
        </Text>
        <Text size="sm">
          Страница показана так, как её получила проверка, без скриптов и внешних картинок.{' '}
          <Anchor href={`/monitor/checks/${p.id}/pages/${p.seq}/source`}>
            Исходный код (текст)
          </Anchor>
        </Text>
        <iframe
          title={`Сохранённая страница ${p.url}`}
          sandbox=""
          srcDoc={p.html}
          referrerPolicy="no-referrer"
          style={{ width: '100%', height: '70vh', border: '1px solid #ccc' }}
        />
      </Stack>
    </PageShell>
  );
}
