// /campaigns/:id/moderation — flagged survey responses (issue 4 item 7): filter by organization,
// flag and decision (GET form), tick responses and include or exclude them with a mandatory reason
// (POST form; works without JavaScript). Every decision goes to the audit log.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, redirect, useActionData, useLoaderData } from 'react-router';
import {
  flagLabel,
  MODERATION_STATUS_LABELS,
  MODERATION_STATUSES,
} from '../../../features/survey/moderation.schema.ts';
import { requirePermission } from '../../auth.server.ts';
import { CsrfField, ErrorSummary } from '../../components/error-summary.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { queryObject, readPage } from '../../components/paging.ts';
import { StatusBadge } from '../../components/status-badge.tsx';
import { failure, load } from '../../errors.server.ts';
import { CampaignNav } from '../campaigns/ui.tsx';

export const meta: MetaFunction = () => [{ title: 'Модерация ответов — noko' }];

const PAGE_SIZE = 50;

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'survey.moderate');
  const id = Number(params.id);
  const search = new URL(request.url).searchParams;
  const { page, limit, offset } = readPage(search, PAGE_SIZE);
  const { done, decision, ...filter } = queryObject(search);
  const [list, progress] = await load(() =>
    Promise.all([
      ctx.services.surveyModeration.flagged(ctx.caller, id, { ...filter, limit, offset }),
      ctx.services.surveyModeration.progress(ctx.caller, id),
    ]),
  );
  return {
    csrf: ctx.csrfToken,
    list,
    page,
    notice: done ? { count: Number(done), decision } : null,
    organizations: progress.organizations.map((o) => ({ id: o.organizationId, name: o.name })),
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePermission(context, request, 'survey.moderate');
  const id = Number(params.id);
  const form = await request.formData();
  const input = {
    ids: form.getAll('ids').map(String),
    decision: String(form.get('decision') ?? ''),
    reason: String(form.get('reason') ?? ''),
  };
  try {
    const res = await ctx.services.surveyModeration.decide(ctx.caller, id, input);
    // The page's own path, not the request's: with JavaScript on the form posts to
    // `…/moderation.data` (React Router's data request), and a redirect there is a 404 page.
    const back = new URLSearchParams(new URL(request.url).searchParams);
    back.delete('_routes');
    back.delete('index');
    back.set('done', String(res.decided));
    back.set('decision', res.decision);
    return redirect(`/campaigns/${id}/moderation?${back}`);
  } catch (e) {
    return failure(e);
  }
}

function Filter() {
  const { list, organizations } = useLoaderData<typeof loader>();
  const f = list.filter;
  return (
    <Form method="get" aria-label="Отбор ответов">
      <Group align="end" gap="md">
        <NativeSelect
          name="organizationId"
          label="Организация"
          defaultValue={f.organizationId ? String(f.organizationId) : ''}
          data={[
            { value: '', label: 'Все' },
            ...organizations.map((o) => ({ value: String(o.id), label: o.name })),
          ]}
        />
        <NativeSelect
          name="flag"
          label="Отметка"
          defaultValue={f.flag ?? ''}
          data={[
            { value: '', label: 'Любая' },
            ...list.flags.map((x) => ({
              value: x.flag,
              label: `${flagLabel(x.flag)} (${x.count})`,
            })),
          ]}
        />
        <NativeSelect
          name="status"
          label="Решение"
          defaultValue={f.status}
          data={MODERATION_STATUSES.map((s) => ({ value: s, label: MODERATION_STATUS_LABELS[s] }))}
        />
        <Button type="submit" variant="light">
          Показать
        </Button>
      </Group>
    </Form>
  );
}

export default function ModerationPage() {
  const { list, csrf, page, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const campaign = list.campaign;
  return (
    <PageShell size="xl">
      <Stack gap="lg">
        <CampaignNav id={campaign.id} />
        <Title order={1} id="moderation-title">
          Модерация ответов: {campaign.title}
        </Title>
        <Text>
          Отмеченные ответы хранятся, но не учитываются, пока оператор не решит: учитывать их или
          исключить. Причина решения обязательна и попадает в журнал действий.
        </Text>
        {notice && (
          <Alert color="green" variant="light" role="status">
            {notice.decision === 'included' ? 'Учитываются' : 'Исключены'} ответы: {notice.count}.
          </Alert>
        )}
        <Filter />
        <Form method="post" aria-labelledby="moderation-title">
          <Stack gap="md">
            <ErrorSummary failure={result} />
            <CsrfField token={csrf} />
            <Table withTableBorder striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Выбрать</Table.Th>
                  <Table.Th scope="col">№</Table.Th>
                  <Table.Th scope="col">Организация</Table.Th>
                  <Table.Th scope="col">Получен</Table.Th>
                  <Table.Th scope="col">Отметки</Table.Th>
                  <Table.Th scope="col">Комментарий</Table.Th>
                  <Table.Th scope="col">Решение</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Checkbox
                        name="ids"
                        value={String(r.id)}
                        aria-label={`Выбрать ответ № ${r.id}`}
                      />
                    </Table.Td>
                    <Table.Th scope="row">{r.id}</Table.Th>
                    <Table.Td>{r.organization}</Table.Td>
                    <Table.Td>{formatDateTime(r.submittedAt)}</Table.Td>
                    <Table.Td>
                      {r.flags.map((flag) => (
                        <Text key={flag} size="sm">
                          {flagLabel(flag)}
                          {r.flagReasons[flag] ? `: ${r.flagReasons[flag]}` : ''}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>{r.comment ?? '—'}</Table.Td>
                    <Table.Td>
                      {r.moderation === null ? (
                        <StatusBadge tone="warning">Ждёт решения</StatusBadge>
                      ) : (
                        <>
                          <StatusBadge tone={r.moderation === 'included' ? 'ok' : 'danger'}>
                            {r.moderation === 'included' ? 'Учитывается' : 'Исключён'}
                          </StatusBadge>
                          <Text size="sm">
                            {r.moderationReason} ({r.decidedBy ?? '—'},{' '}
                            {formatDateTime(r.decidedAt)})
                          </Text>
                        </>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Pagination total={list.total} page={page} pageSize={PAGE_SIZE} />
            {list.rows.length > 0 && (
              <Stack gap="sm" maw={640}>
                <Radio.Group
                  name="decision"
                  label="Решение по отмеченным галочкой ответам"
                  withAsterisk
                  error={result?.fields.decision}
                >
                  <Group mt="xs">
                    <Radio value="included" label="Учитывать" id="decision" />
                    <Radio value="excluded" label="Исключить" />
                  </Group>
                </Radio.Group>
                <Textarea
                  id="reason"
                  name="reason"
                  label="Причина"
                  description="Обязательно: попадёт в журнал действий"
                  required
                  autosize
                  minRows={2}
                  error={result?.fields.reason}
                />
                <Group>
                  <Button type="submit">Принять решение</Button>
                </Group>
              </Stack>
            )}
          </Stack>
        </Form>
      </Stack>
    </PageShell>
  );
}
