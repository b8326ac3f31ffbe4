// /campaigns/:id/paper — paper entry for operators: choose the organization (select or survey code)
// and the packet, then key one questionnaire after another. After a save the page comes back with
// the same packet, an empty form and the focus on question 1 (POST → redirect → GET, so a reload
// never stores twice); the packet's running totals stay on screen. Works without JavaScript.
import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, Link, data, redirect, useActionData, useLoaderData } from 'react-router';
import { answersFromForm } from '../../../domain/survey/form.ts';
import { requirePermission } from '../../auth.server.ts';
import { CsrfField, ErrorSummary, type FormFailure } from '../../components/error-summary.tsx';
import { PageShell } from '../../components/page-shell.tsx';
import { failure, formStrings, idParam, load } from './paper.server.ts';
import { QuestionnaireFields, type FieldValues } from './questionnaire-fields.tsx';

export const meta: MetaFunction = () => [{ title: 'Ввод бумажных анкет — noko' }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'survey.enterPaper');
  const campaignId = Number(params.id);
  const url = new URL(request.url);
  const q = url.searchParams;
  const campaign = await load(() => ctx.services.campaigns.get(ctx.caller, campaignId));
  const organizations = await load(() => ctx.services.paper.organizations(ctx.caller, campaignId));
  const code = q.get('code')?.trim() ?? '';
  let organizationId = idParam(q.get('org'));
  let chooseError: string | null = null;
  if (code) {
    try {
      const t = await ctx.services.paper.target(ctx.caller, { surveyCode: code, campaignId });
      organizationId = t.organizationId;
    } catch (e) {
      chooseError = e instanceof Error ? e.message : String(e);
    }
  }
  const batch = q.get('batch')?.trim().slice(0, 40) ?? '';
  const ready = organizationId !== undefined && batch !== '' && chooseError === null;
  const totals = ready
    ? await ctx.services.paper.batchTotals(ctx.caller, campaignId, {
        organizationId: organizationId!,
        batchNumber: batch,
      })
    : [];
  return {
    csrf: ctx.csrfToken,
    campaign: { id: campaign.id, title: campaign.title },
    organizations,
    organizationId: organizationId ?? null,
    batch,
    mode: q.get('mode') === 'second' ? ('second' as const) : ('first' as const),
    saved: q.get('saved'),
    chooseError,
    ready,
    totals,
  };
}

type ActionResult = FormFailure & { values: FieldValues };

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePermission(context, request, 'survey.enterPaper');
  const campaignId = Number(params.id);
  const fields = formStrings(await request.formData());
  const base = {
    campaignId,
    organizationId: fields.organizationId ?? '',
    batchNumber: fields.batchNumber ?? '',
    answers: answersFromForm(fields),
  };
  const back = new URLSearchParams({ org: base.organizationId, batch: base.batchNumber.trim() });
  try {
    if (fields.mode === 'second') {
      const seq = fields.sequenceNumber ?? '';
      const mismatches = await ctx.services.paper.enterSecond(ctx.caller, {
        ...base,
        sequenceNumber: seq,
      });
      back.set('mode', 'second');
      back.set(
        'saved',
        mismatches.length === 0
          ? `Повторный ввод анкеты № ${seq} совпал с первичным.`
          : `Повторный ввод анкеты № ${seq}: расхождения в вопросах ${mismatches.map((m) => m.number).join(', ')}.`,
      );
    } else {
      const r = await ctx.services.paper.enterPaper(ctx.caller, {
        ...base,
        ...(fields.sequenceNumber?.trim() ? { sequenceNumber: fields.sequenceNumber } : {}),
      });
      back.set('saved', `Анкета № ${r.sequenceNumber} пакета «${r.batchNumber}» сохранена.`);
    }
    return redirect(`/campaigns/${campaignId}/paper?${back}#q1`);
  } catch (e) {
    const res = failure(e);
    return data<ActionResult>({ ...res.data, values: fields }, { status: res.init?.status ?? 400 });
  }
}

export default function PaperEntry() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && result.ok === false ? result : undefined;
  const entered = d.totals.reduce((s, t) => s + t.entered, 0);
  return (
    <PageShell size="lg">
      <Stack gap="md">
        <Group gap="md">
          <Anchor component={Link} to={`/campaigns/${d.campaign.id}`}>
            ← К кампании
          </Anchor>
          <Anchor component={Link} to={`/campaigns/${d.campaign.id}/paper/double-entry`}>
            Контроль двойного ввода
          </Anchor>
          <Anchor component={Link} to={`/campaigns/${d.campaign.id}/survey-import`}>
            Импорт из файла
          </Anchor>
        </Group>
        <Title order={1}>Ввод бумажных анкет: {d.campaign.title}</Title>
        <ChooseForm d={d} />
        {d.ready && (
          <>
            {d.saved && !failed && (
              <Alert color="green" variant="light" role="status">
                {d.saved}
              </Alert>
            )}
            <Text aria-live="polite">
              Пакет «{d.batch}»: введено анкет — <b>{entered}</b>
              {d.totals.length > 1 &&
                ` (${d.totals.map((t) => `${t.operatorName ?? 'без оператора'}: ${t.entered}`).join('; ')})`}
              , из них введено повторно — {d.totals.reduce((s, t) => s + t.doubleEntered, 0)}
            </Text>
            <Form
              method="post"
              action={`/campaigns/${d.campaign.id}/paper?${new URLSearchParams({ org: String(d.organizationId), batch: d.batch, mode: d.mode })}`}
              noValidate
              aria-label="Анкета"
              key={`${d.saved ?? ''}|${d.mode}|${d.batch}|${d.organizationId}`}
            >
              <Stack gap="xs">
                <ErrorSummary failure={failed} title="Анкета не сохранена" />
                <CsrfField token={d.csrf} />
                <input type="hidden" name="organizationId" value={d.organizationId ?? ''} />
                <input type="hidden" name="batchNumber" value={d.batch} />
                <input type="hidden" name="mode" value={d.mode} />
                <TextInput
                  id="sequenceNumber"
                  name="sequenceNumber"
                  label={
                    d.mode === 'second'
                      ? 'Номер анкеты в пакете (повторный ввод)'
                      : 'Номер анкеты в пакете (пусто — следующий)'
                  }
                  required={d.mode === 'second'}
                  inputMode="numeric"
                  w={280}
                  defaultValue={failed?.values.sequenceNumber ?? ''}
                  error={failed?.fields.sequenceNumber}
                />
                <QuestionnaireFields
                  initial={failed?.values ?? {}}
                  errors={failed?.fields ?? {}}
                  autoFocus={!failed}
                />
                <Group>
                  <Button type="submit">
                    {d.mode === 'second' ? 'Сохранить повторный ввод' : 'Сохранить анкету'}
                  </Button>
                </Group>
              </Stack>
            </Form>
          </>
        )}
      </Stack>
    </PageShell>
  );
}

function ChooseForm({ d }: { d: ReturnType<typeof useLoaderData<typeof loader>> }) {
  return (
    <Form method="get" aria-label="Организация и пакет">
      <Stack gap="xs">
        {d.chooseError && (
          <Alert color="red" variant="light" role="alert">
            {d.chooseError}
          </Alert>
        )}
        <Group align="end" gap="sm">
          <NativeSelect
            name="org"
            label="Организация"
            defaultValue={d.organizationId ? String(d.organizationId) : ''}
            data={[
              { value: '', label: '— выберите —' },
              ...d.organizations.map((o) => ({
                value: String(o.organizationId),
                label: `${o.name}${o.code ? ` (${o.code})` : ''}`,
              })),
            ]}
          />
          <TextInput name="code" label="или код анкеты" w={140} defaultValue="" />
          <TextInput name="batch" label="Номер пакета" w={140} defaultValue={d.batch} required />
          <NativeSelect
            name="mode"
            label="Ввод"
            defaultValue={d.mode}
            data={[
              { value: 'first', label: 'первичный' },
              { value: 'second', label: 'повторный (контроль)' },
            ]}
          />
          <Button type="submit" variant="light">
            Начать ввод
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
