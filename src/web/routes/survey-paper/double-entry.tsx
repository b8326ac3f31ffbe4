// /campaigns/:id/paper/double-entry — double-entry control: every questionnaire keyed twice, with
// the questions where the first and the second entry differ, and the entry totals per packet.
import { Anchor, List, Stack, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Link, useLoaderData } from 'react-router';
import { requirePermission } from '../../auth.server.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageShell } from '../../components/page-shell.tsx';
import { load } from './paper.server.ts';

export const meta: MetaFunction = () => [{ title: 'Контроль двойного ввода — noko' }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'survey.enterPaper');
  const campaignId = Number(params.id);
  const campaign = await load(() => ctx.services.campaigns.get(ctx.caller, campaignId));
  const [report, totals] = await Promise.all([
    ctx.services.paper.mismatchReport(ctx.caller, campaignId),
    ctx.services.paper.batchTotals(ctx.caller, campaignId),
  ]);
  return { campaign: { id: campaign.id, title: campaign.title }, report, totals };
}

export default function DoubleEntry() {
  const { campaign, report, totals } = useLoaderData<typeof loader>();
  const differing = report.rows.filter((r) => r.mismatches.length > 0);
  return (
    <PageShell size="xl">
      <Stack gap="md">
        <Anchor component={Link} to={`/campaigns/${campaign.id}/paper`}>
          ← К вводу анкет
        </Anchor>
        <Title order={1}>Контроль двойного ввода: {campaign.title}</Title>
        <List>
          <List.Item>Введено повторно и сверено анкет: {report.compared}</List.Item>
          <List.Item>С расхождениями: {report.withMismatches}</List.Item>
        </List>
        <DataTable
          caption="Анкеты с расхождениями (в расчёт идёт первичный ввод; повторный не считается)"
          rows={differing}
          rowKey={(r) => r.responseId}
          empty="Расхождений нет."
          columns={[
            { key: 'org', header: 'Организация', cell: (r) => r.organizationName },
            { key: 'batch', header: 'Пакет', cell: (r) => r.batchNumber },
            { key: 'seq', header: '№ анкеты', numeric: true, cell: (r) => r.sequenceNumber },
            {
              key: 'ops',
              header: 'Ввели',
              cell: (r) => `${r.firstOperator ?? '—'} / ${r.secondOperator ?? '—'}`,
            },
            {
              key: 'diff',
              header: 'Вопрос: первичный → повторный',
              cell: (r) =>
                r.mismatches.map((m) => `${m.number}: ${m.first} → ${m.second}`).join('; '),
            },
          ]}
        />
        <DataTable
          caption="Введено анкет по пакетам и операторам"
          rows={totals}
          rowKey={(t) => `${t.organizationId}|${t.batchNumber}|${t.operatorId}`}
          empty="Бумажные анкеты ещё не вводились."
          columns={[
            { key: 'org', header: 'Организация', cell: (t) => t.organizationName },
            { key: 'batch', header: 'Пакет', cell: (t) => t.batchNumber },
            { key: 'op', header: 'Оператор', cell: (t) => t.operatorName ?? '—' },
            { key: 'n', header: 'Введено', numeric: true, cell: (t) => t.entered },
            { key: 'd', header: 'Из них повторно', numeric: true, cell: (t) => t.doubleEntered },
          ]}
        />
      </Stack>
    </PageShell>
  );
}
