// A campaign's stages as an ordered list: dates, and the state in words («Просрочен») next to a
// coloured marker, so lateness does not depend on colour. Feed it stages with `stageState` already
// applied (src/domain/campaigns/stages.ts) — the page bundle has no clock of its own.
import { Box, Group, List, Text, ThemeIcon } from '@mantine/core';
import type { StageState } from '../../domain/campaigns/stages.ts';
import { formatDate } from './format.ts';
import { StatusBadge, type Tone } from './status-badge.tsx';

export interface TimelineStage {
  key: string;
  title: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  /** Null when the stage has no dates yet. */
  state: StageState | null;
  /** Local date (YYYY-MM-DD) the stage was marked done. */
  completedAt?: string | null;
}

export const STAGE_STATE_WORDS: Record<StageState, string> = {
  done: 'Выполнен',
  done_late: 'Выполнен с опозданием',
  active: 'Идёт',
  late: 'Просрочен',
  upcoming: 'Впереди',
};

const TONES: Record<StageState, Tone> = {
  done: 'ok',
  done_late: 'warning',
  active: 'info',
  late: 'danger',
  upcoming: 'neutral',
};

const MARKS: Record<StageState, string> = {
  done: '✓',
  done_late: '✓',
  active: '●',
  late: '!',
  upcoming: '○',
};

export function StageTimeline({
  stages,
  label,
}: {
  stages: readonly TimelineStage[];
  label: string;
}) {
  if (stages.length === 0) return <Text>Этапы ещё не запланированы.</Text>;
  return (
    <List component="ol" listStyleType="none" spacing="sm" aria-label={label} className="timeline">
      {stages.map((s, i) => (
        <List.Item key={s.key} className={s.state === 'late' ? 'timeline-late' : undefined}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon
              aria-hidden
              radius="xl"
              size="md"
              variant="filled"
              color={s.state ? colorOf(TONES[s.state]) : 'gray'}
            >
              {s.state ? MARKS[s.state] : i + 1}
            </ThemeIcon>
            <Box>
              <Text fw={600}>{s.title}</Text>
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {s.plannedStart && s.plannedEnd
                    ? `${formatDate(s.plannedStart)} — ${formatDate(s.plannedEnd)}`
                    : 'даты не заданы'}
                  {s.completedAt ? `, выполнен ${formatDate(s.completedAt)}` : ''}
                </Text>
                {s.state && (
                  <StatusBadge tone={TONES[s.state]}>{STAGE_STATE_WORDS[s.state]}</StatusBadge>
                )}
              </Group>
            </Box>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

function colorOf(tone: Tone): string {
  // Icon colours at 4.5:1 or more on white (WCAG 1.4.11 asks 3:1 for graphics; text shares them).
  return { ok: '#1f6f32', warning: '#a63c06', danger: 'red.9', info: 'blue.8', neutral: 'gray.7' }[
    tone
  ];
}
