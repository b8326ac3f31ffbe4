// /campaigns/:id/list — the proposed list: filters, the table with mandatory and overdue marks,
// «Сформировать предложение», adding an organization by INN or code, excluding with a reason.
import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, redirect, useActionData, useLoaderData } from 'react-router';
import { can } from '../../../domain/permissions/permissions.ts';
import {
  CAMPAIGN_ORGANIZATION_STATUS_TITLES,
  ORGANIZATION_KIND_TITLES,
} from '../../../features/campaigns/campaigns.schema.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { failure, formFields, load, requireUser } from './campaigns.server.ts';
import { CampaignNav, Csrf, ErrorSummary } from './ui.tsx';

export const meta: MetaFunction = () => [{ title: 'Перечень организаций — noko' }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request);
  const id = Number(params.id);
  const q = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ''));
  const [c, list] = await load(() =>
    Promise.all([
      ctx.services.campaigns.get(ctx.caller, id),
      ctx.services.campaigns.listOrganizations(ctx.caller, id, q),
    ]),
  );
  return {
    csrf: ctx.csrfToken,
    canEdit: can(ctx.caller, 'campaign.edit') && list.editable,
    filter: q,
    campaign: { id: c.id, title: c.title, year: c.year },
    municipalities: list.municipalities,
    rows: list.rows.map((r) => ({
      id: r.organizationId,
      name: r.shortName,
      inn: r.inn,
      municipality: r.municipalityName,
      kind: r.kind,
      lastAssessedYear: r.lastAssessedYear,
      mandatory: r.mandatory,
      overdue: r.overdue,
      reason: r.reason,
      status: r.status,
    })),
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireUser(context, request);
  const id = Number(params.id);
  const form = formFields(await request.formData());
  const svc = ctx.services.campaigns;
  try {
    if (form.intent === 'propose') await svc.proposeList(ctx.caller, id);
    else if (form.intent === 'add') await svc.addOrganization(ctx.caller, id, form);
    else if (form.intent === 'exclude')
      await svc.excludeOrganization(ctx.caller, id, Number(form.organizationId), form);
    const back = new URL(request.url);
    return redirect(`/campaigns/${id}/list${back.search}`);
  } catch (e) {
    return failure(e);
  }
}

function Marks({ r }: { r: { mandatory: boolean; overdue: boolean; status: string } }) {
  return (
    <Group gap={4}>
      {r.mandatory && (
        <Badge
          tt="none"
          h="auto"
          styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
          color={r.status === 'excluded' ? 'red' : 'orange'}
          variant="light"
        >
          {r.status === 'excluded' ? 'Обязательная, исключена' : 'Обязательная'}
        </Badge>
      )}
      {r.overdue && (
        <Badge
          tt="none"
          h="auto"
          styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
          color="red"
        >
          Просрочена
        </Badge>
      )}
    </Group>
  );
}

export default function CampaignOrganizations() {
  const { campaign, rows, municipalities, filter, csrf, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <PageShell>
      <Stack gap="lg">
        <CampaignNav id={campaign.id} />
        <Title order={1}>Перечень организаций: {campaign.title}</Title>
        <ErrorSummary failure={result} />
        {canEdit && (
          <Group align="flex-end" gap="lg">
            <Form method="post">
              <Csrf token={csrf} />
              <Button type="submit" name="intent" value="propose">
                Сформировать предложение
              </Button>
            </Form>
            <Form method="post" aria-labelledby="add-title">
              <Csrf token={csrf} />
              <Group align="flex-end" gap="xs">
                <Text id="add-title" fw={600} w="100%">
                  Добавить организацию
                </Text>
                <TextInput name="query" label="ИНН или код" required error={result?.fields.query} />
                <TextInput name="comment" label="Комментарий" />
                <Button type="submit" name="intent" value="add" variant="light">
                  Добавить
                </Button>
              </Group>
            </Form>
          </Group>
        )}
        <Form method="get" role="search" aria-label="Фильтры перечня">
          <Group align="flex-end" gap="xs">
            <NativeSelect
              name="municipalityId"
              label="Муниципалитет"
              defaultValue={filter.municipalityId ?? ''}
              data={[
                { value: '', label: 'Все' },
                ...municipalities.map((m) => ({ value: String(m.id), label: m.name })),
              ]}
            />
            <NativeSelect
              name="kind"
              label="Вид организации"
              defaultValue={filter.kind ?? ''}
              data={[
                { value: '', label: 'Все' },
                ...Object.entries(ORGANIZATION_KIND_TITLES).map(([value, label]) => ({
                  value,
                  label,
                })),
              ]}
            />
            <NativeSelect
              name="status"
              label="Статус в перечне"
              defaultValue={filter.status ?? ''}
              data={[
                { value: '', label: 'Все' },
                ...Object.entries(CAMPAIGN_ORGANIZATION_STATUS_TITLES).map(([value, label]) => ({
                  value,
                  label,
                })),
              ]}
            />
            <Button type="submit" variant="default">
              Показать
            </Button>
          </Group>
        </Form>
        {rows.length === 0 ? (
          <Text>
            В перечне нет организаций{Object.keys(filter).length ? ' с такими условиями' : ''}.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={960}>
            <Table striped withTableBorder>
              <Table.Caption>
                {rows.length} организаций: сначала обязательные к оценке в {campaign.year} году
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Организация</Table.Th>
                  <Table.Th scope="col">Муниципалитет</Table.Th>
                  <Table.Th scope="col">Вид</Table.Th>
                  <Table.Th scope="col">Последняя оценка</Table.Th>
                  <Table.Th scope="col">Отметки</Table.Th>
                  <Table.Th scope="col">Основание</Table.Th>
                  <Table.Th scope="col">Статус</Table.Th>
                  {canEdit && <Table.Th scope="col">Исключить</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Th scope="row">
                      {r.name}
                      <Text size="xs" c="dimmed">
                        ИНН {r.inn}
                      </Text>
                    </Table.Th>
                    <Table.Td>{r.municipality}</Table.Td>
                    <Table.Td>{ORGANIZATION_KIND_TITLES[r.kind]}</Table.Td>
                    <Table.Td>{r.lastAssessedYear ?? 'не оценивалась'}</Table.Td>
                    <Table.Td>
                      <Marks r={r} />
                    </Table.Td>
                    <Table.Td>{r.reason}</Table.Td>
                    <Table.Td>{CAMPAIGN_ORGANIZATION_STATUS_TITLES[r.status]}</Table.Td>
                    {canEdit && (
                      <Table.Td>
                        {r.status !== 'excluded' && (
                          <Form method="post">
                            <Csrf token={csrf} />
                            <input type="hidden" name="organizationId" value={r.id} />
                            <Stack gap={4} miw={160}>
                              <TextInput
                                name="reason"
                                size="xs"
                                aria-label={`Причина исключения: ${r.name}`}
                                placeholder={r.mandatory ? 'Причина (обязательно)' : 'Причина'}
                                required={r.mandatory}
                              />
                              <Button
                                type="submit"
                                name="intent"
                                value="exclude"
                                size="xs"
                                variant="outline"
                                color="red"
                              >
                                Исключить
                              </Button>
                            </Stack>
                          </Form>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="sm">
          <Anchor href={`/campaigns/${campaign.id}/approve`}>
            Утверждение перечня общественным советом
          </Anchor>
        </Text>
      </Stack>
    </PageShell>
  );
}
