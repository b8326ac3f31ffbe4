// /monitor — site monitoring summary: the next scheduled check, the button to check every site now
// (monitor.run), recent runs with progress, the region and municipality figures and the ranking
// of organizations by the share of required items on their sites, with XLSX exports. GET filters
// (municipality, kind) work without JavaScript. Organization users go to their own site's page.
import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, Link, redirect, useActionData, useLoaderData, useLocation } from 'react-router';
import { can } from '../../../domain/permissions/index.ts';
import { requirePermission, requireUser } from '../../auth.server.ts';
import { CsrfField, ErrorSummary } from '../../components/error-summary.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { readPage } from '../../components/paging.ts';
import { failure, load } from '../../errors.server.ts';
import {
  CheckResult,
  KIND_WORDS,
  MonitorNav,
  percent,
  RunLink,
  RunProgress,
  RunStatus,
  TRIGGER_WORDS,
} from './ui.tsx';

export const meta: MetaFunction = () => [{ title: 'Мониторинг сайтов — noko' }];

const PAGE_SIZE = 100;

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'results.view');
  const options = await load(() => ctx.services.monitor.filterOptions(ctx.caller));
  if (options.organizationOnly && ctx.caller.organizationId)
    throw redirect(`/monitor/organizations/${ctx.caller.organizationId}`);
  const url = new URL(request.url);
  const filter = {
    municipalityId: url.searchParams.get('municipalityId') ?? '',
    kind: url.searchParams.get('kind') ?? '',
  };
  const { page, offset, limit } = readPage(url.searchParams, PAGE_SIZE);
  const s = await load(() => ctx.services.monitor.summary(ctx.caller, filter));
  const canRun = can(ctx.caller, 'monitor.run');
  const runs = canRun ? await load(() => ctx.services.monitor.listRuns(ctx.caller, 5)) : [];
  return {
    csrf: ctx.csrfToken,
    filter,
    page,
    canRun,
    runScope: options.runScope,
    next: ctx.services.monitor.nextScheduledRun(),
    municipalityOptions: options.municipalities.map((m) => ({
      value: String(m.id),
      label: m.name,
    })),
    runs: runs.map((r) => ({
      id: r.id,
      what: r.what,
      trigger: r.trigger,
      status: r.status,
      total: r.total,
      done: r.done,
      errors: r.errors,
      createdAt: r.createdAt,
    })),
    region: s.region,
    municipalities: s.municipalities,
    total: s.ranking.length,
    ranking: s.ranking.slice(offset, offset + limit),
    unchecked: s.unchecked.length,
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requireUser(context, request);
  try {
    const { run } = await ctx.services.monitor.startRun(ctx.caller, {});
    return redirect(`/monitor/runs/${run.id}`);
  } catch (e) {
    return failure(e);
  }
}

const any = (label: string) => [{ value: '', label }];
const kinds = Object.entries(KIND_WORDS).map(([value, label]) => ({ value, label }));

export default function MonitorSummary() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const query = location.search;
  return (
    <PageShell size="xl">
      <Stack gap="lg">
        <MonitorNav />
        <Title order={1}>Мониторинг официальных сайтов</Title>
        <Text>
          Проверяется раздел «Сведения об образовательной организации» по приказу Рособрнадзора №
          1493 (с изменениями приказа № 1353) и методическим рекомендациям (разметка itemprop).{' '}
          {d.next
            ? `Следующая плановая проверка всех сайтов: ${formatDateTime(d.next)} (МСК).`
            : 'Плановая проверка выключена.'}
        </Text>
        {d.canRun && (
          <Form method="post" aria-label="Запуск проверки">
            <ErrorSummary failure={result} />
            <CsrfField token={d.csrf} />
            <Button type="submit">
              {d.runScope === 'municipality'
                ? 'Проверить сайты муниципалитета сейчас'
                : 'Проверить все сайты сейчас'}
            </Button>
          </Form>
        )}
        {d.runs.length > 0 && (
          <>
            <Title order={2} id="runs-title">
              Последние запуски
            </Title>
            <Table withTableBorder aria-labelledby="runs-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Запуск</Table.Th>
                  <Table.Th scope="col">Что проверяется</Table.Th>
                  <Table.Th scope="col">Состояние</Table.Th>
                  <Table.Th scope="col">Ход проверки</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.runs.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Th scope="row">
                      <RunLink id={r.id}>
                        № {r.id} от {formatDateTime(r.createdAt)}
                      </RunLink>{' '}
                      ({TRIGGER_WORDS[r.trigger] ?? r.trigger})
                    </Table.Th>
                    <Table.Td>{r.what}</Table.Td>
                    <Table.Td>
                      <RunStatus status={r.status} />
                    </Table.Td>
                    <Table.Td miw={220}>
                      <RunProgress {...r} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}

        <Form method="get" aria-label="Фильтр свода">
          <Group align="end" gap="md">
            {d.municipalityOptions.length > 1 && (
              <NativeSelect
                label="Муниципалитет"
                name="municipalityId"
                defaultValue={d.filter.municipalityId}
                data={[...any('Все'), ...d.municipalityOptions]}
              />
            )}
            <NativeSelect
              label="Вид организации"
              name="kind"
              defaultValue={d.filter.kind}
              data={[...any('Все'), ...kinds]}
            />
            <Button type="submit" variant="light">
              Показать
            </Button>
          </Group>
        </Form>
        <Group gap="md">
          <Anchor href={`/monitor/summary.xlsx${query}`}>Скачать свод и рейтинг (XLSX)</Anchor>
          <Anchor href={`/monitor/items.xlsx${query}`}>Скачать результаты по пунктам (XLSX)</Anchor>
        </Group>

        <Title order={2}>Итого</Title>
        <Text>
          {d.region.name}: организаций {d.region.organizations}, проверено {d.region.checked}, сайт
          не открылся у {d.region.errors}; размещено {d.region.present} из {d.region.required}{' '}
          обязательных сведений; средняя доля по организациям — {percent(d.region.averageShare)}.
          {d.unchecked > 0 && ` Ещё не проверялись: ${d.unchecked}.`}
        </Text>

        <Title order={2} id="mun-title">
          По муниципалитетам
        </Title>
        <Table withTableBorder striped aria-labelledby="mun-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Муниципалитет</Table.Th>
              <Table.Th scope="col">Организаций</Table.Th>
              <Table.Th scope="col">Проверено</Table.Th>
              <Table.Th scope="col">Сайт не открылся</Table.Th>
              <Table.Th scope="col">Средняя доля</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.municipalities.map((m) => (
              <Table.Tr key={m.municipalityId}>
                <Table.Th scope="row">{m.name}</Table.Th>
                <Table.Td>{m.organizations}</Table.Td>
                <Table.Td>{m.checked}</Table.Td>
                <Table.Td>{m.errors}</Table.Td>
                <Table.Td>{percent(m.averageShare)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>

        <Title order={2} id="rank-title">
          Рейтинг организаций по доле размещённых сведений
        </Title>
        {d.total === 0 ? (
          <Alert variant="light">Проверок ещё не было.</Alert>
        ) : (
          <>
            <Table withTableBorder striped aria-labelledby="rank-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Место</Table.Th>
                  <Table.Th scope="col">Организация</Table.Th>
                  <Table.Th scope="col">Муниципалитет</Table.Th>
                  <Table.Th scope="col">Вид</Table.Th>
                  <Table.Th scope="col">Проверка</Table.Th>
                  <Table.Th scope="col">Обязательные сведения</Table.Th>
                  <Table.Th scope="col">Способов связи (1.2)</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.ranking.map((r) => (
                  <Table.Tr key={r.organizationId}>
                    <Table.Td>{r.rank}</Table.Td>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/monitor/organizations/${r.organizationId}`}>
                        {r.shortName}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{r.municipalityName}</Table.Td>
                    <Table.Td>{KIND_WORDS[r.kind] ?? r.kind}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/monitor/checks/${r.checkId}`}>
                        {formatDateTime(r.checkedAt)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <CheckResult {...r} />
                    </Table.Td>
                    <Table.Td>{r.channelsListed.length}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Pagination total={d.total} page={d.page} pageSize={PAGE_SIZE} />
          </>
        )}
      </Stack>
    </PageShell>
  );
}
