// Contracts of the survey feature shared by the API, the pages and the CLI.
import { z } from 'zod';
import type { SurveyCounts } from '../../domain/scoring/input.ts';

/** Largest accepted body of POST /api/v1/public/responses (2 000-character text fits many times). */
export const RESPONSE_BODY_LIMIT = 32 * 1024;

/** Idempotency-Key: 1–200 printable ASCII characters. */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** Codes are printed on invitations; tolerate case and spaces when typed by hand. */
export function normalizeCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export const SubmitBodySchema = z.object(
  {
    surveyCode: z
      .string({ error: 'surveyCode: ожидается строка с кодом анкеты' })
      .min(1, { error: 'surveyCode: укажите код анкеты' })
      .max(64, { error: 'surveyCode: слишком длинный код' }),
    answers: z.unknown(),
  },
  { error: 'Ожидается объект { "surveyCode": …, "answers": { … } }' },
);
export type SubmitBody = z.infer<typeof SubmitBodySchema>;

export interface PublicSurvey {
  code: string;
  organization: string;
  campaign: string;
  url: string;
}

export interface OrganizationSurveyStats {
  organizationId: number;
  name: string;
  code: string | null;
  /** Responses counted for scoring (= survey.respondents). */
  valid: number;
  /** Flagged responses waiting for the operator's decision (not counted). */
  flagged: number;
  /** Responses the operator excluded (not counted). */
  excluded: number;
  /** Required sample min(cap, ceil(share × contingent)) with the campaign's parameters. */
  required: number;
  contingent: number;
  /** Exactly the `survey` part of a `noko score` organization. */
  survey: SurveyCounts;
}

export interface SurveyStats {
  campaign: { id: number; title: string; status: string; sample: { share: string; cap: number } };
  organizations: OrganizationSurveyStats[];
}
