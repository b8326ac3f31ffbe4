// /campaigns/:id/reminders — e-mail reminders to lagging organizations (issue 4 item 6): who lags
// now, the button «Отправить напоминания сейчас» (POST form, works without JavaScript), and every
// reminder sent (weekly run or button) with its numbers and addresses.
import { Alert, Anchor, Button, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { requirePermission } from '../../auth.server.ts';
import { CsrfField, ErrorSummary } from '../../components/error-summary.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { failure, load } from '../../errors.server.ts';
import { CampaignNav } from '../campaigns/ui.tsx';

export const meta: MetaFunction = () => [{ title: 'Напоминания отстающим — noko' }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'survey.moderate');
  const id = Number(params.id);
  const [progress, history] = await load(() =>
    Promise.all([
      ctx.services.surveyModeration.progress(ctx.caller, id, { laggingOnly: true }),
      ctx.services.surveyReminders.history(ctx.caller, id),
    ]),
  );
  const q = new URL(request.url).searchParams;
  return {
    csrf: ctx.csrfToken,
    campaign: progress.campaign,
    lagging: progress.organizations,
    history,
    interval: ctx.config.SURVEY_REMINDER_INTERVAL_DAYS,
    notice: q.get('queued')
      ? ({ kind: 'queued' } as const)
      : q.has('sent')
        ? ({
            kind: 'done',
            sent: Number(q.get('sent')),
            skipped: Number(q.get('skipped') ?? 0),
          } as const)
        : null,
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePermission(context, request, 'survey.moderate');
  try {
    const id = Number(params.id);
    const res = await ctx.services.surveyReminders.request(ctx.caller, id);
    const query = res.run
      ? `sent=${res.run.sent.length}&skipped=${res.run.skipped.length}`
      : 'queued=1';
    // The page's own path, not the request's: with JavaScript on the form posts to
    // `…/reminders.data` (React Router's data request), and a redirect there is a 404 page.
    return redirect(`/campaigns/${id}/reminders?${query}`);
  } catch (e) {
    return failure(e);
  }
}

const Th = ({ children }: { children: ReactNode }) => <Table.Th scope="col">{children}</Table.Th>;

function Notice() {
  const { notice } = useLoaderData<typeof loader>();
  if (!notice) return null;
  return (
    <Alert color="green" variant="light" role="status">
      {notice.kind === 'queued'
        ? 'Напоминания поставлены в очередь: письма появятся в списке ниже через минуту (обновите страницу).'
        : `Отправлено напоминаний: ${notice.sent}; пропущено: ${notice.skipped}.`}
    </Alert>
  );
}

export default function RemindersPage() {
  const p = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const collecting = p.campaign.status === 'collecting';
  // History is newest first: the first row of an organization is its latest reminder.
  const lastSent = new Map<number, Date | string>();
  for (const r of p.history)
    if (!lastSent.has(r.organizationId)) lastSent.set(r.organizationId, r.sentAt);
  return (
    <PageShell size="xl">
      <Stack gap="lg">
        <CampaignNav id={p.campaign.id} />
        <Title order={1}>Напоминания отстающим: {p.campaign.title}</Title>
        <Text>
          Во время сбора данных каждый понедельник отстающим организациям (правило — на странице{' '}
          <Anchor component={Link} to={`/campaigns/${p.campaign.id}/survey`}>
            «Ход опроса»
          </Anchor>
          ) уходит письмо на адрес из реестра: сколько анкет учтено и сколько нужно, ссылка на
          анкету, плакат и QR-код. Учредитель получает сводку по своим организациям. Одной
          организации пишут не чаще одного раза в {p.interval} дн.
        </Text>
        <Notice />
        <ErrorSummary failure={failed} />
        <Form method="post" aria-label="Отправить напоминания">
          <CsrfField token={p.csrf} />
          <Button type="submit" disabled={!collecting}>
            Отправить напоминания сейчас
          </Button>
          {!collecting && (
            <Text size="sm" c="dimmed" mt="xs">
              Напоминания отправляются только во время сбора данных.
            </Text>
          )}
        </Form>

        <Title order={2} id="lagging-title">
          Отстают сейчас: {p.lagging.length}
        </Title>
        {p.lagging.length > 0 && (
          <Table withTableBorder striped aria-labelledby="lagging-title">
            <Table.Thead>
              <Table.Tr>
                <Th>Организация</Th>
                <Th>Муниципалитет</Th>
                <Th>Учтено из требуемых</Th>
                <Th>Последнее напоминание</Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.lagging.map((o) => (
                <Table.Tr key={o.organizationId}>
                  <Table.Th scope="row">{o.name}</Table.Th>
                  <Table.Td>{o.municipality}</Table.Td>
                  <Table.Td>
                    {o.counted} из {o.required}
                  </Table.Td>
                  <Table.Td>{formatDateTime(lastSent.get(o.organizationId) ?? null)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}

        <Title order={2} id="history-title">
          Отправленные напоминания
        </Title>
        {p.history.length === 0 ? (
          <Alert color="blue" variant="light">
            Напоминаний ещё не было.
          </Alert>
        ) : (
          <Table withTableBorder striped aria-labelledby="history-title">
            <Table.Thead>
              <Table.Tr>
                <Th>Когда</Th>
                <Th>Организация</Th>
                <Th>Учтено из требуемых</Th>
                <Th>Кому</Th>
                <Th>Запуск</Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.history.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{formatDateTime(r.sentAt)}</Table.Td>
                  <Table.Th scope="row">{r.organization}</Table.Th>
                  <Table.Td>
                    {r.counted} из {r.required}
                  </Table.Td>
                  <Table.Td>{r.recipients.join(', ')}</Table.Td>
                  <Table.Td>{r.trigger === 'manual' ? 'кнопка оператора' : 'еженедельно'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </PageShell>
  );
}
