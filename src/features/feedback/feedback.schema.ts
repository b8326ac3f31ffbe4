// Contracts of feedback between campaigns (issue 4 item 8), shared by the API, the /feedback page
// and the tests. Pages import this file: only zod, types and pure helpers here.
import { z } from 'zod';

/** `2026-Q2`. */
export const QUARTER = /^\d{4}-Q[1-4]$/;

/** The quarter of a local calendar date (YYYY-MM-DD). */
export function quarterOf(isoDate: string): string {
  const [year, month] = isoDate.split('-');
  return `${year}-Q${Math.floor((Number(month) - 1) / 3) + 1}`;
}

const MONTHS = ['январь – март', 'апрель – июнь', 'июль – сентябрь', 'октябрь – декабрь'];

/** «II квартал 2026 (апрель – июнь)». */
export function quarterTitle(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  const n = Number(q);
  return `${['I', 'II', 'III', 'IV'][n - 1]} квартал ${year} (${MONTHS[n - 1]})`;
}

export const FeedbackSummaryQuerySchema = z.object({
  quarter: z
    .string()
    .regex(QUARTER, { error: 'quarter: ожидается квартал вида 2026-Q2' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
export type FeedbackSummaryQuery = z.infer<typeof FeedbackSummaryQuerySchema>;

/** One yes/no question (q1–q14) over the counted (unflagged) feedback. */
export interface QuestionShare {
  id: string;
  number: number;
  /** Answered it (dependent questions: only those whose filter was «Да»). */
  answered: number;
  yes: number;
  /** yes / answered, 0…1; null when nobody answered. */
  share: number | null;
}

export interface FeedbackCounts {
  /** All feedback of the period. */
  responses: number;
  /** Flagged (bursts, repeats from one browser): kept and shown, not in the shares. */
  flagged: number;
  questions: QuestionShare[];
}

export interface FeedbackSummary {
  /** The period shown, or null when there is no feedback at all in the caller's scope. */
  quarter: string | null;
  /** Periods with feedback in the caller's scope, newest first. */
  quarters: string[];
  /** What the caller sees: the region, one municipality, one organization. */
  scope: 'all' | 'municipality' | 'organization';
  total: FeedbackCounts;
  municipalities: Array<{ id: number; name: string; counts: FeedbackCounts }>;
  organizations: Array<{
    id: number;
    name: string;
    municipalityId: number;
    municipality: string;
    counts: FeedbackCounts;
  }>;
}
