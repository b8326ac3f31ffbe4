// /campaigns/:id/checklists/:orgId/review — declared versus confirmed, item by item, with the
// differences marked (checklists.md: shown in the organization's report as a sign of
// self-assessment quality), the counts that go to scoring, and the expert's «Подтвердить
// чек-лист» / «Открыть заново». The organization sees the expert's side once it is confirmed.
import { Anchor, Button, List, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { can } from '../../../domain/permissions/permissions.ts';
import type {
  AnswerView,
  ChecklistView,
  ItemView,
} from '../../../features/checklists/checklists.schema.ts';
import { CsrfField, ErrorSummary } from '../../components/error-summary.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { formFailure } from './checklists.server.ts';
import { formStrings } from './form-data.ts';
import { load, requireUser } from './checklists.server.ts';
import { answerText } from './item-fields.tsx';
import { STEP_TITLES, type StepKey } from './steps.ts';
import { ChecklistHeader } from './ui.tsx';
import './checklists.css';

export const meta: MetaFunction = () => [{ title: 'Проверка чек-листа — noko' }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request);
  const campaignId = Number(params.id);
  const organizationId = Number(params.orgId);
  const view = await load(() =>
    ctx.services.checklists.get(ctx.caller, campaignId, organizationId),
  );
  return { csrf: ctx.csrfToken, view, expert: can(ctx.caller, 'checklist.fill') };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireUser(context, request);
  const campaignId = Number(params.id);
  const organizationId = Number(params.orgId);
  const form = await request.formData();
  const values = formStrings(form);
  try {
    if (form.get('intent') === 'reopen')
      await ctx.services.checklists.reopen(ctx.caller, campaignId, organizationId, values);
    else await ctx.services.checklists.complete(ctx.caller, campaignId, organizationId);
  } catch (e) {
    return formFailure(e, values, [], form.get('intent') === 'reopen');
  }
  return redirect(`/campaigns/${campaignId}/checklists/${organizationId}/review`);
}

function AnswerCell({ a }: { a: AnswerView | null }) {
  if (!a) return <Text size="sm">скрыто до подтверждения</Text>;
  return (
    <>
      <b>{answerText(a.answer)}</b>
      {a.reason && <Text size="sm">Причина: {a.reason}</Text>}
      {a.comment && <Text size="sm">«{a.comment}»</Text>}
      {a.byName && (
        <Text size="xs" c="gray.7">
          {a.byName}, {formatDateTime(a.at)}
        </Text>
      )}
    </>
  );
}

function confirmedText(item: ItemView): AnswerView | null {
  if (!item.confirmed || !item.channel) return item.confirmed;
  const listed =
    item.channel.listed === null
      ? 'размещение не проверено'
      : item.channel.listed
        ? 'указан на сайте'
        : 'не указан на сайте';
  return {
    ...item.confirmed,
    comment: [listed, item.confirmed.comment].filter(Boolean).join('; '),
  };
}

function Counts({ view }: { view: ChecklistView }) {
  const declaredAny = view.sections.some((s) => s.items.some((i) => i.declared.answer));
  // Without a self-report there is nothing declared to compare with.
  const d = declaredAny ? view.declaredCounts : null;
  const c = view.confirmedCounts;
  const rows: [string, string, string][] = [
    [
      '1.1 Стенды (есть из применимых)',
      d ? `${d.stand.present} из ${d.stand.required}` : 'нет самообследования',
      c ? `${c.stand.present} из ${c.stand.required}` : '—',
    ],
    [
      '1.2 Дистанционные способы (указаны на сайте и работают)',
      d ? String(d.remoteChannels) : '—',
      c ? String(c.remoteChannels) : '—',
    ],
    [
      '2.1 Условия комфортности',
      d ? String(d.comfortConditions) : '—',
      c ? String(c.comfortConditions) : '—',
    ],
    [
      '3.1 Доступность помещений',
      d ? String(d.premisesAccessibility) : '—',
      c ? String(c.premisesAccessibility) : '—',
    ],
    [
      '3.2 Доступность услуг',
      d ? String(d.serviceAccessibility) : '—',
      c ? String(c.serviceAccessibility) : '—',
    ],
  ];
  return (
    <Table withTableBorder striped captionSide="top">
      <Table.Caption>Что пойдёт в расчёт (по подтверждённым ответам)</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Показатель</Table.Th>
          <Table.Th scope="col">Заявлено</Table.Th>
          <Table.Th scope="col">Подтверждено</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([name, a, b]) => (
          <Table.Tr key={name}>
            <Table.Th scope="row" fw={400}>
              {name}
            </Table.Th>
            <Table.Td>{a}</Table.Td>
            <Table.Td>{b}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export default function Review() {
  const { view, csrf, expert } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const base = `/campaigns/${view.campaign.id}/checklists/${view.organization.id}`;
  const diff = new Set(view.differences.map((d) => `${d.section}:${d.key}`));
  const formUrl = expert ? base : `${base}/self-report`;
  return (
    <PageShell size="lg">
      <Stack gap="lg">
        <ChecklistHeader
          view={view}
          heading="Заявлено и подтверждено"
          links={[
            ...(expert
              ? [{ to: `/campaigns/${view.campaign.id}/checklists`, label: '← Все чек-листы' }]
              : []),
            { to: formUrl, label: expert ? 'Заполнение чек-листа' : 'Самообследование' },
          ]}
        />
        <ErrorSummary failure={failure} title="Не получилось" />
        {view.confirmedAt && (
          <Text>
            Подтверждён {formatDateTime(view.confirmedAt)}
            {view.confirmedByName ? `, ${view.confirmedByName}` : ''}.
          </Text>
        )}
        <Counts view={view} />
        {(view.site.monitor || view.site.override) && (
          <Text>
            Сайт (1.1):{' '}
            {view.site.override
              ? `исправление эксперта — ${view.site.override.present} из ${view.site.override.required} («${view.site.override.reason}»)`
              : `по мониторингу — ${view.site.monitor!.present} из ${view.site.monitor!.required}`}
          </Text>
        )}
        {view.confirmedCounts && (
          <Text fw={600}>Расхождений заявленного и подтверждённого: {view.differences.length}</Text>
        )}
        {view.sections.map((s) => (
          <section key={s.section} aria-labelledby={`review-${s.section}`}>
            <Title order={2} id={`review-${s.section}`} size="h3">
              {s.title} ({s.indicator})
            </Title>
            <Table.ScrollContainer minWidth={640}>
              <Table withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">№</Table.Th>
                    <Table.Th scope="col">Пункт</Table.Th>
                    <Table.Th scope="col">Заявлено</Table.Th>
                    <Table.Th scope="col">Подтверждено</Table.Th>
                    <Table.Th scope="col">Материалы</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.items.map((i) => {
                    const differs = diff.has(`${s.section}:${i.key}`);
                    return (
                      <Table.Tr key={i.key} className={differs ? 'cl-diff' : undefined}>
                        <Table.Td>{i.number}</Table.Td>
                        <Table.Th scope="row" fw={400}>
                          {i.title}
                          {differs && (
                            <Text size="sm" fw={700} c="orange.9">
                              Расхождение
                            </Text>
                          )}
                        </Table.Th>
                        <Table.Td>
                          <AnswerCell a={i.declared} />
                        </Table.Td>
                        <Table.Td>
                          <AnswerCell a={confirmedText(i)} />
                        </Table.Td>
                        <Table.Td>
                          {i.evidence.map((e) => (
                            <div key={e.id}>
                              <Anchor href={e.href} target="_blank" rel="noreferrer" size="sm">
                                {e.name ?? 'ссылка'}
                              </Anchor>
                            </div>
                          ))}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </section>
        ))}
        {expert && (
          <ExpertActions view={view} csrf={csrf} base={base} reasonError={failure?.fields.reason} />
        )}
      </Stack>
    </PageShell>
  );
}

function ExpertActions(props: {
  view: ChecklistView;
  csrf: string;
  base: string;
  reasonError: string | undefined;
}) {
  const { view, csrf, base } = props;
  return (
    <Stack gap="sm">
      {view.unanswered.length > 0 && view.access.confirm && (
        <>
          <Title order={2} size="h3">
            Не заполнено экспертом ({view.unanswered.length})
          </Title>
          <List>
            {view.unanswered.map((u) => (
              <List.Item key={`${u.section}:${u.key}`}>
                <Anchor component={Link} to={`${base}?section=${u.section}#item-${u.key}`}>
                  {STEP_TITLES[u.section as StepKey]}, № {u.number}: {u.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      )}
      {view.access.complete && (
        <Form method="post" aria-label="Подтверждение чек-листа">
          <CsrfField token={csrf} />
          <Button type="submit" name="intent" value="complete" size="md">
            Подтвердить чек-лист
          </Button>
        </Form>
      )}
      {view.access.reopen && (
        <Form method="post" aria-label="Открыть чек-лист заново" noValidate>
          <CsrfField token={csrf} />
          <Stack gap="xs" maw={560}>
            <Textarea
              id="reason"
              name="reason"
              label="Причина, по которой чек-лист открывается заново"
              autosize
              minRows={2}
              required
              size="md"
              error={props.reasonError}
            />
            <div>
              <Button type="submit" name="intent" value="reopen" variant="default" size="md">
                Открыть заново
              </Button>
            </div>
          </Stack>
        </Form>
      )}
    </Stack>
  );
}
