// Letters after a scheduled run: each organization gets what to fix on its site (missing items
// with the legal basis, how to fix and the markup to use) and each founder a summary of its
// organizations. Recorded through the mail service (outbox first, then SMTP); a retried job skips
// letters already recorded, so nobody gets a letter twice.
import type { MonitorCheck } from '../../db/schema/index.ts';
import type { ServiceDeps } from '../context.ts';
import { createMailService } from '../mail/mail.service.ts';
import { checkIssues, itemStatusWord, type Issue } from './monitor.advice.ts';
import { diffChecks } from './monitor.diff.ts';
import {
  checksOfOrganization,
  checksOfRun,
  getRun,
  markNotified,
  organizationInfo,
  recordedLetters,
  type OrganizationInfo,
} from './monitor.repo.ts';

/** Items listed in one letter; the rest are on the report page it links to. */
export const LETTER_MAX_ITEMS = 40;

const moscow = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

export function percentText(present: number, required: number): string {
  if (required === 0) return '—';
  return `${((present / required) * 100).toFixed(1).replace('.', ',')} %`;
}

/** Russian plural: 1 замечание, 2 замечания, 5 замечаний. */
export function plural(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const dd = n % 100;
  if (d === 1 && dd !== 11) return one;
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return few;
  return many;
}

export interface Letter {
  to: string;
  subject: string;
  text: string;
}

function issueLines(issues: readonly Issue[]): string[] {
  const out: string[] = [];
  issues.slice(0, LETTER_MAX_ITEMS).forEach((i, n) => {
    out.push(`${n + 1}. ${i.title} — ${itemStatusWord(i.status)}`);
    out.push(`   Где: ${i.path}${i.itemprop ? `, itemprop="${i.itemprop}"` : ''}`);
    if (i.legalBasis) out.push(`   Основание: ${i.legalBasis}`);
    out.push(`   Как исправить: ${i.howTo}`);
    if (i.example) {
      out.push('   Пример разметки:');
      for (const line of i.example.split('\n')) out.push(`     ${line}`);
    }
    out.push('');
  });
  if (issues.length > LETTER_MAX_ITEMS) {
    out.push(`…и ещё ${issues.length - LETTER_MAX_ITEMS} — см. полный отчёт по ссылке ниже.`, '');
  }
  return out;
}

/** The letter to an organization about its check (`previous`: the last successful one before). */
export function organizationLetter(
  info: OrganizationInfo,
  check: MonitorCheck,
  previous: MonitorCheck | null,
  publicUrl: string,
): Omit<Letter, 'to'> {
  const o = info.organization;
  const date = moscow.format(check.checkedAt);
  const report = `${publicUrl}/monitor/checks/${check.id}`;
  const lines = [
    'Здравствуйте!',
    '',
    `Ежемесячный мониторинг официального сайта ${o.shortName} (${check.url || 'адрес не указан'}) ` +
      `от ${date} по требованиям приказа Рособрнадзора № 1493 (версия требований ${check.rulesetVersion}).`,
    '',
  ];
  let subject: string;
  if (check.status === 'error') {
    subject = `Мониторинг сайта: сайт не удалось проверить — ${o.shortName}`;
    lines.push(
      `Сайт не удалось проверить: ${check.errorReason ?? 'причина неизвестна'}.`,
      'Убедитесь, что сайт открывается без входа и отвечает быстрее 30 секунд, а адрес в реестре верный.',
      '',
    );
  } else {
    const issues = checkIssues(check);
    subject =
      issues.length === 0
        ? `Мониторинг сайта: замечаний нет — ${o.shortName}`
        : `Мониторинг сайта: ${issues.length} ${plural(issues.length, 'замечание', 'замечания', 'замечаний')} — ${o.shortName}`;
    lines.push(
      `Размещено обязательных сведений: ${check.present} из ${check.required} (${percentText(check.present, check.required)}).`,
      '',
    );
    if (issues.length === 0) lines.push('Все обязательные сведения размещены. Спасибо!', '');
    else lines.push(`Что нужно исправить (${issues.length}):`, '', ...issueLines(issues));
    if (previous) {
      const d = diffChecks(previous, check);
      lines.push(
        `С проверки ${moscow.format(previous.checkedAt)}: появилось ${d.appeared.length}, ` +
          `пропало ${d.disappeared.length}, изменилось ${d.changed.length}.`,
        '',
      );
    }
  }
  lines.push(`Подробный отчёт: ${report}`, '', 'Письмо отправлено автоматически системой noko.');
  return { subject, text: `${lines.join('\n')}\n` };
}

/** The founder's summary: its organizations, weakest first. */
export function founderLetter(
  founderName: string,
  rows: readonly { info: OrganizationInfo; check: MonitorCheck }[],
  publicUrl: string,
): Omit<Letter, 'to'> {
  const share = (c: MonitorCheck) =>
    c.status === 'error' || c.required === 0 ? -1 : c.present / c.required;
  const sorted = [...rows].sort((a, b) => share(a.check) - share(b.check));
  const date = rows[0] ? moscow.format(rows[0].check.checkedAt) : '';
  const lines = [
    'Здравствуйте!',
    '',
    `Результаты ежемесячного мониторинга официальных сайтов организаций учредителя «${founderName}» от ${date}.`,
    '',
  ];
  for (const { info, check } of sorted) {
    const o = info.organization;
    const state =
      check.status === 'error'
        ? `сайт не удалось проверить (${check.errorReason ?? 'причина неизвестна'})`
        : `${check.present} из ${check.required} (${percentText(check.present, check.required)}), замечаний: ${checkIssues(check).length}`;
    lines.push(`• ${o.shortName}: ${state}`);
    lines.push(`  ${publicUrl}/monitor/checks/${check.id}`);
  }
  lines.push('', 'Письмо отправлено автоматически системой noko.');
  return {
    subject: `Мониторинг сайтов подведомственных организаций: ${rows.length} ${plural(rows.length, 'организация', 'организации', 'организаций')}`,
    text: `${lines.join('\n')}\n`,
  };
}

const validEmail = (v: string | null | undefined): v is string =>
  typeof v === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim());

/** Sends the letters of a finished run; returns how many were recorded now. */
export async function sendRunLetters(deps: ServiceDeps, runId: number): Promise<number> {
  const run = await getRun(deps.db, runId);
  if (!run || run.status !== 'done') return 0;
  const mail = createMailService(deps);
  const checks = await checksOfRun(deps.db, runId);
  const infos = new Map(
    (
      await organizationInfo(
        deps.db,
        checks.map((c) => c.organizationId),
      )
    ).map((i) => [i.organization.id, i]),
  );
  const ids = checks.map((c) => String(c.id));
  const done = await recordedLetters(deps.db, 'monitor_check', ids);
  let sent = 0;
  const byFounder = new Map<number, { info: OrganizationInfo; check: MonitorCheck }[]>();
  for (const check of checks) {
    const info = infos.get(check.organizationId);
    if (!info) continue;
    const founderId = info.organization.founderId;
    if (founderId !== null)
      byFounder.set(founderId, [...(byFounder.get(founderId) ?? []), { info, check }]);
    const to = info.organization.email?.trim();
    if (!validEmail(to) || done.has(`${check.id}|${to}`)) continue;
    const history = await checksOfOrganization(deps.db, check.organizationId);
    const previous =
      history.filter((c) => c.status === 'ok' && c.checkedAt < check.checkedAt).at(-1) ?? null;
    const letter = organizationLetter(info, check, previous, deps.config.publicUrl);
    await mail.send(undefined, {
      to,
      ...letter,
      relatedType: 'monitor_check',
      relatedId: check.id,
    });
    sent++;
  }
  const founderKeys = [...byFounder.keys()].map((f) => `${runId}:${f}`);
  const founderDone = await recordedLetters(deps.db, 'monitor_run_founder', founderKeys);
  for (const [founderId, rows] of byFounder) {
    const first = rows[0]!.info;
    const to = first.founderEmail?.trim();
    const key = `${runId}:${founderId}`;
    if (!validEmail(to) || founderDone.has(`${key}|${to}`)) continue;
    const letter = founderLetter(first.founderName ?? '', rows, deps.config.publicUrl);
    await mail.send(undefined, {
      to,
      ...letter,
      relatedType: 'monitor_run_founder',
      relatedId: key,
    });
    sent++;
  }
  await markNotified(deps.db, runId, deps.now());
  return sent;
}
