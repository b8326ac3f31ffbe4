// /monitor/checks/:id — the report of one check: what to fix (each required item not accepted, with
// the legal basis, how to fix it and the markup to use), the changes since the previous check, the
// subsections as found, the 1.2 channels and the stored pages as evidence.
import { Alert, Anchor, Code, List, Stack, Table, Text, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Link, useLoaderData } from 'react-router';
import { requireUser } from '../../auth.server.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { load } from '../../errors.server.ts';
import { findFreshness, Freshness } from './freshness.tsx';
import {
  CHANNEL_WORDS,
  Changes,
  CheckResult,
  idParam,
  itemWord,
  MonitorNav,
  SECTION_WORDS,
  shareText,
} from './ui.tsx';

export const meta: MetaFunction<typeof loader> = ({ loaderData: data }) => [
  { title: `Отчёт о проверке сайта: ${data?.organization.shortName ?? ''} — noko` },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request);
  const id = idParam(params.id, 'Проверка');
  return load(() => ctx.services.monitor.report(ctx.caller, id));
}

const RULE_STATUS_WORDS: Record<string, string> = {
  pass: 'выполнено',
  fail: 'не выполнено',
  warning: 'замечание',
  not_checked: 'не проверено',
};

const kib = (n: number) => `${Math.max(1, Math.round(n / 1024))} КБ`;

export default function MonitorCheck() {
  const r = useLoaderData<typeof loader>();
  const c = r.check;
  const freshness = findFreshness(r.siteChecks);
  return (
    <PageShell size="xl">
      <Stack gap="lg">
        <MonitorNav />
        <Anchor component={Link} to={`/monitor/organizations/${r.organization.id}`}>
          ← Все проверки сайта организации
        </Anchor>
        <Title order={1}>Отчёт о проверке сайта: {r.organization.shortName}</Title>
        <Text>
          Проверено {formatDateTime(c.checkedAt)} (МСК), адрес {c.url || 'не указан'}; требования{' '}
          {c.rulesetVersion}. Ссылка на раздел «Сведения об образовательной организации» с главной
          страницы:{' '}
          {r.sectionLink ? (r.sectionLinkInNav ? 'есть, в меню' : 'есть, но не в меню') : 'нет'}.
        </Text>
        <div>
          <CheckResult {...c} />
        </div>

        {c.status === 'ok' && (
          <>
            <Title order={2}>Что исправить ({r.issues.length})</Title>
            {r.issues.length === 0 ? (
              <Alert color="green" variant="light">
                Все обязательные сведения размещены.
              </Alert>
            ) : (
              <Stack component="ol" gap="md" pl="lg">
                {r.issues.map((i) => (
                  <li key={i.key}>
                    <Title order={3} size="h4">
                      {i.title}: {itemWord(i.status)}
                    </Title>
                    <Text size="sm">
                      Где: {i.path}
                      {i.itemprop ? `, itemprop="${i.itemprop}"` : ''}
                    </Text>
                    {i.legalBasis && <Text size="sm">Основание: {i.legalBasis}</Text>}
                    <Text size="sm">Как исправить: {i.howTo}</Text>
                    {i.example && (
                      <>
                        <Text size="sm">Пример разметки:</Text>
                        <Code block>{i.example}</Code>
                      </>
                    )}
                  </li>
                ))}
              </Stack>
            )}
          </>
        )}

        <Title order={2}>Изменения с предыдущей проверки</Title>
        {r.diff ? (
          <>
            <Anchor component={Link} to={`/monitor/checks/${r.previousId}`}>
              Предыдущая проверка
            </Anchor>
            <Changes diff={r.diff} />
          </>
        ) : (
          <Text>Сравнивать не с чем: это первая успешная проверка или проверка не удалась.</Text>
        )}

        <Title order={2} id="sections-title">
          Подразделы
        </Title>
        <Table withTableBorder striped aria-labelledby="sections-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Подраздел</Table.Th>
              <Table.Th scope="col">Состояние</Table.Th>
              <Table.Th scope="col">Обязательные сведения</Table.Th>
              <Table.Th scope="col">Примечание</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.sections.map((s) => (
              <Table.Tr key={s.key}>
                <Table.Th scope="row">
                  {s.title} ({s.path})
                </Table.Th>
                <Table.Td>
                  {SECTION_WORDS[s.status] ?? s.status}
                  {s.url && (
                    <>
                      {': '}
                      <Anchor href={s.url} rel="noopener noreferrer">
                        {s.url}
                      </Anchor>
                    </>
                  )}
                </Table.Td>
                <Table.Td>{shareText(s.present, s.required)}</Table.Td>
                <Table.Td>{[s.reason, s.note].filter(Boolean).join('; ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>

        <Title order={2}>Способы дистанционного взаимодействия (показатель 1.2)</Title>
        <List>
          {r.channels.map((ch) => (
            <List.Item key={ch.channel}>
              {CHANNEL_WORDS[ch.channel] ?? ch.channel}:{' '}
              {ch.detected ? `есть — ${ch.evidence ?? ''}` : 'не обнаружен'}
            </List.Item>
          ))}
        </List>

        {r.siteChecks.length > 0 && (
          <>
            <Title order={2} id="rules-title">
              Общие требования к сайту
            </Title>
            <Table withTableBorder striped aria-labelledby="rules-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Требование</Table.Th>
                  <Table.Th scope="col">Результат</Table.Th>
                  <Table.Th scope="col">Подробности</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.siteChecks.map((sc) => (
                  <Table.Tr key={sc.key}>
                    <Table.Th scope="row">
                      {sc.title}
                      <Text size="xs" c="dimmed">
                        {sc.basis}
                        {sc.required ? '' : ' (справочно)'}
                      </Text>
                    </Table.Th>
                    <Table.Td>{RULE_STATUS_WORDS[sc.status] ?? sc.status}</Table.Td>
                    <Table.Td style={{ wordBreak: 'break-word' }}>
                      {[sc.details, ...sc.evidence.slice(0, 5)].filter(Boolean).join('; ')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}

        {freshness && <Freshness finding={freshness} />}

        <Title order={2} id="pages-title">
          Сохранённые страницы
        </Title>
        {r.pages.length === 0 ? (
          <Text>Страницы не сохранены.</Text>
        ) : (
          <Table withTableBorder striped aria-labelledby="pages-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Адрес</Table.Th>
                <Table.Th scope="col">Размер</Table.Th>
                <Table.Th scope="col">Просмотр</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.pages.map((p) => (
                <Table.Tr key={p.seq}>
                  <Table.Th scope="row" style={{ wordBreak: 'break-all' }}>
                    {p.url}
                  </Table.Th>
                  <Table.Td>{kib(p.size)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/monitor/checks/${c.id}/pages/${p.seq}`}>
                      Как выглядела
                    </Anchor>
                    {' · '}
                    <Anchor href={`/monitor/checks/${c.id}/pages/${p.seq}/source`}>
                      Исходный код
                    </Anchor>
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
