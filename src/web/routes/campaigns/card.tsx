// /campaigns/:id — the campaign card: status, methodology in words, the council decision, the
// timeline of stages (late ones marked in words, not only colour) and the next allowed steps.
import { Anchor, Badge, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { CAMPAIGN_STATUS_TITLES } from '../../../domain/campaigns/workflow.ts';
import { can } from '../../../domain/permissions/permissions.ts';
import {
  DENOMINATOR_TITLES,
  STAGE_STATE_TITLES,
  ZERO_DENOMINATOR_TITLES,
} from '../../../features/campaigns/campaigns.schema.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { failure, formFields, load, requireUser } from './campaigns.server.ts';
import { CampaignNav, Csrf, ErrorSummary, ruDate } from './ui.tsx';

export const meta: MetaFunction = () => [{ title: 'Кампания — noko' }];

const STATE_COLOR = {
  done: 'green',
  done_late: 'yellow',
  active: 'blue',
  late: 'red',
  upcoming: 'gray',
} as const;

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request);
  const c = await load(() => ctx.services.campaigns.get(ctx.caller, Number(params.id)));
  return {
    csrf: ctx.csrfToken,
    canEdit: can(ctx.caller, 'campaign.edit'),
    canApprove: can(ctx.caller, 'campaign.approveList'),
    c: {
      id: c.id,
      title: c.title,
      year: c.year,
      status: c.status,
      methodology: c.methodology,
      frozenAt: c.methodologyFrozenAt ? c.methodologyFrozenAt.toISOString() : null,
      decisionNumber: c.councilDecisionNumber,
      decisionDate: c.councilDecisionDate,
      protocol: c.protocol,
      counts: c.counts,
      today: c.today,
      next: c.nextStatuses,
      stages: c.stages.map((s) => ({
        key: s.key,
        title: s.title,
        plannedStart: s.plannedStart,
        plannedEnd: s.plannedEnd,
        state: s.state,
      })),
    },
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireUser(context, request);
  const id = Number(params.id);
  const form = formFields(await request.formData());
  try {
    if (form.intent === 'status')
      await ctx.services.campaigns.transition(ctx.caller, id, { to: form.to });
    else if (form.intent === 'done' || form.intent === 'undone')
      await ctx.services.campaigns.setStageDone(ctx.caller, id, {
        key: form.key,
        done: form.intent === 'done',
      });
    return redirect(`/campaigns/${id}`);
  } catch (e) {
    return failure(e);
  }
}

export default function CampaignCard() {
  const { c, csrf, canEdit, canApprove } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const m = c.methodology;
  return (
    <PageShell>
      <Stack gap="lg">
        <CampaignNav id={c.id} />
        <Title order={1}>{c.title}</Title>
        <ErrorSummary failure={result} />
        <dl className="campaign-facts">
          <Text component="dt" fw={600}>
            Статус
          </Text>
          <Text component="dd">{CAMPAIGN_STATUS_TITLES[c.status]}</Text>
          <Text component="dt" fw={600}>
            Год
          </Text>
          <Text component="dd">{c.year}</Text>
          <Text component="dt" fw={600}>
            Перечень
          </Text>
          <Text component="dd">
            включено {c.counts.included}, предложено {c.counts.proposed}, исключено{' '}
            {c.counts.excluded}
            {c.counts.mandatoryExcluded > 0 &&
              ` (из них обязательных к оценке: ${c.counts.mandatoryExcluded})`}
          </Text>
          {c.decisionNumber && (
            <>
              <Text component="dt" fw={600}>
                Решение общественного совета
              </Text>
              <Text component="dd">
                № {c.decisionNumber} от {ruDate(c.decisionDate)}
                {c.protocol && (
                  <>
                    {' — '}
                    <Anchor href={`/api/v1/campaigns/${c.id}/protocol`}>
                      протокол ({c.protocol.name})
                    </Anchor>
                  </>
                )}
              </Text>
            </>
          )}
        </dl>

        <section aria-labelledby="method-title">
          <Title order={2} id="method-title" size="h3">
            Вариант методики
          </Title>
          <List>
            <List.Item>{DENOMINATOR_TITLES[m.denominators]}</List.Item>
            <List.Item>{ZERO_DENOMINATOR_TITLES[m.zeroDenominator]}</List.Item>
            <List.Item>
              выборка: {Math.round(Number(m.sample.share) * 100)}% контингента, но не более{' '}
              {m.sample.cap} респондентов
            </List.Item>
          </List>
          <Text size="sm" c="dimmed">
            {c.frozenAt
              ? `Методика зафиксирована ${ruDate(c.frozenAt)} с началом сбора данных.`
              : 'Методику можно изменить до начала сбора данных.'}
          </Text>
        </section>

        <section aria-labelledby="stages-title">
          <Title order={2} id="stages-title" size="h3">
            Этапы
          </Title>
          <Table withTableBorder>
            <Table.Caption>Состояние на {ruDate(c.today)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Этап</Table.Th>
                <Table.Th scope="col">Начало</Table.Th>
                <Table.Th scope="col">Окончание</Table.Th>
                <Table.Th scope="col">Состояние</Table.Th>
                {canEdit && <Table.Th scope="col">Отметка</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.stages.map((s) => (
                <Table.Tr key={s.key} className={s.state === 'late' ? 'stage-late' : undefined}>
                  <Table.Th scope="row" fw={s.state === 'late' ? 700 : 400}>
                    {s.title}
                  </Table.Th>
                  <Table.Td>{ruDate(s.plannedStart)}</Table.Td>
                  <Table.Td>{ruDate(s.plannedEnd)}</Table.Td>
                  <Table.Td>
                    <Badge
                      tt="none"
                      h="auto"
                      styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
                      color={STATE_COLOR[s.state]}
                      variant={s.state === 'late' ? 'filled' : 'light'}
                    >
                      {STAGE_STATE_TITLES[s.state]}
                    </Badge>
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Form method="post">
                        <Csrf token={csrf} />
                        <input type="hidden" name="key" value={s.key} />
                        {s.state === 'done' || s.state === 'done_late' ? (
                          <Button
                            type="submit"
                            name="intent"
                            value="undone"
                            size="xs"
                            variant="subtle"
                            aria-label={`Снять отметку: ${s.title}`}
                          >
                            Снять отметку
                          </Button>
                        ) : (
                          <Button
                            type="submit"
                            name="intent"
                            value="done"
                            size="xs"
                            variant="light"
                            aria-label={`Отметить выполненным: ${s.title}`}
                          >
                            Выполнен
                          </Button>
                        )}
                      </Form>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>

        <section aria-labelledby="next-title">
          <Title order={2} id="next-title" size="h3">
            Следующий шаг
          </Title>
          <Group gap="sm" mt="xs">
            {c.next.length === 0 && <Text>Кампания завершена.</Text>}
            {c.next.map((to) =>
              to === 'list_approved'
                ? canApprove && (
                    <Button key={to} component={Link} to={`/campaigns/${c.id}/approve`}>
                      Утвердить перечень решением совета
                    </Button>
                  )
                : canEdit && (
                    <Form method="post" key={to}>
                      <Csrf token={csrf} />
                      <input type="hidden" name="to" value={to} />
                      <Button
                        type="submit"
                        name="intent"
                        value="status"
                        variant={to === 'draft' ? 'outline' : 'filled'}
                      >
                        {to === 'draft'
                          ? 'Вернуть к формированию перечня'
                          : `Перейти: ${CAMPAIGN_STATUS_TITLES[to]}`}
                      </Button>
                    </Form>
                  ),
            )}
          </Group>
        </section>
      </Stack>
    </PageShell>
  );
}
