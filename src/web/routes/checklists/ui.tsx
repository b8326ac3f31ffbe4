// Pieces shared by the checklist pages: the header with the organization and status, and the
// status badge.
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import {
  CHECKLIST_STATUS_TITLES,
  type ChecklistListStatus,
} from '../../../domain/checklists/workflow.ts';
import { ORGANIZATION_KIND_TITLES } from '../../../features/campaigns/campaigns.schema.ts';
import type { ChecklistView } from '../../../features/checklists/checklists.schema.ts';
import { StatusBadge, type Tone } from '../../components/status-badge.tsx';

const TONES: Record<ChecklistListStatus, Tone> = {
  not_started: 'neutral',
  draft: 'neutral',
  self_reported: 'info',
  in_review: 'warning',
  confirmed: 'ok',
};

export function ChecklistStatus({ status }: { status: ChecklistListStatus }) {
  return <StatusBadge tone={TONES[status]}>{CHECKLIST_STATUS_TITLES[status]}</StatusBadge>;
}

export function kindTitle(kind: string): string {
  return ORGANIZATION_KIND_TITLES[kind as keyof typeof ORGANIZATION_KIND_TITLES] ?? kind;
}

export function ChecklistHeader(props: {
  view: ChecklistView;
  heading: string;
  links: { to: string; label: string }[];
}) {
  const { view } = props;
  return (
    <Stack gap="xs">
      <Group component="nav" aria-label="Чек-лист" gap="md">
        {props.links.map((l) => (
          <Anchor key={l.to} component={Link} to={l.to}>
            {l.label}
          </Anchor>
        ))}
      </Group>
      <Title order={1} size="h2">
        {props.heading}: {view.organization.shortName}
      </Title>
      <Group gap="sm">
        <ChecklistStatus status={view.status} />
        <Text size="sm" c="gray.7">
          {kindTitle(view.organization.kind)}, {view.organization.municipalityName} · кампания «
          {view.campaign.title}»
        </Text>
      </Group>
    </Stack>
  );
}
