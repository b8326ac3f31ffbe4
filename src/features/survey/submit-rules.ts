// The rules of a survey submission shared by the batched intake (intake.ts) and the feedback
// intake (src/features/feedback): what a submission is, the anti-fraud limits and flags, the
// errors it can get.
import { AppError, ERROR_CODES } from '../../domain/errors.ts';
import type { SkippedPolicy, SurveyIssue, ValidationResult } from '../../domain/survey/validate.ts';
import type { SurveyChannel } from '../../db/schema/index.ts';
import type { CodeTarget, SubmitChecks } from './survey.repo.ts';

/** Burst: this many responses from one address hash within BURST_WINDOW_MS are flagged. */
export const BURST_THRESHOLD = 20;
export const BURST_WINDOW_MS = 10 * 60 * 1000;
/**
 * Hard limit per address hash and hour. Generous: a school computer class answers from one
 * address (NAT); above it, nothing is stored and the client gets 429.
 */
export const RATE_LIMIT_PER_HOUR = 300;

/**
 * Where a code's answers go: `survey` (the responses API) only into a collecting campaign;
 * `feedback` (the feedback API) only into feedback after collection; `auto` (the form at /s/…)
 * into whichever the campaign's state calls for.
 */
export type SubmitMode = 'survey' | 'feedback' | 'auto';

export interface SubmitInput {
  code: string;
  answers: unknown;
  channel: Extract<SurveyChannel, 'online' | 'api'>;
  /** `reject` for the API, `drop` for the HTML form (answers hidden by skip logic not stored). */
  skipped: SkippedPolicy;
  clientAddress?: string | null;
  userAgent?: string | null;
  /** Random token of the browser's survey cookie (one response per browser per organization). */
  browserToken?: string | null;
  idempotencyKey?: string | null;
  /** Default `survey`. */
  mode?: SubmitMode;
}

export interface SubmitResult {
  id: number;
  /** True when an earlier request with the same Idempotency-Key stored it. */
  repeated: boolean;
  flags: string[];
  /** `feedback`: stored as feedback between campaigns (feedback_responses), not as a response. */
  kind?: 'response' | 'feedback';
}

/** One submission as the batch sees it: answers already validated (pure, before queueing). */
export interface Pending {
  input: SubmitInput;
  /** Normalized code (≤ 64 characters). */
  code: string;
  checked: ValidationResult;
}

/** Stores a submission whose code leads to feedback (src/features/feedback). */
export type FeedbackSink = (target: CodeTarget, p: Pending, now: Date) => Promise<SubmitResult>;

export function unknownCode(rawCode: string): AppError {
  return AppError.notFound(
    `Анкета с кодом «${rawCode.slice(0, 64)}» не найдена. Проверьте код в приглашении.`,
  );
}

export function surveyValidationError(issues: readonly SurveyIssue[]): AppError {
  const lines = issues.map((i) => i.message).join('; ');
  return AppError.validation(`Проверьте ответы анкеты: ${lines}`, [...issues]);
}

export function rateLimited(): AppError {
  return new AppError(
    ERROR_CODES.RATE_LIMITED,
    'Слишком много ответов с одного адреса. Попробуйте позже.',
  );
}

/**
 * Rate limit (throws rate_limited), burst and repeat-browser flags from counts. Shared with the
 * feedback intake, which applies the same rules to its own rows.
 */
export function fraudFlags(
  checks: Omit<SubmitChecks, 'firstId'>,
  clientHash: string | null,
  browserHash: string | null,
): Record<string, string> {
  const flags: Record<string, string> = {};
  if (clientHash) {
    if (checks.lastHour >= RATE_LIMIT_PER_HOUR) throw rateLimited();
    if (checks.recent >= BURST_THRESHOLD) {
      flags.burst = `${checks.recent + 1}-й ответ с одного адреса за ${BURST_WINDOW_MS / 60000} минут`;
    }
  }
  if (browserHash && checks.browserSeen) {
    flags.repeat_browser = 'Повторный ответ из того же браузера об этой организации';
  }
  return flags;
}
