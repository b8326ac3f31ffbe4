// Pieces shared by the monitoring pages: the sub-navigation, Russian words for statuses, kinds and
// channels, the compliance figure and a run's progress. Pure presentation.
import { Anchor, Group, List, Progress, Stack, Text } from '@mantine/core';
import type { TitledDiff } from '../../../features/monitor/monitor.service.ts';
import { Link, NavLink, data } from 'react-router';
import { StatusBadge, type Tone } from '../../components/status-badge.tsx';

export function MonitorNav() {
  return (
    <Group component="nav" aria-label="Мониторинг сайтов" gap="md">
      <Anchor component={NavLink} to="/monitor" end>
        Свод и рейтинг
      </Anchor>
    </Group>
  );
}

/** A positive integer route parameter, or the 404 page. */
export function idParam(value: string | undefined, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1)
    throw data({ message: `${what} не найдена` }, { status: 404 });
  return n;
}

export const KIND_WORDS: Record<string, string> = {
  preschool: 'дошкольная',
  school: 'общеобразовательная',
  vocational: 'профессиональная (СПО)',
  additional: 'дополнительного образования',
};

export const ITEM_WORDS: Record<string, string> = {
  found: 'есть',
  placeholder: 'есть (запись «отсутствует»)',
  missing: 'нет',
  hidden: 'скрыто от посетителей',
  outside_parent: 'вне своего контейнера',
  nonstandard: 'нестандартная разметка',
};

export const itemWord = (s: string | null) =>
  s === null ? 'не проверялось' : (ITEM_WORDS[s] ?? s);

export const SECTION_WORDS: Record<string, string> = {
  found: 'найден',
  missing: 'не найден',
  error: 'не открылся',
};

export const CHANNEL_WORDS: Record<string, string> = {
  telephone: 'телефон',
  email: 'электронная почта',
  e_service: 'электронные сервисы (форма обращения)',
  faq: 'раздел «Часто задаваемые вопросы»',
  quality_opinion: 'анкета или ссылка для оценки качества условий',
  other: 'иной дистанционный способ',
};

const RUN_WORDS: Record<string, [string, Tone]> = {
  queued: ['В очереди', 'neutral'],
  running: ['Идёт проверка', 'info'],
  done: ['Завершён', 'ok'],
  failed: ['Не выполнен', 'danger'],
};

export function RunStatus({ status }: { status: string }) {
  const [word, tone] = RUN_WORDS[status] ?? [status, 'neutral'];
  return <StatusBadge tone={tone}>{word}</StatusBadge>;
}

export const TRIGGER_WORDS: Record<string, string> = {
  schedule: 'по расписанию',
  manual: 'вручную',
};

/** «93 из 94 (98,9 %)» */
export function shareText(present: number, required: number): string {
  if (required === 0) return '—';
  const pct = ((present / required) * 100).toFixed(1).replace('.', ',');
  return `${present} из ${required} (${pct} %)`;
}

export function percent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1).replace('.', ',')} %`;
}

const TONE_COLORS: Record<Tone, string> = {
  ok: 'green.9',
  warning: 'orange.9',
  danger: 'red.9',
  info: 'blue.8',
  neutral: 'gray.7',
};

/** «93 из 94 (98,9 %)» or why the site was not checked; words carry the meaning, colour helps. */
export function CheckResult(c: {
  status: string;
  present: number;
  required: number;
  errorReason: string | null;
}) {
  if (c.status !== 'ok') {
    return (
      <Text span fw={600} c={TONE_COLORS.danger}>
        Сайт не проверен: {c.errorReason ?? 'ошибка'}
      </Text>
    );
  }
  const tone: Tone =
    c.present === c.required ? 'ok' : c.present / c.required >= 0.8 ? 'warning' : 'danger';
  return (
    <Text span fw={600} c={TONE_COLORS[tone]}>
      {shareText(c.present, c.required)}
    </Text>
  );
}

export function RunProgress(r: { total: number; done: number; errors: number; status: string }) {
  const value =
    r.total === 0 ? (r.status === 'done' ? 100 : 0) : Math.round((r.done / r.total) * 100);
  const label = `Проверено ${r.done} из ${r.total}, с ошибкой ${r.errors}`;
  return (
    <div>
      <Progress value={value} aria-label={label} size="lg" />
      <Text size="sm">{label}</Text>
    </div>
  );
}

export function RunLink({ id, children }: { id: number; children: React.ReactNode }) {
  return (
    <Anchor component={Link} to={`/monitor/runs/${id}`}>
      {children}
    </Anchor>
  );
}

/** What appeared, disappeared and changed since the previous successful check. */
export function Changes({ diff }: { diff: TitledDiff }) {
  const groups: Array<[string, TitledDiff['appeared']]> = [
    ['Появилось', diff.appeared],
    ['Пропало', diff.disappeared],
    ['Изменилось', diff.changed],
  ];
  const channels = [
    ...diff.channelsAppeared.map((c) => `появился способ связи: ${CHANNEL_WORDS[c] ?? c}`),
    ...diff.channelsDisappeared.map((c) => `пропал способ связи: ${CHANNEL_WORDS[c] ?? c}`),
  ];
  if (groups.every(([, l]) => l.length === 0) && channels.length === 0)
    return <Text size="sm">Без изменений.</Text>;
  return (
    <Stack gap={4}>
      {groups.map(([title, list]) =>
        list.length === 0 ? null : (
          <div key={title}>
            <Text size="sm" fw={600}>
              {title} ({list.length}):
            </Text>
            <List size="sm">
              {list.map((c) => (
                <List.Item key={c.key}>
                  {c.title} ({c.itemprop ?? c.key}): {itemWord(c.from)} → {itemWord(c.to)}
                </List.Item>
              ))}
            </List>
          </div>
        ),
      )}
      {channels.length > 0 && (
        <List size="sm">
          {channels.map((c) => (
            <List.Item key={c}>{c}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
