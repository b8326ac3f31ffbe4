// /campaigns/:id/print — survey invitations to print (issue 4 item 4): per organization its survey
// link, QR code (PNG, SVG), A4 poster and paper questionnaire; per municipality a ZIP of all its
// posters. Each role sees its own scope: the operator everything, a municipal authority its
// municipality, an organization itself. A GET filter by municipality works without JavaScript.
import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, Link, useLoaderData } from 'react-router';
import { can } from '../../../domain/permissions/index.ts';
import { printUrls, ruDate } from '../../../features/survey-print/print.schema.ts';
import { requirePermission } from '../../auth.server.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { load } from '../../errors.server.ts';
import { CampaignNav } from '../campaigns/ui.tsx';
import { MunicipalityZipLink, OrganizationPrintLinks } from './links.tsx';

export const meta: MetaFunction = () => [{ title: 'Приглашения к опросу — noko' }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'survey.print');
  const m = await load(() => ctx.services.surveyPrint.materials(ctx.caller, Number(params.id)));
  const only = Number(new URL(request.url).searchParams.get('municipalityId') ?? '');
  const municipalityId = m.municipalities.some((x) => x.municipalityId === only) ? only : null;
  return {
    ...m,
    municipalityId,
    organizations: municipalityId
      ? m.organizations.filter((o) => o.municipalityId === municipalityId)
      : m.organizations,
    canRemind: can(ctx.caller, 'survey.moderate'),
    canSeeProgress: can(ctx.caller, 'survey.progress'),
  };
}

const Th = ({ children }: { children: ReactNode }) => <Table.Th scope="col">{children}</Table.Th>;

export default function SurveyPrintPage() {
  const p = useLoaderData<typeof loader>();
  const { campaign } = p;
  const dates =
    campaign.collectionStart && campaign.collectionEnd
      ? `Сбор ответов: ${ruDate(campaign.collectionStart)} — ${ruDate(campaign.collectionEnd)}.`
      : 'Даты сбора ответов не заданы.';
  return (
    <PageShell size="xl">
      <Stack gap="lg">
        {p.canSeeProgress && <CampaignNav id={campaign.id} />}
        <Title order={1}>Приглашения к опросу: {campaign.title}</Title>
        <Text>
          {dates} Для каждой организации — ссылка на анкету, QR-код, плакат формата A4 и бумажная
          анкета с кодом организации. Заполненные бумажные анкеты вводит оператор (номер пачки и
          номер анкеты в пачке — в поле «Заполняет оператор»).
        </Text>
        {p.canRemind && (
          <Anchor component={Link} to={printUrls.reminders(campaign.id)}>
            Напоминания отстающим организациям
          </Anchor>
        )}

        {p.municipalities.length > 0 && (
          <>
            <Title order={2} id="mun-title">
              Плакаты по муниципалитетам
            </Title>
            <Table withTableBorder striped aria-labelledby="mun-title">
              <Table.Thead>
                <Table.Tr>
                  <Th>Муниципалитет</Th>
                  <Th>Организаций</Th>
                  <Th>Архив плакатов</Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.municipalities.map((m) => (
                  <Table.Tr key={m.municipalityId}>
                    <Table.Th scope="row">{m.name}</Table.Th>
                    <Table.Td>{m.organizations}</Table.Td>
                    <Table.Td>
                      <MunicipalityZipLink campaignId={campaign.id} {...m} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}

        <Title order={2} id="orgs-title">
          Организации
        </Title>
        {p.municipalities.length > 1 && (
          <Form method="get" aria-label="Отбор организаций">
            <Group align="end" gap="md">
              <NativeSelect
                name="municipalityId"
                label="Муниципалитет"
                defaultValue={p.municipalityId ? String(p.municipalityId) : ''}
                data={[
                  { value: '', label: 'Все' },
                  ...p.municipalities.map((m) => ({
                    value: String(m.municipalityId),
                    label: m.name,
                  })),
                ]}
              />
              <Button type="submit" variant="light">
                Показать
              </Button>
            </Group>
          </Form>
        )}
        {p.organizations.length === 0 ? (
          <Alert color="blue" variant="light">
            {campaign.status === 'draft' || campaign.status === 'list_approved'
              ? 'Кодов анкет пока нет: они выдаются организациям утверждённого перечня при начале сбора данных.'
              : 'Печатать нечего: в перечне кампании нет организаций, доступных Вам.'}
          </Alert>
        ) : (
          <Table withTableBorder striped aria-labelledby="orgs-title">
            <Table.Thead>
              <Table.Tr>
                <Th>Организация</Th>
                <Th>Муниципалитет</Th>
                <Th>Ссылка на анкету</Th>
                <Th>Файлы для печати</Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.organizations.map((o) => (
                <Table.Tr key={o.organizationId}>
                  <Table.Th scope="row">{o.shortName}</Table.Th>
                  <Table.Td>{o.municipality}</Table.Td>
                  <Table.Td>
                    <Anchor href={o.surveyUrl} size="sm">
                      {o.surveyUrl}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <OrganizationPrintLinks
                      campaignId={campaign.id}
                      organizationId={o.organizationId}
                      name={o.shortName}
                    />
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
