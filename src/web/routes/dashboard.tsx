// /dashboard — what needs the signed-in user's action now, by role (services.dashboard). Every
// number links to the page where the work is done; the current campaign's stages are a list with
// late ones marked in words.
import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Link, useLoaderData } from 'react-router';
import type {
  Dashboard,
  DashboardSection,
  StageRef,
} from '../../features/dashboard/dashboard.schema.ts';
import { CAMPAIGN_ROW_STATUS_WORDS } from '../../features/dashboard/dashboard.schema.ts';
import { DataTable } from '../components/data-table.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { PageShell } from '../components/page-shell.tsx';
import { StageTimeline, STAGE_STATE_WORDS } from '../components/stage-timeline.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { actionWords, entityWords } from '../../features/dashboard/audit.schema.ts';
import { load, requireUser } from './admin/admin.server.ts';

export const meta: MetaFunction = () => [{ title: 'Панель — noko' }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request);
  const dashboard: Dashboard = await load(() => ctx.services.dashboard.forCaller(ctx.caller));
  return { dashboard, name: ctx.user?.fullName ?? '' };
}

function Section({ section }: { section: DashboardSection }) {
  return (
    <Card withBorder component="section" aria-labelledby={`section-${section.key}`}>
      <Title order={2} size="h3" id={`section-${section.key}`} mb="sm">
        {section.title}
      </Title>
      {section.counts.length === 0 ? (
        <Text>Сейчас ничего не требуется.</Text>
      ) : (
        <List listStyleType="none" spacing="xs">
          {section.counts.map((c) => (
            <List.Item key={c.key}>
              <Group gap="sm" wrap="nowrap" justify="space-between">
                <Anchor component={Link} to={c.href}>
                  {c.label}
                </Anchor>
                <StatusBadge tone={c.tone}>{c.count}</StatusBadge>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

function StageList({ stages, title, id }: { stages: StageRef[]; title: string; id: string }) {
  if (stages.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      <List spacing="xs">
        {stages.map((s) => (
          <List.Item key={`${s.campaignId}-${s.key}`}>
            <Anchor component={Link} to={s.href}>
              {s.campaignTitle}: {s.title}
            </Anchor>{' '}
            — {formatDate(s.plannedStart)}–{formatDate(s.plannedEnd)},{' '}
            <strong>{STAGE_STATE_WORDS[s.state].toLowerCase()}</strong>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

export default function DashboardPage() {
  const { dashboard: d, name } = useLoaderData<typeof loader>();
  return (
    <PageShell>
      <Stack gap="xl">
        <Stack gap={4}>
          <Title order={1}>Панель</Title>
          <Text c="dimmed">
            {name}, {d.roleTitle.toLowerCase()}. Сегодня {formatDate(d.today)}.
          </Text>
        </Stack>

        {d.sections.length > 0 && (
          <SimpleGrid cols={{ base: 1, md: Math.min(d.sections.length, 3) }}>
            {d.sections.map((s) => (
              <Section key={s.key} section={s} />
            ))}
          </SimpleGrid>
        )}

        {d.role === 'organization' && <OrganizationPart d={d} />}

        <StageList stages={d.lateStages} title="Просроченные этапы" id="late-stages" />
        <StageList
          stages={d.councilStages}
          title="Рассмотрение результатов советом"
          id="council-stages"
        />

        {d.campaign ? (
          <Stack gap="sm" component="section" aria-labelledby="timeline-title">
            <Title order={2} size="h3" id="timeline-title">
              Этапы кампании «{d.campaign.title}»
            </Title>
            <Group gap="sm">
              <Badge variant="outline" tt="none">
                {d.campaign.statusTitle}
              </Badge>
              <Text size="sm">
                В перечне: {d.campaign.included}, предложено: {d.campaign.proposed}.{' '}
                <Anchor component={Link} to={d.campaign.href}>
                  Карточка кампании
                </Anchor>
              </Text>
            </Group>
            <StageTimeline
              stages={d.campaign.stages}
              label={`Этапы кампании «${d.campaign.title}»`}
            />
          </Stack>
        ) : (
          <Text>Открытых кампаний сейчас нет.</Text>
        )}

        {d.overdueByMunicipality.length > 0 && (
          <Stack gap="sm" component="section" aria-labelledby="frequency-title">
            <Title order={2} size="h3" id="frequency-title">
              Периодичность оценки по муниципалитетам, {d.referenceYear} год
            </Title>
            <DataTable
              caption="Организации, которым оценка нужна в этом году, по муниципалитетам"
              hideCaption
              columns={[
                {
                  key: 'name',
                  header: 'Муниципалитет',
                  cell: (m) => (
                    <Anchor component={Link} to={m.href}>
                      {m.name}
                    </Anchor>
                  ),
                },
                { key: 'orgs', header: 'Организаций', numeric: true, cell: (m) => m.organizations },
                {
                  key: 'must',
                  header: `Нужна оценка в ${d.referenceYear}`,
                  numeric: true,
                  cell: (m) => m.mustThisYear,
                },
                { key: 'overdue', header: 'Срок пропущен', numeric: true, cell: (m) => m.overdue },
                {
                  key: 'never',
                  header: 'Не оценивались',
                  numeric: true,
                  cell: (m) => m.neverAssessed,
                },
              ]}
              rows={d.overdueByMunicipality}
              rowKey={(m) => m.municipalityId}
            />
          </Stack>
        )}

        {d.recentAudit.length > 0 && (
          <Stack gap="sm" component="section" aria-labelledby="audit-title">
            <Group justify="space-between">
              <Title order={2} size="h3" id="audit-title">
                Последние изменения
              </Title>
              <Anchor component={Link} to="/admin/audit">
                Весь журнал аудита
              </Anchor>
            </Group>
            <DataTable
              caption="Последние записи журнала аудита"
              hideCaption
              columns={[
                {
                  key: 'at',
                  header: 'Время (МСК)',
                  cell: (e) => (
                    <Anchor component={Link} to={`/admin/audit/${e.id}`}>
                      {formatDateTime(e.at)}
                    </Anchor>
                  ),
                },
                { key: 'actor', header: 'Кто', cell: (e) => e.actorLabel },
                { key: 'action', header: 'Действие', cell: (e) => actionWords(e.action) },
                {
                  key: 'entity',
                  header: 'Объект',
                  cell: (e) => `${entityWords(e.entityType)} № ${e.entityId}`,
                },
              ]}
              rows={d.recentAudit}
              rowKey={(e) => e.id}
            />
          </Stack>
        )}
      </Stack>
    </PageShell>
  );
}

function OrganizationPart({ d }: { d: Dashboard }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder component="section" aria-labelledby="card-title">
        <Title order={2} size="h3" id="card-title" mb="sm">
          Карточка организации
        </Title>
        {d.missingFields.length === 0 ? (
          <Text>Все нужные для оценки сведения заполнены.</Text>
        ) : (
          <List spacing="xs">
            {d.missingFields.map((f) => (
              <List.Item key={f.key}>{f.label}</List.Item>
            ))}
          </List>
        )}
        {d.cardHref && (
          <Anchor component={Link} to={d.cardHref} mt="sm" display="block">
            Открыть карточку
          </Anchor>
        )}
      </Card>
      <Card withBorder component="section" aria-labelledby="participation-title">
        <Title order={2} size="h3" id="participation-title" mb="sm">
          Участие в оценке
        </Title>
        {d.participation.length === 0 ? (
          <Text>Организация пока не входит ни в один перечень.</Text>
        ) : (
          <List spacing="xs">
            {d.participation.map((p) => (
              <List.Item key={p.campaignId}>
                {p.title} ({p.year}): {CAMPAIGN_ROW_STATUS_WORDS[p.rowStatus]}; этап —{' '}
                {p.statusTitle.toLowerCase()}.
                {p.surveyUrl && (
                  <>
                    {' '}
                    Ссылка на анкету для родителей и обучающихся:{' '}
                    <Anchor component={Link} to={p.surveyUrl}>
                      {p.surveyUrl}
                    </Anchor>
                  </>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Card>
    </SimpleGrid>
  );
}
