// /campaigns/:id/checklists/:orgId/self-report — the organization's self-report before the
// experts' visit (checklists.md "Organization self-report"): the same items, one section per
// screen, with photos, documents and links, then «Отправить эксперту». Staff of the organization
// only (checklist.selfReport, own organization). Works with JavaScript off.
import { Anchor, Button, List, Stack, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import type { ChecklistView } from '../../../features/checklists/checklists.schema.ts';
import { CsrfField, ErrorSummary } from '../../components/error-summary.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { formFailure, load, requirePermission, saveSection } from './checklists.server.ts';
import { progressOf, ReadOnlyNote, SavedNotice, SectionForm, StepNav } from './section-form.tsx';
import { ORGANIZATION_STEPS, STEP_TITLES, stepOf, type StepKey } from './steps.ts';
import { ChecklistHeader } from './ui.tsx';
import './checklists.css';

export const meta: MetaFunction = () => [{ title: 'Самообследование — noko' }];

function guard(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const organizationId = Number(args.params.orgId);
  const ctx = requirePermission(args.context, args.request, 'checklist.selfReport', {
    organizationId,
  });
  return { ctx, campaignId: Number(args.params.id), organizationId };
}

export async function loader(args: LoaderFunctionArgs) {
  const { ctx, campaignId, organizationId } = guard(args);
  const view = await load(() =>
    ctx.services.checklists.get(ctx.caller, campaignId, organizationId),
  );
  const q = new URL(args.request.url).searchParams;
  const saved = q.get('saved');
  return {
    csrf: ctx.csrfToken,
    view,
    step: stepOf(q.get('section'), ORGANIZATION_STEPS),
    saved: saved ? stepOf(saved, ORGANIZATION_STEPS) : null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { ctx, campaignId, organizationId } = guard(args);
  const form = await args.request.formData();
  const pageUrl = `/campaigns/${campaignId}/checklists/${organizationId}/self-report`;
  if (form.get('intent') === 'submit') {
    try {
      await ctx.services.checklists.submitSelfReport(ctx.caller, campaignId, organizationId);
    } catch (e) {
      return formFailure(e, {}, [], false);
    }
    return redirect(`${pageUrl}?section=send`);
  }
  return saveSection({
    ctx,
    form,
    campaignId,
    organizationId,
    side: 'declared',
    steps: ORGANIZATION_STEPS,
    pageUrl,
  });
}

export default function SelfReport() {
  const { view, csrf, step, saved } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const base = `/campaigns/${view.campaign.id}/checklists/${view.organization.id}`;
  const section = view.sections.find((s) => s.section === step);
  return (
    <PageShell size="md">
      <Stack gap="md">
        <ChecklistHeader
          view={view}
          heading="Самообследование"
          links={[{ to: `${base}/review`, label: 'Заявлено и подтверждено' }]}
        />
        <Text size="sm">
          Отметьте, что есть в организации, и приложите фото, документы или ссылки. Эксперт
          оператора проверит каждый пункт при посещении; расхождения войдут в отчёт.
        </Text>
        <StepNav
          steps={ORGANIZATION_STEPS}
          current={step}
          url={`${base}/self-report`}
          progress={progressOf(view, 'declared')}
        />
        <SavedNotice step={saved} />
        {step === 'send' ? (
          <SendStep view={view} csrf={csrf} failure={failure} />
        ) : !view.access.declare ? (
          <ReadOnlyNote
            text={
              view.status === 'not_started' || view.status === 'draft'
                ? 'Кампания не в стадии сбора данных: самообследование открыто только для просмотра.'
                : 'Самообследование отправлено, изменения вносит эксперт.'
            }
            link={{ to: `${base}/review`, label: 'Посмотреть ответы' }}
          />
        ) : section ? (
          <SectionForm
            view={view}
            section={section}
            side="declared"
            csrf={csrf}
            step={step}
            hasNext
            failure={failure}
            savedStep={saved}
          />
        ) : null}
      </Stack>
    </PageShell>
  );
}

function SendStep(props: {
  view: ChecklistView;
  csrf: string;
  failure: ReturnType<typeof useActionData<typeof action>>;
}) {
  const { view } = props;
  const base = `/campaigns/${view.campaign.id}/checklists/${view.organization.id}/self-report`;
  if (view.status !== 'draft' && view.status !== 'not_started')
    return (
      <ReadOnlyNote
        text={`Самообследование отправлено ${formatDateTime(view.selfReportedAt)}. Эксперт проверит пункты при посещении.`}
      />
    );
  const missing = view.unansweredDeclared;
  return (
    <Stack gap="sm">
      <Title order={2}>Отправка эксперту</Title>
      <ErrorSummary failure={props.failure} title="Не отправлено" />
      {missing.length > 0 ? (
        <>
          <Text>Осталось ответить на пункты ({missing.length}):</Text>
          <List>
            {missing.map((m) => (
              <List.Item key={`${m.section}:${m.key}`}>
                <Anchor
                  component={Link}
                  to={`${base}?section=${m.section as StepKey}#item-${m.key}`}
                >
                  {STEP_TITLES[m.section as StepKey]}, № {m.number}: {m.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      ) : (
        <Text>Все пункты заполнены. После отправки изменить ответы нельзя.</Text>
      )}
      {view.access.submit && (
        <Form method="post" aria-label="Отправка самообследования">
          <CsrfField token={props.csrf} />
          <Button type="submit" name="intent" value="submit" size="md">
            Отправить эксперту
          </Button>
        </Form>
      )}
    </Stack>
  );
}
