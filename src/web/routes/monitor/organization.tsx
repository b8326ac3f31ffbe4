// /monitor/organizations/:id — one organization's site: every check, newest first, with what
// appeared, disappeared or changed since the previous successful check, and (monitor.run) the
// button to check the site now.
import { Alert, Anchor, Button, Stack, Table, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { requireUser } from '../../auth.server.ts';
import { CsrfField, ErrorSummary } from '../../components/error-summary.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { failure, load } from '../../errors.server.ts';
import { Freshness } from './freshness.tsx';
import { Changes, CheckResult, idParam, KIND_WORDS, MonitorNav, RunLink } from './ui.tsx';

export const meta: MetaFunction<typeof loader> = ({ loaderData: data }) => [
  { title: `Сайт: ${data?.organization.shortName ?? 'организация'} — мониторинг — noko` },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request);
  const id = idParam(params.id, 'Организация');
  const h = await load(() => ctx.services.monitor.history(ctx.caller, id));
  return { ...h, csrf: ctx.csrfToken };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireUser(context, request);
  try {
    const { run } = await ctx.services.monitor.startRun(ctx.caller, { organizationId: params.id });
    return redirect(`/monitor/runs/${run.id}`);
  } catch (e) {
    return failure(e);
  }
}

export default function MonitorOrganization() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const o = d.organization;
  return (
    <PageShell size="xl">
      <Stack gap="lg">
        <MonitorNav />
        <Title order={1}>Сайт: {o.shortName}</Title>
        <Text>
          {o.fullName}. {o.municipalityName}; {KIND_WORDS[o.kind] ?? o.kind}; учредитель:{' '}
          {o.founderName ?? 'не указан'}. Сайт по реестру:{' '}
          {o.website ? (
            <Anchor href={o.website} rel="noopener noreferrer">
              {o.website}
            </Anchor>
          ) : (
            'не указан'
          )}
          .
        </Text>
        {d.activeRun && (
          <Alert variant="light">
            Проверка идёт: <RunLink id={d.activeRun.id}>запуск № {d.activeRun.id}</RunLink>.
          </Alert>
        )}
        {d.canRun && (
          <Form method="post" aria-label="Проверка сайта">
            <ErrorSummary failure={result} />
            <CsrfField token={d.csrf} />
            <Button type="submit">Проверить сайт сейчас</Button>
          </Form>
        )}
        {d.freshness && <Freshness finding={d.freshness} />}
        <Title order={2} id="history-title">
          История проверок
        </Title>
        {d.checks.length === 0 ? (
          <Text>Сайт ещё не проверялся.</Text>
        ) : (
          <Table withTableBorder aria-labelledby="history-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Проверка</Table.Th>
                <Table.Th scope="col">Результат</Table.Th>
                <Table.Th scope="col">Изменения с предыдущей проверки</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.checks.map((c) => (
                <Table.Tr key={c.id} style={{ verticalAlign: 'top' }}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/monitor/checks/${c.id}`}>
                      {formatDateTime(c.checkedAt)}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      требования {c.rulesetVersion}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <CheckResult {...c} />
                  </Table.Td>
                  <Table.Td>
                    {c.diff ? (
                      <Changes diff={c.diff} />
                    ) : (
                      <Text size="sm" c="dimmed">
                        {c.status === 'ok' ? 'Первая успешная проверка.' : '—'}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </PageShell>
  );
}
