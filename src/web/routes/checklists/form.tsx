// /campaigns/:id/checklists/:orgId — the expert's checklist during the visit: one section per
// screen (?section=…), prefilled from the organization's self-report, the registry and the site
// monitor; every section submit saves the answers and photos on the server (and, with
// JavaScript, a local copy survives a dropped connection). Works with JavaScript off.
import { Stack } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { useActionData, useLoaderData } from 'react-router';
import { PageShell } from '../../components/page-shell.tsx';
import { load, requirePermission, saveSection } from './checklists.server.ts';
import { progressOf, ReadOnlyNote, SavedNotice, SectionForm, StepNav } from './section-form.tsx';
import { SiteForm } from './site-form.tsx';
import { EXPERT_STEPS, nextStep, stepOf } from './steps.ts';
import { ChecklistHeader } from './ui.tsx';
import './checklists.css';

export const meta: MetaFunction = () => [{ title: 'Чек-лист эксперта — noko' }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'checklist.fill');
  const campaignId = Number(params.id);
  const organizationId = Number(params.orgId);
  const view = await load(() =>
    ctx.services.checklists.get(ctx.caller, campaignId, organizationId),
  );
  const q = new URL(request.url).searchParams;
  const saved = q.get('saved');
  return {
    csrf: ctx.csrfToken,
    view,
    step: stepOf(q.get('section'), EXPERT_STEPS),
    saved: saved ? stepOf(saved, EXPERT_STEPS) : null,
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePermission(context, request, 'checklist.fill');
  const campaignId = Number(params.id);
  const organizationId = Number(params.orgId);
  return saveSection({
    ctx,
    form: await request.formData(),
    campaignId,
    organizationId,
    side: 'confirmed',
    steps: EXPERT_STEPS,
    pageUrl: `/campaigns/${campaignId}/checklists/${organizationId}`,
  });
}

export default function ExpertChecklist() {
  const { view, csrf, step, saved } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const base = `/campaigns/${view.campaign.id}/checklists/${view.organization.id}`;
  const section = view.sections.find((s) => s.section === step);
  return (
    <PageShell size="md">
      <Stack gap="md">
        <ChecklistHeader
          view={view}
          heading="Чек-лист"
          links={[
            { to: `/campaigns/${view.campaign.id}/checklists`, label: '← Список' },
            { to: `${base}/review`, label: 'Сверка и подтверждение' },
          ]}
        />
        <StepNav
          steps={EXPERT_STEPS}
          current={step}
          url={base}
          progress={progressOf(view, 'confirmed')}
        />
        <SavedNotice step={saved} />
        {!view.access.confirm ? (
          <ReadOnlyNote
            text={
              view.status === 'confirmed'
                ? 'Чек-лист подтверждён. Чтобы исправить ответы, откройте его заново на странице проверки.'
                : 'Кампания не в стадии сбора данных: чек-лист открыт только для просмотра.'
            }
            link={{ to: `${base}/review`, label: 'Перейти к проверке' }}
          />
        ) : step === 'site' ? (
          <SiteForm view={view} csrf={csrf} failure={failure} />
        ) : section ? (
          <SectionForm
            view={view}
            section={section}
            side="confirmed"
            csrf={csrf}
            step={step}
            hasNext={nextStep(step, EXPERT_STEPS) !== null}
            failure={failure}
            savedStep={saved}
          />
        ) : null}
        {view.access.confirm && nextStep(step, EXPERT_STEPS) === null && (
          <ReadOnlyNote
            text="Последний раздел. Когда все разделы заполнены, подтвердите чек-лист."
            link={{ to: `${base}/review`, label: 'Проверить и подтвердить →' }}
          />
        )}
      </Stack>
    </PageShell>
  );
}
