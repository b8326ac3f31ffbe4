// /campaigns/:id/stages — planned dates of the stages (end not before start, messages name the stage).
import { Button, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, redirect, useActionData, useLoaderData } from 'react-router';
import { PageShell } from '../../components/page-shell.tsx';
import { failure, load, requireUser } from './campaigns.server.ts';
import { requirePermission } from '../../auth.server.ts';
import { CampaignNav, Csrf, ErrorSummary } from './ui.tsx';

export const meta: MetaFunction = () => [{ title: 'Этапы кампании — noko' }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'campaign.edit');
  const c = await load(() => ctx.services.campaigns.get(ctx.caller, Number(params.id)));
  return {
    csrf: ctx.csrfToken,
    campaign: { id: c.id, title: c.title },
    stages: c.stages.map((s) => ({
      key: s.key,
      title: s.title,
      start: s.plannedStart,
      end: s.plannedEnd,
    })),
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireUser(context, request);
  const id = Number(params.id);
  const form = await request.formData();
  const keys = form.getAll('key').map(String);
  const stages = keys.map((key) => ({
    key,
    plannedStart: String(form.get(`start.${key}`) ?? ''),
    plannedEnd: String(form.get(`end.${key}`) ?? ''),
  }));
  try {
    await ctx.services.campaigns.setStageDates(ctx.caller, id, { stages });
    return redirect(`/campaigns/${id}`);
  } catch (e) {
    return failure(e);
  }
}

export default function Stages() {
  const { campaign, stages, csrf } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const err = (i: number, field: 'plannedStart' | 'plannedEnd') =>
    result?.fields[`stages.${i}.${field}`] ?? result?.fields[`stages[${i}].${field}`];
  return (
    <PageShell>
      <Stack gap="lg">
        <CampaignNav id={campaign.id} />
        <Title order={1} id="stages-title">
          Этапы: {campaign.title}
        </Title>
        <Form method="post" noValidate aria-labelledby="stages-title">
          <Stack gap="md">
            <ErrorSummary failure={result} />
            <Csrf token={csrf} />
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Этап</Table.Th>
                  <Table.Th scope="col">Начало</Table.Th>
                  <Table.Th scope="col">Окончание</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stages.map((s, i) => (
                  <Table.Tr key={s.key}>
                    <Table.Th scope="row">
                      {s.title}
                      <input type="hidden" name="key" value={s.key} />
                    </Table.Th>
                    <Table.Td>
                      <TextInput
                        type="date"
                        name={`start.${s.key}`}
                        aria-label={`Начало: ${s.title}`}
                        defaultValue={s.start ?? ''}
                        required
                        error={err(i, 'plannedStart')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        type="date"
                        name={`end.${s.key}`}
                        aria-label={`Окончание: ${s.title}`}
                        defaultValue={s.end ?? ''}
                        required
                        error={err(i, 'plannedEnd')}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group>
              <Button type="submit">Сохранить даты</Button>
            </Group>
          </Stack>
        </Form>
      </Stack>
    </PageShell>
  );
}
