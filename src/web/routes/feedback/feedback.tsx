// /feedback — feedback between campaigns (issue 4 item 8): what respondents said through a survey
// address after its campaign's data collection, by quarter. Operators and administrators see the
// region by municipality and organization, a municipal authority its municipality, an
// organization itself. The quarter selector is a GET form (works without JavaScript). Feedback is
// never counted in a campaign; it is handed to the organization and considered at the next
// assessment.
import { Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, useLoaderData } from 'react-router';
import { QUESTION_BY_ID } from '../../../domain/survey/questionnaire.ts';
import type { FeedbackCounts } from '../../../features/feedback/feedback.schema.ts';
import { quarterTitle } from '../../../features/feedback/feedback.schema.ts';
import { requirePermission } from '../../auth.server.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { load } from '../../errors.server.ts';

export const meta: MetaFunction = () => [{ title: 'Отзывы между кампаниями — noko' }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'survey.feedback');
  const quarter = new URL(request.url).searchParams.get('quarter') ?? undefined;
  return load(() => ctx.services.feedback.summary(ctx.caller, { quarter }));
}

const NUMBERS = Array.from({ length: 14 }, (_, i) => i + 1);

// A no-break space keeps «85 %» on one line in the narrow columns.
const share = (s: number | null) => (s === null ? '—' : `${Math.round(s * 100)}\u00a0%`);

interface Row {
  key: string;
  name: string;
  note?: string;
  counts: FeedbackCounts;
}

function SharesTable({ caption, rows }: { caption: string; rows: Row[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped withTableBorder verticalSpacing="xs" captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Название</Table.Th>
            <Table.Th scope="col" ta="right">
              Отзывов
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Отмечено
            </Table.Th>
            {NUMBERS.map((n) => (
              <Table.Th key={n} scope="col" ta="right">
                <abbr title={`Вопрос ${n}: ${QUESTION_BY_ID.get(`q${n}`)?.text ?? ''}`}>В{n}</abbr>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row">
                {r.name}
                {r.note && (
                  <Text size="xs" c="dimmed">
                    {r.note}
                  </Text>
                )}
              </Table.Th>
              <Table.Td ta="right">{r.counts.responses}</Table.Td>
              <Table.Td ta="right">{r.counts.flagged}</Table.Td>
              {r.counts.questions.map((q) => (
                <Table.Td
                  key={q.id}
                  ta="right"
                  title={`«Да»: ${q.yes} из ${q.answered} ответивших на вопрос ${q.number}`}
                >
                  {share(q.share)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export default function FeedbackPage() {
  const s = useLoaderData<typeof loader>();
  const scopeText =
    s.scope === 'all'
      ? 'все организации региона'
      : s.scope === 'municipality'
        ? 'организации вашего муниципалитета'
        : 'ваша организация';
  return (
    <PageShell size="xl">
      <Stack gap="lg">
        <Title order={1}>Отзывы между кампаниями</Title>
        <Text>
          После окончания сбора данных независимой оценки анкета по тому же адресу (/s/…) остаётся
          открытой: получатели услуг оставляют отзывы. Отзывы хранятся отдельно, в оценку кампании
          не входят, передаются организации и учитываются при следующей оценке. Показаны:{' '}
          {scopeText}.
        </Text>
        <Form method="get" aria-label="Выбор квартала">
          <Group align="end" gap="md">
            <NativeSelect
              name="quarter"
              label="Квартал"
              defaultValue={s.quarter ?? ''}
              data={
                s.quarters.length > 0
                  ? s.quarters.map((q) => ({ value: q, label: quarterTitle(q) }))
                  : [{ value: '', label: 'Отзывов пока нет' }]
              }
            />
            <Button type="submit" variant="light">
              Показать
            </Button>
          </Group>
        </Form>
        {s.quarter === null || s.total.responses === 0 ? (
          <Text role="status">
            {s.quarter === null
              ? 'Отзывов между кампаниями пока нет.'
              : `За ${quarterTitle(s.quarter)} отзывов нет.`}
          </Text>
        ) : (
          <>
            <Title order={2}>{quarterTitle(s.quarter)}</Title>
            <Text>
              Всего отзывов: {s.total.responses}, из них отмечены как подозрительные (много ответов
              с одного адреса, повтор из того же браузера): {s.total.flagged} — они хранятся, но не
              входят в доли. В столбцах В1–В14 — доля ответов «Да» среди ответивших на вопрос
              (наведите указатель на заголовок, чтобы увидеть текст вопроса).
            </Text>
            {s.scope !== 'organization' && (
              <SharesTable
                caption="По муниципалитетам"
                rows={[
                  ...s.municipalities.map((m) => ({
                    key: `m${m.id}`,
                    name: m.name,
                    counts: m.counts,
                  })),
                  ...(s.municipalities.length > 1
                    ? [{ key: 'total', name: 'Итого', counts: s.total }]
                    : []),
                ]}
              />
            )}
            <SharesTable
              caption="По организациям"
              rows={s.organizations.map((o) => ({
                key: `o${o.id}`,
                name: o.name,
                note: s.scope === 'organization' ? undefined : o.municipality,
                counts: o.counts,
              }))}
            />
            <Title order={3}>Вопросы В1–В14</Title>
            <ol>
              {NUMBERS.map((n) => (
                <li key={n}>
                  <Text size="sm">{QUESTION_BY_ID.get(`q${n}`)?.text}</Text>
                </li>
              ))}
            </ol>
          </>
        )}
      </Stack>
    </PageShell>
  );
}
