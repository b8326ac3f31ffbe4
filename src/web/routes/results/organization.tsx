// /campaigns/:id/results/organizations/:orgId — one organization's result explained: total, band,
// places, sample, every indicator down to its counts, formula, variant and provenance, the survey
// shares with Wilson intervals, the shortcomings with recommendations, the council's proposals.
import { Button, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, redirect, useActionData, useLoaderData } from 'react-router';
import { can } from '../../../domain/permissions/permissions.ts';
import { KIND_GROUP_TITLES } from '../../../features/results/results.schema.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { Csrf, ErrorSummary } from '../campaigns/ui.tsx';
import { CriteriaTable, IndicatorsTable, SharesTable, SourcesList } from './explain.tsx';
import { failure, formFields, load, requireUser, versionParam } from './results.server.ts';
import { BandBadge, Flags, ResultsNav, RunFacts, runTitle, score } from './ui.tsx';

export const meta: MetaFunction = () => [{ title: 'Результат организации — noko' }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request);
  const version = versionParam(new URL(request.url));
  const res = await load(() =>
    ctx.services.results.getOrganizationResult(ctx.caller, {
      campaignId: Number(params.id),
      organizationId: Number(params.orgId),
      ...(version !== undefined ? { version } : {}),
    }),
  );
  return {
    csrf: ctx.csrfToken,
    ...res,
    canPropose: can(ctx.caller, 'results.approve') && res.run.status === 'current',
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireUser(context, request);
  const target = { campaignId: Number(params.id), organizationId: Number(params.orgId) };
  const form = formFields(await request.formData());
  try {
    await ctx.services.results.setCouncilProposals(ctx.caller, target, { text: form.text ?? '' });
    return redirect(
      `/campaigns/${target.campaignId}/results/organizations/${target.organizationId}`,
    );
  } catch (e) {
    return failure(e);
  }
}

export default function OrganizationResultPage() {
  const { campaign, run, organization: o, csrf, canPropose } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const place = (n: number | null) => (n === null ? 'без места' : `${n}-е место`);
  return (
    <PageShell size="xl">
      <Stack gap="lg">
        <ResultsNav id={campaign.id} />
        <Title order={1}>{o.shortName}</Title>
        <Text>
          {o.fullName}. {KIND_GROUP_TITLES[o.kind] ?? o.kind}, {o.municipalityName}. ИНН {o.inn}.
        </Text>
        <Text>
          {campaign.title}. {runTitle(run)}.
        </Text>
        <RunFacts run={run} />
        <ErrorSummary failure={result} />
        <dl className="campaign-facts">
          <Text component="dt" fw={600}>
            Итоговый балл
          </Text>
          <Text component="dd">
            <Group gap="xs" component="span">
              <Text span fw={700} fz="xl">
                {o.total === null ? 'недостаточно данных' : score(o.total)}
              </Text>
              <BandBadge band={o.band} />
            </Group>
          </Text>
          <Text component="dt" fw={600}>
            Место в рейтинге
          </Text>
          <Text component="dd">
            {o.ranked
              ? `${place(o.ranks.kind)} среди организаций того же типа в регионе, ${place(o.ranks.municipality)} в муниципалитете, ${place(o.ranks.region)} среди всех организаций региона`
              : 'не участвует в рейтинге'}
          </Text>
          <Text component="dt" fw={600}>
            Выборка
          </Text>
          <Text component="dd">
            учтено {o.respondents} анкет из {o.requiredSample} необходимых
            {o.belowSample ? ' — выборка не набрана' : ''}; помечено к проверке {o.flaggedResponses}
            , исключено {o.excludedResponses}
          </Text>
          <Text component="dt" fw={600}>
            Отметки
          </Text>
          <Text component="dd">
            {(o.flags ?? []).length === 0 ? 'нет' : <Flags flags={o.flags} />}
          </Text>
        </dl>
        <section aria-labelledby="sources-title">
          <Title order={2} id="sources-title" size="h3">
            Откуда данные
          </Title>
          <SourcesList org={o} />
        </section>
        <CriteriaTable org={o} />
        <IndicatorsTable org={o} />
        <SharesTable org={o} />
        <section aria-labelledby="shortcomings-title">
          <Title order={2} id="shortcomings-title" size="h3">
            Недостатки и рекомендации
          </Title>
          {o.shortcomings.length === 0 ? (
            <Text>Недостатков не выявлено.</Text>
          ) : (
            <List spacing="sm">
              {o.shortcomings.map((s) => (
                <List.Item key={s.code}>
                  <Text fw={600}>
                    {s.indicator}. {s.title}
                  </Text>
                  <Text size="sm">Рекомендация: {s.recommendation}</Text>
                  {s.legalBasis && (
                    <Text size="sm" c="dimmed">
                      Основание: {s.legalBasis}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </section>
        <section aria-labelledby="proposals-title">
          <Title order={2} id="proposals-title" size="h3">
            Предложения общественного совета
          </Title>
          {canPropose ? (
            <Form method="post">
              <Csrf token={csrf} />
              <Stack gap="sm" maw={720}>
                <Textarea
                  name="text"
                  label="Предложения об улучшении деятельности организации"
                  defaultValue={o.councilProposals ?? ''}
                  autosize
                  minRows={3}
                  maxLength={4000}
                />
                <Group>
                  <Button type="submit">Сохранить предложения</Button>
                </Group>
              </Stack>
            </Form>
          ) : (
            <Text>{o.councilProposals ?? 'Предложений нет.'}</Text>
          )}
        </section>
      </Stack>
    </PageShell>
  );
}
