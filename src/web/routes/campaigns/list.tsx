// /campaigns — every campaign with its status and the size of its list.
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Link, useLoaderData } from 'react-router';
import { CAMPAIGN_STATUS_TITLES } from '../../../domain/campaigns/workflow.ts';
import { can } from '../../../domain/permissions/permissions.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { load, requireUser } from './campaigns.server.ts';

export const meta: MetaFunction = () => [{ title: 'Кампании — noko' }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request);
  const campaigns = await load(() => ctx.services.campaigns.list(ctx.caller));
  return {
    canCreate: can(ctx.caller, 'campaign.create'),
    campaigns: campaigns.map((c) => ({
      id: c.id,
      title: c.title,
      year: c.year,
      status: c.status,
      counts: c.counts,
    })),
  };
}

export default function CampaignsList() {
  const { campaigns, canCreate } = useLoaderData<typeof loader>();
  return (
    <PageShell>
      <Stack gap="lg">
        <Group justify="space-between">
          <Title order={1}>Кампании оценки</Title>
          {canCreate && (
            <Button component={Link} to="/campaigns/new">
              Новая кампания
            </Button>
          )}
        </Group>
        {campaigns.length === 0 ? (
          <Text>Кампаний пока нет.</Text>
        ) : (
          <Table striped withTableBorder>
            <Table.Caption>Кампании, новые сначала</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Кампания</Table.Th>
                <Table.Th scope="col">Год</Table.Th>
                <Table.Th scope="col">Статус</Table.Th>
                <Table.Th scope="col">Включено</Table.Th>
                <Table.Th scope="col">Предложено</Table.Th>
                <Table.Th scope="col">Исключено</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {campaigns.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/campaigns/${c.id}`}>
                      {c.title}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{c.year}</Table.Td>
                  <Table.Td>{CAMPAIGN_STATUS_TITLES[c.status]}</Table.Td>
                  <Table.Td>{c.counts.included}</Table.Td>
                  <Table.Td>{c.counts.proposed}</Table.Td>
                  <Table.Td>{c.counts.excluded}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </PageShell>
  );
}
