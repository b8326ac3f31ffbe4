// The audit log browser's contract (API query and page filters share it), Russian words for the
// log's actions and entity types, and the before/after difference. Pure: the page bundle uses it.
import { z } from 'zod';

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_MAX_PAGE_SIZE = 200;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Не длиннее ${max} символов`)
    .optional()
    .transform((v) => (v === '' ? undefined : v));
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .refine((v) => v === undefined || (DATE.test(v) && !Number.isNaN(Date.parse(v))), {
    message: 'Дата в формате ГГГГ-ММ-ДД',
  });

/** Filters of the audit log: query string of /admin/audit and GET /api/v1/audit. */
export const AuditQuery = z
  .object({
    entityType: optionalText(100),
    entityId: optionalText(100),
    actorUserId: z
      .union([z.literal(''), z.coerce.number().int('Номер пользователя — целое число').positive()])
      .optional()
      .transform((v) => (v === '' ? undefined : v)),
    action: optionalText(100),
    /** First day shown (YYYY-MM-DD, region's local date). */
    from: optionalDate,
    /** Last day shown, inclusive. */
    to: optionalDate,
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(AUDIT_MAX_PAGE_SIZE).default(AUDIT_PAGE_SIZE),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'Дата «по» раньше даты «с»',
    path: ['to'],
  });
export type AuditQuery = z.output<typeof AuditQuery>;

/** UTC instant when the local calendar day `date` begins in `timeZone`. */
export function zonedDayStart(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  const offset = (at: number) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(at));
    const p = (t: string) => Number(parts.find((x) => x.type === t)?.value);
    return Date.UTC(p('year'), p('month') - 1, p('day'), p('hour'), p('minute'), p('second')) - at;
  };
  // Two passes settle days when the offset changes (daylight saving in some zones).
  const first = guess - offset(guess);
  return new Date(guess - offset(first));
}

/** The next calendar day (YYYY-MM-DD). */
export function nextDay(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

const VERBS: Record<string, string> = {
  create: 'создание',
  update: 'изменение',
  delete: 'удаление',
  deactivate: 'закрытие (деактивация)',
  reactivate: 'восстановление',
  import: 'импорт',
  export: 'выгрузка',
  approve: 'утверждение',
  login: 'вход в систему',
  logout: 'выход из системы',
  invite: 'приглашение',
  status: 'смена статуса',
};

/** Known actions in plain Russian; others fall back to the verb after the dot. */
export const ACTION_WORDS: Record<string, string> = {
  demo_seed: 'заполнение демонстрационными данными',
  include_organizations: 'включение организаций',
  'campaign.create': 'создание кампании',
  'campaign.update': 'изменение кампании',
  'campaign.status': 'смена статуса кампании',
  'campaign.stages': 'изменение плана этапов',
  'campaign.stageDone': 'отметка о выполнении этапа',
  'campaign.propose': 'предложение перечня организаций',
  'campaign.addOrganization': 'добавление организации в перечень',
  'campaign.excludeOrganization': 'исключение организации из перечня',
  'campaign.approveList': 'утверждение перечня советом',
};

export function actionWords(action: string): string {
  const known = ACTION_WORDS[action] ?? VERBS[action];
  if (known) return known;
  const verb = action.split('.').pop() ?? action;
  return VERBS[verb] ?? action;
}

export const ENTITY_WORDS: Record<string, string> = {
  organization: 'организация',
  campaign: 'кампания',
  campaign_organization: 'строка перечня кампании',
  campaign_stage: 'этап кампании',
  user: 'пользователь',
  session: 'сеанс',
  territory: 'территория',
  authority: 'орган управления',
  file: 'файл',
  mail: 'письмо',
  survey_response: 'ответ на анкету',
  system: 'система',
};

export function entityWords(type: string): string {
  return ENTITY_WORDS[type] ?? type;
}

export interface FieldChange {
  field: string;
  kind: 'added' | 'removed' | 'changed';
  before: string | null;
  after: string | null;
}

const show = (v: unknown): string | null =>
  v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v);

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/**
 * Fields that differ between `before` and `after` (top level; nested values compared as JSON).
 * Non-object snapshots are one pseudo-field «значение».
 */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b && !a) {
    if (show(before ?? undefined) === show(after ?? undefined)) return [];
    return [
      {
        field: 'значение',
        kind: 'changed',
        before: show(before ?? undefined),
        after: show(after ?? undefined),
      },
    ];
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].sort();
  const out: FieldChange[] = [];
  for (const field of keys) {
    const inB = b !== null && field in b;
    const inA = a !== null && field in a;
    const vb = inB ? show(b[field]) : null;
    const va = inA ? show(a[field]) : null;
    if (inB && inA && vb === va) continue;
    out.push({ field, kind: !inB ? 'added' : !inA ? 'removed' : 'changed', before: vb, after: va });
  }
  return out;
}
