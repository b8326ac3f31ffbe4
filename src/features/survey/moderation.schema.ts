// Contracts of the moderation of flagged survey responses (issue 4 item 7): flagged responses are
// kept; the operator includes or excludes them with a reason, and every decision is audited.
// Pages import this file: only zod and types here (the decisions repeat src/db/schema/survey.ts).
import { z } from 'zod';
import type { ModerationDecision } from '../../db/schema/survey.ts';

export const MODERATION_DECISIONS = [
  'included',
  'excluded',
] as const satisfies readonly ModerationDecision[];

/** Most responses decided by one request (one audit entry each). */
export const DECIDE_MAX = 500;
export const FLAGGED_PAGE_MAX = 200;

/** Russian names of the suspicion flags set by the survey service. */
export const FLAG_LABELS: Record<string, string> = {
  burst: 'Много ответов с одного адреса',
  repeat_browser: 'Повторный ответ из того же браузера',
  outside_window: 'Ответ вне сроков сбора',
};

export const flagLabel = (flag: string) => FLAG_LABELS[flag] ?? flag;

export const MODERATION_STATUSES = ['undecided', 'included', 'excluded', 'all'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

export const MODERATION_STATUS_LABELS: Record<ModerationStatus, string> = {
  undecided: 'Ждут решения',
  included: 'Включены',
  excluded: 'Исключены',
  all: 'Все отмеченные',
};

const optionalId = z
  .union([z.literal(''), z.coerce.number().int().positive()], {
    error: 'organizationId: ожидается номер организации',
  })
  .optional()
  .transform((v) => (v === '' ? undefined : v));

export const FlaggedFilterSchema = z.object({
  organizationId: optionalId,
  flag: z
    .string()
    .max(64)
    .optional()
    .transform((v) => (v ? v : undefined)),
  status: z
    .enum(MODERATION_STATUSES, {
      error: 'status: ожидается undecided, included, excluded или all',
    })
    .default('undecided'),
  limit: z.coerce.number().int().min(1).max(FLAGGED_PAGE_MAX).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type FlaggedFilter = z.infer<typeof FlaggedFilterSchema>;

export const REASON_REQUIRED = 'Укажите причину решения: она попадёт в журнал действий';

export const DecideSchema = z.object(
  {
    ids: z
      .array(z.coerce.number().int().positive(), { error: 'ids: ожидается список номеров ответов' })
      .min(1, { error: 'Отметьте хотя бы один ответ' })
      .max(DECIDE_MAX, { error: `За один раз можно решить не больше ${DECIDE_MAX} ответов` }),
    decision: z.enum(MODERATION_DECISIONS, {
      error: 'decision: выберите «included» (учитывать) или «excluded» (исключить)',
    }),
    reason: z
      .string({ error: REASON_REQUIRED })
      .trim()
      .min(1, { error: REASON_REQUIRED })
      .max(1000, { error: 'Причина: не длиннее 1000 символов' }),
  },
  { error: 'Ожидается объект { "ids": [...], "decision": …, "reason": … }' },
);
export type DecideInput = z.infer<typeof DecideSchema>;

export interface FlaggedResponse {
  id: number;
  organizationId: number;
  organization: string;
  channel: string;
  submittedAt: string;
  valid: boolean;
  flags: string[];
  flagReasons: Record<string, string>;
  moderation: ModerationDecision | null;
  moderationReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  /** Free-text answer q15, if any: often decides whether a response is genuine. */
  comment: string | null;
}

export interface FlaggedList {
  campaign: { id: number; title: string; status: string };
  filter: FlaggedFilter;
  total: number;
  rows: FlaggedResponse[];
  /** Flags present in the campaign with their counts (for the filter). */
  flags: Array<{ flag: string; count: number }>;
}

export interface DecideResult {
  decided: number;
  decision: ModerationDecision;
}
