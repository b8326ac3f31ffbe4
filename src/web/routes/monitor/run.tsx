// /monitor/runs/:id — one run: what it checks, its state and progress (done / total / errors). While
// it runs the page refreshes itself every 5 seconds (a meta refresh: works without JavaScript), and
// (monitor.run) a button stops it.
import { Alert, Anchor, Button, Stack, Table, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { requireUser } from '../../auth.server.ts';
import { CsrfField, ErrorSummary } from '../../components/error-summary.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { failure, load } from '../../errors.server.ts';
import { CheckResult, idParam, MonitorNav, RunProgress, RunStatus, TRIGGER_WORDS } from './ui.tsx';

export const REFRESH_SECONDS = 5;

export const meta: MetaFunction<typeof loader> = ({ loaderData: data, params }) => [
  { title: `Запуск мониторинга № ${params.id ?? ''} — noko` },
  ...(data && (data.run.status === 'queued' || data.run.status === 'running')
    ? [{ httpEquiv: 'refresh', content: String(REFRESH_SECONDS) }]
    : []),
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request);
  const id = idParam(params.id, 'Запуск мониторинга');
  const r = await load(() => ctx.services.monitor.getRun(ctx.caller, id));
  return {
    run: {
      id: r.run.id,
      what: r.run.what,
      trigger: r.run.trigger,
      status: r.run.status,
      total: r.run.total,
      done: r.run.done,
      errors: r.run.errors,
      requestedBy: r.run.requestedBy,
      createdAt: r.run.createdAt,
      startedAt: r.run.startedAt,
      finishedAt: r.run.finishedAt,
      failureReason: r.run.failureReason,
    },
    checks: r.checks.slice(0, 500),
    more: Math.max(0, r.checks.length - 500),
    canStop: r.canStop,
    csrf: ctx.csrfToken,
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireUser(context, request);
  const id = idParam(params.id, 'Запуск мониторинга');
  try {
    await ctx.services.monitor.stopRun(ctx.caller, id);
    return redirect(`/monitor/runs/${id}`);
  } catch (e) {
    return failure(e);
  }
}

export default function MonitorRun() {
  const { run, checks, more, canStop, csrf } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const going = run.status === 'queued' || run.status === 'running';
  return (
    <PageShell size="xl">
      <Stack gap="lg">
        <MonitorNav />
        <Title order={1}>Запуск мониторинга № {run.id}</Title>
        <Text>
          {run.what}; запущен {TRIGGER_WORDS[run.trigger] ?? run.trigger} ({run.requestedBy}){' '}
          {formatDateTime(run.createdAt)}. Начало проверки: {formatDateTime(run.startedAt)},
          окончание: {formatDateTime(run.finishedAt)}.
        </Text>
        <div>
          <RunStatus status={run.status} />
        </div>
        <section aria-live="polite" aria-label="Ход проверки">
          <RunProgress {...run} />
        </section>
        {going && (
          <Text size="sm" c="dimmed">
            Страница обновляется каждые {REFRESH_SECONDS} секунд, пока идёт проверка.
          </Text>
        )}
        {going && canStop && (
          <Form method="post" aria-label="Остановка проверки">
            <ErrorSummary failure={result} />
            <CsrfField token={csrf} />
            <Button type="submit" color="red" variant="outline">
              Остановить проверку
            </Button>
          </Form>
        )}
        {run.failureReason && <Alert color="red">{run.failureReason}</Alert>}
        <Title order={2} id="checks-title">
          Проверенные сайты
        </Title>
        {checks.length === 0 ? (
          <Text>Пока ни один сайт не проверен.</Text>
        ) : (
          <Table withTableBorder striped aria-labelledby="checks-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Организация</Table.Th>
                <Table.Th scope="col">Проверено</Table.Th>
                <Table.Th scope="col">Результат</Table.Th>
                <Table.Th scope="col">Отчёт</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {checks.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/monitor/organizations/${c.organizationId}`}>
                      {c.shortName}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{formatDateTime(c.checkedAt)}</Table.Td>
                  <Table.Td>
                    <CheckResult {...c} />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/monitor/checks/${c.id}`}>
                      Отчёт о проверке
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {more > 0 && (
          <Text size="sm">…и ещё {more}: полный список — в выгрузке XLSX на странице свода.</Text>
        )}
      </Stack>
    </PageShell>
  );
}
