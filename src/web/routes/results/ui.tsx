// Pieces shared by the results pages: numbers with two decimals and a comma, bands and flags in
// words (colour only helps), the description of a run.
import { Anchor, Group, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import {
  RESULT_FLAG_TITLES,
  RESULT_RUN_STATUS_TITLES,
  type ResultRun,
} from '../../../features/results/results.schema.ts';
import { formatDateTime } from '../../components/format.ts';
import { StatusBadge, type Tone } from '../../components/status-badge.tsx';

/** 84.4 → «84,40»; null → «—» (not applicable / insufficient data). */
export function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(2).replace('.', ',');
}

const BAND_TONES: Record<string, Tone> = {
  отлично: 'ok',
  хорошо: 'ok',
  удовлетворительно: 'info',
  неудовлетворительно: 'warning',
  плохо: 'danger',
};

export function BandBadge({ band }: { band: string | null }) {
  if (!band) return <Text size="sm">нет данных</Text>;
  return <StatusBadge tone={BAND_TONES[band] ?? 'neutral'}>{band}</StatusBadge>;
}

/** The flags in words; the two that keep an organization out of ratings come first, in bold. */
export function Flags({ flags }: { flags: readonly string[] | undefined }) {
  if (!flags || flags.length === 0) return null;
  const strong = new Set(['insufficient_data', 'below_sample']);
  const sorted = [...flags].sort((a, b) => Number(strong.has(b)) - Number(strong.has(a)));
  return (
    <List size="xs" spacing={0} listStyleType="none">
      {sorted.map((f) => (
        <List.Item key={f} fw={strong.has(f) ? 700 : 400} c={strong.has(f) ? '#a63c06' : undefined}>
          {RESULT_FLAG_TITLES[f] ?? f}
        </List.Item>
      ))}
    </List>
  );
}

/** «Версия 2 — утверждён советом (Решение … № 4 от 12.11.2026)». */
export function runTitle(run: ResultRun): string {
  const basis = run.frozenBasis ? ` (${run.frozenBasis})` : '';
  return `Версия ${run.version} — ${RESULT_RUN_STATUS_TITLES[run.status]}${basis}`;
}

export function RunFacts({ run }: { run: ResultRun }) {
  return (
    <Text size="sm" c="dimmed">
      Рассчитана {formatDateTime(run.computedAt)}
      {run.computedBy ? ` (${run.computedBy})` : ''}
      {run.frozenAt ? `, утверждена ${formatDateTime(run.frozenAt)}` : ''}. Контрольная сумма
      данных: <code>{run.inputsDigest.slice(0, 12)}</code>
    </Text>
  );
}

export function ResultsNav({ id }: { id: number }) {
  return (
    <Group component="nav" aria-label="Разделы кампании" gap="md">
      <Anchor component={Link} to={`/campaigns/${id}`}>
        Карточка кампании
      </Anchor>
      <Anchor component={Link} to={`/campaigns/${id}/results`}>
        Результаты
      </Anchor>
    </Group>
  );
}
