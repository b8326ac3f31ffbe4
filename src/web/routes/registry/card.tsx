// /registry/:id — the organization card: registry data, the frequency rule for this year
// (art. 95.2 of 273-ФЗ: at least once in three years), campaign history, and closing with a reason
// or reopening (organizations are never deleted).
import { Alert, Anchor, Button, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { CAMPAIGN_STATUS_TITLES, type CampaignStatus } from '../../../domain/campaigns/workflow.ts';
import { KIND_TITLES } from '../../../features/registry/registry.schema.ts';
import { requirePermission } from '../../auth.server.ts';
import { CsrfField, ErrorSummary } from '../../components/error-summary.tsx';
import { formatDate } from '../../components/format.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { failure, formStrings, load } from './registry.server.ts';

export const meta: MetaFunction = () => [{ title: 'Организация — noko' }];

const LIST_STATUS: Record<string, string> = {
  proposed: 'предложена',
  included: 'включена',
  excluded: 'исключена',
};

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'registry.view');
  const card = await load(() =>
    ctx.services.registry.getOrganization(ctx.caller, Number(params.id)),
  );
  const o = card.organization;
  return {
    csrf: ctx.csrfToken,
    canEdit: card.canEdit,
    o: {
      ...o,
      createdAt: o.createdAt.toISOString(),
      updatedAt: o.updatedAt.toISOString(),
      deactivatedAt: o.deactivatedAt?.toISOString() ?? null,
    },
    municipality: card.municipality?.name ?? '—',
    founder: card.founder ? { id: card.founder.id, name: card.founder.name } : null,
    campaigns: card.campaigns,
    frequency: card.frequency,
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePermission(context, request, 'registry.edit');
  const id = Number(params.id);
  const form = formStrings(await request.formData());
  try {
    if (form.intent === 'deactivate')
      await ctx.services.registry.deactivateOrganization(ctx.caller, id, { reason: form.reason });
    else if (form.intent === 'reactivate')
      await ctx.services.registry.reactivateOrganization(ctx.caller, id);
    return redirect(`/registry/${id}`);
  } catch (e) {
    return failure(e);
  }
}

export default function OrganizationCardPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const o = d.o;
  const facts: [string, string | number | null][] = [
    ['Полное наименование', o.fullName],
    ['Тип', KIND_TITLES[o.kind]],
    ['Муниципальное образование', d.municipality],
    ['Учредитель', d.founder?.name ?? null],
    ['ИНН', o.inn],
    ['ОГРН', o.ogrn],
    ['КПП', o.kpp],
    ['Код в реестре', o.code],
    ['Адрес', o.address],
    ['Официальный сайт', o.website],
    ['Электронная почта', o.email],
    ['Телефон', o.phone],
    ['Руководитель', [o.headPosition, o.headName].filter(Boolean).join(' ') || null],
    ['Контингент обучающихся', o.contingent],
    ['Год последней оценки до noko', o.lastAssessedYear],
  ];
  return (
    <PageShell>
      <Stack gap="lg">
        <Anchor component={Link} to="/registry">
          ← К реестру
        </Anchor>
        <Group justify="space-between">
          <Title order={1}>{o.shortName}</Title>
          {d.canEdit && (
            <Button component={Link} to={`/registry/${o.id}/edit`} variant="light">
              Изменить
            </Button>
          )}
        </Group>
        <ErrorSummary failure={result} />
        {!o.active && (
          <Alert color="red" variant="light" title="Организация закрыта">
            {formatDate(o.deactivatedAt)}: {o.deactivationReason}
          </Alert>
        )}
        <Table withTableBorder variant="vertical">
          <Table.Caption className="visually-hidden">Сведения реестра</Table.Caption>
          <Table.Tbody>
            {facts.map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Th scope="row" w={280}>
                  {k}
                </Table.Th>
                <Table.Td>{v === null || v === '' ? '—' : v}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <section aria-labelledby="freq-title">
          <Title order={2} id="freq-title" size="h3">
            Периодичность оценки
          </Title>
          <Text>{d.frequency.reason.charAt(0).toUpperCase() + d.frequency.reason.slice(1)}.</Text>
        </section>
        <section aria-labelledby="history-title">
          <Title order={2} id="history-title" size="h3">
            Кампании оценки
          </Title>
          {d.campaigns.length === 0 ? (
            <Text>Организация ещё не включалась в перечни кампаний.</Text>
          ) : (
            <Table striped withTableBorder>
              <Table.Caption className="visually-hidden">
                Кампании с этой организацией
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Кампания</Table.Th>
                  <Table.Th scope="col">Год</Table.Th>
                  <Table.Th scope="col">Статус кампании</Table.Th>
                  <Table.Th scope="col">В перечне</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.campaigns.map((c) => (
                  <Table.Tr key={c.campaignId}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/campaigns/${c.campaignId}`}>
                        {c.title}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{c.year}</Table.Td>
                    <Table.Td>
                      {CAMPAIGN_STATUS_TITLES[c.campaignStatus as CampaignStatus] ??
                        c.campaignStatus}
                    </Table.Td>
                    <Table.Td>{LIST_STATUS[c.status] ?? c.status}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
        {d.canEdit &&
          (o.active ? (
            <DeactivateForm csrf={d.csrf} error={result?.fields.reason} />
          ) : (
            <ReactivateForm csrf={d.csrf} />
          ))}
      </Stack>
    </PageShell>
  );
}

function DeactivateForm({ csrf, error }: { csrf: string; error?: string | undefined }) {
  return (
    <Form method="post" aria-labelledby="close-title">
      <Stack gap="sm" maw={640}>
        <Title order={2} id="close-title" size="h3">
          Закрыть организацию
        </Title>
        <Text size="sm">
          Организация не удаляется: она уходит из списков и новых перечней, её история сохраняется.
        </Text>
        <CsrfField token={csrf} />
        <input type="hidden" name="intent" value="deactivate" />
        <Textarea
          id="reason"
          name="reason"
          label="Причина закрытия"
          description="Например: реорганизована путём присоединения к МБОУ СОШ № 3"
          required
          autosize
          minRows={2}
          error={error}
        />
        <div>
          <Button type="submit" color="red" variant="light">
            Закрыть организацию
          </Button>
        </div>
      </Stack>
    </Form>
  );
}

function ReactivateForm({ csrf }: { csrf: string }) {
  return (
    <Form method="post">
      <CsrfField token={csrf} />
      <input type="hidden" name="intent" value="reactivate" />
      <Button type="submit" variant="light">
        Восстановить организацию
      </Button>
    </Form>
  );
}
