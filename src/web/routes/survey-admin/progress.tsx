// /campaigns/:id/survey — sample control (issue 4 item 6): required sample and counted responses
// per municipality and organization with progress bars, the lagging ones marked; a GET filter
// «только отстающие» works without JavaScript.
import { Alert, Anchor, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, Link, useLoaderData } from 'react-router';
import { can } from '../../../domain/permissions/index.ts';
import { requirePermission } from '../../auth.server.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatDate } from '../../components/format.ts';
import { load } from '../../errors.server.ts';
import { CampaignNav } from '../campaigns/ui.tsx';
import {
  MunicipalityZipLink,
  OrganizationPrintLinks,
  SurveyOutreachLinks,
} from '../survey-print/links.tsx';
import { percent, SampleBar } from './ui.tsx';

export const meta: MetaFunction = () => [{ title: 'Ход опроса — noko' }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  // Operators and administrators see every organization, a municipal authority its own (service).
  const ctx = requirePermission(context, request, 'survey.progress');
  const laggingOnly = new URL(request.url).searchParams.get('lagging') === '1';
  const p = await load(() =>
    ctx.services.surveyModeration.progress(ctx.caller, Number(params.id), { laggingOnly }),
  );
  return { ...p, laggingOnly, canModerate: can(ctx.caller, 'survey.moderate') };
}

const Th = ({ children }: { children: ReactNode }) => <Table.Th scope="col">{children}</Table.Th>;

export default function SurveyProgressPage() {
  const p = useLoaderData<typeof loader>();
  const { campaign, window: w, totals, rule } = p;
  return (
    <PageShell size="xl">
      <Stack gap="lg">
        <CampaignNav id={campaign.id} />
        <Title order={1}>Ход опроса: {campaign.title}</Title>
        <SurveyOutreachLinks campaignId={campaign.id} canRemind={p.canModerate} />
        <Text>
          Сбор ответов: {formatDate(w.start)} — {formatDate(w.end)}
          {w.elapsed !== null
            ? `, прошло ${percent(w.elapsed)} срока.`
            : '. Даты сбора не заданы.'}{' '}
          Выборка: {Number(campaign.sample.share) * 100} % контингента, не больше{' '}
          {campaign.sample.cap} респондентов на организацию.
        </Text>
        <Text size="sm" c="dimmed">
          Отстающая организация: учтено меньше {rule.tolerance} × доля прошедшего срока × требуемая
          выборка, или ни одного учтённого ответа после {percent(rule.silentAfter)} срока.
          Отмеченные ответы не учитываются, пока оператор не примет решение
          {p.canModerate ? (
            <>
              {' '}
              (
              <Anchor component={Link} to={`/campaigns/${campaign.id}/moderation`}>
                модерация
              </Anchor>
              ).
            </>
          ) : (
            '.'
          )}
        </Text>
        <SampleBar label="Всего по кампании" {...totals} />
        <Text>
          Организаций: {totals.organizations}, отстают: {totals.lagging}; ждут решения:{' '}
          {totals.flagged}, исключено: {totals.excluded}.
        </Text>

        <Title order={2}>По муниципалитетам</Title>
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Th>Муниципалитет</Th>
              <Th>Организаций</Th>
              <Th>Учтено из требуемых</Th>
              <Th>Ждут решения</Th>
              <Th>Исключено</Th>
              <Th>Отстают</Th>
              <Th>Печать</Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.municipalities.map((m) => (
              <Table.Tr key={m.municipalityId}>
                <Table.Th scope="row">{m.name}</Table.Th>
                <Table.Td>{m.organizations}</Table.Td>
                <Table.Td>
                  <SampleBar label={m.name} {...m} />
                </Table.Td>
                <Table.Td>{m.flagged}</Table.Td>
                <Table.Td>{m.excluded}</Table.Td>
                <Table.Td>{m.lagging}</Table.Td>
                <Table.Td>
                  <MunicipalityZipLink campaignId={campaign.id} {...m} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>

        <Title order={2} id="orgs-title">
          По организациям
        </Title>
        <Form method="get" aria-label="Фильтр организаций">
          <Group gap="md" align="center">
            <Checkbox
              name="lagging"
              value="1"
              label="Только отстающие"
              defaultChecked={p.laggingOnly}
            />
            <Button type="submit" variant="light">
              Показать
            </Button>
          </Group>
        </Form>
        {p.organizations.length === 0 ? (
          <Alert color="green" variant="light">
            {p.laggingOnly ? 'Отстающих организаций нет.' : 'В перечне кампании нет организаций.'}
          </Alert>
        ) : (
          <Table withTableBorder striped aria-labelledby="orgs-title">
            <Table.Thead>
              <Table.Tr>
                <Th>Организация</Th>
                <Th>Муниципалитет</Th>
                <Th>Контингент</Th>
                <Th>Учтено из требуемых</Th>
                <Th>Ждут решения</Th>
                <Th>Исключено</Th>
                <Th>Состояние</Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.organizations.map((o) => (
                <Table.Tr key={o.organizationId}>
                  <Table.Th scope="row">
                    {o.name}
                    {o.code && (
                      <>
                        {' '}
                        <Anchor href={`/s/${o.code}`} size="sm">
                          анкета {o.code}
                        </Anchor>
                        <OrganizationPrintLinks
                          campaignId={campaign.id}
                          organizationId={o.organizationId}
                          name={o.name}
                          compact
                        />
                      </>
                    )}
                  </Table.Th>
                  <Table.Td>{o.municipality}</Table.Td>
                  <Table.Td>{o.contingent}</Table.Td>
                  <Table.Td>
                    <SampleBar label={o.name} {...o} />
                  </Table.Td>
                  <Table.Td>
                    {o.flagged > 0 && p.canModerate ? (
                      <Anchor
                        component={Link}
                        to={`/campaigns/${campaign.id}/moderation?organizationId=${o.organizationId}`}
                      >
                        {o.flagged}
                      </Anchor>
                    ) : (
                      o.flagged
                    )}
                  </Table.Td>
                  <Table.Td>{o.excluded}</Table.Td>
                  <Table.Td>
                    {o.lagging ? (
                      <StatusBadge tone="danger">Отстаёт</StatusBadge>
                    ) : o.counted >= o.required ? (
                      <StatusBadge tone="ok">Выборка набрана</StatusBadge>
                    ) : (
                      <StatusBadge tone="info">Идёт сбор</StatusBadge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </PageShell>
  );
}
