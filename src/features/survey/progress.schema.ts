// Contracts of survey sample control (issue 4 item 6): progress per organization and municipality,
// and the "lagging" rule. The rule is pure and lives here so that pages and tests share it.
//
// Lagging rule (documented in docs/guide and below): the expected progress at a moment is the
// elapsed share of the data_collection window (local dates of the campaign's territory, the end
// day included). An organization lags when
//   counted < tolerance × elapsed × required          (default tolerance 0.8), or
//   counted = 0 and elapsed ≥ silentAfter               (default 0.25: a quarter of the window
//                                                       gone without a single counted answer).
// Before the window opens (elapsed 0) or without planned dates nobody lags.
import { z } from 'zod';

export const LAGGING_TOLERANCE = 0.8;
export const LAGGING_SILENT_AFTER = 0.25;

export const LaggingRuleSchema = z.object({
  tolerance: z.coerce
    .number({ error: 'tolerance: ожидается число от 0 до 1' })
    .min(0, { error: 'tolerance: ожидается число от 0 до 1' })
    .max(1, { error: 'tolerance: ожидается число от 0 до 1' })
    .default(LAGGING_TOLERANCE),
  silentAfter: z.coerce
    .number({ error: 'silentAfter: ожидается число от 0 до 1' })
    .min(0, { error: 'silentAfter: ожидается число от 0 до 1' })
    .max(1, { error: 'silentAfter: ожидается число от 0 до 1' })
    .default(LAGGING_SILENT_AFTER),
});
export type LaggingRule = z.infer<typeof LaggingRuleSchema>;

export interface ProgressCounts {
  /** Required sample min(cap, ceil(share × contingent)). */
  required: number;
  /** Counted for scoring (valid, not feedback, included or never flagged). */
  counted: number;
  /** Flagged, waiting for the operator's decision. */
  flagged: number;
  /** Excluded by the operator. */
  excluded: number;
}

export interface OrganizationProgress extends ProgressCounts {
  organizationId: number;
  name: string;
  code: string | null;
  municipalityId: number;
  municipality: string;
  contingent: number;
  /** counted / required, capped at 1 (1 when nothing is required). */
  share: number;
  lagging: boolean;
}

export interface MunicipalityProgress extends ProgressCounts {
  municipalityId: number;
  name: string;
  organizations: number;
  lagging: number;
  share: number;
}

export interface SurveyProgress {
  campaign: { id: number; title: string; status: string; sample: { share: string; cap: number } };
  window: {
    start: string | null;
    end: string | null;
    timezone: string;
    /** Elapsed share of the window (0…1); null without planned dates. */
    elapsed: number | null;
  };
  rule: LaggingRule;
  totals: ProgressCounts & { organizations: number; lagging: number; share: number };
  municipalities: MunicipalityProgress[];
  organizations: OrganizationProgress[];
}

/** counted / required, capped at 1; an organization that needs nobody is complete. */
export function progressShare(counted: number, required: number): number {
  return required <= 0 ? 1 : Math.min(1, counted / required);
}

export function isLagging(
  counted: number,
  required: number,
  elapsed: number | null,
  rule: LaggingRule,
): boolean {
  if (elapsed === null || elapsed <= 0) return false;
  if (counted === 0 && elapsed >= rule.silentAfter && required > 0) return true;
  return counted < rule.tolerance * elapsed * required;
}

/** Wall-clock time of `at` in `timeZone`, as milliseconds of a UTC date with the same fields. */
function wallClock(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour,
    parts.minute,
    parts.second,
  );
}

/**
 * Elapsed share of a window of local dates [start 00:00, end 24:00) in `timeZone` at `now`;
 * null when a date is missing.
 */
export function elapsedShare(
  start: string | null,
  end: string | null,
  now: Date,
  timeZone: string,
): number | null {
  if (!start || !end) return null;
  const from = Date.parse(`${start}T00:00:00Z`);
  const to = Date.parse(`${end}T00:00:00Z`) + 86_400_000;
  if (!(to > from)) return null;
  const share = (wallClock(now, timeZone) - from) / (to - from);
  return Math.min(1, Math.max(0, share));
}
