// Feedback between campaigns (issue 4 item 8): quarterly summaries per organization and
// municipality for the staff — operators and administrators see the region, a municipal
// authority its municipality, an organization itself. Feedback is stored by the survey intake
// (feedback.intake.ts); it is never part of a campaign's counts or scores.
import { authorize, scopeOf } from '../../domain/permissions/index.ts';
import { AppError } from '../../domain/errors.ts';
import { SURVEY_QUESTIONS } from '../../domain/scoring/input.ts';
import { QUESTION_BY_ID } from '../../domain/survey/questionnaire.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { localDate } from '../survey/window.ts';
import {
  feedbackByOrganization,
  feedbackQuarters,
  type FeedbackScope,
  type OrganizationFeedbackRow,
} from './feedback.repo.ts';
import {
  FeedbackSummaryQuerySchema,
  quarterOf,
  type FeedbackCounts,
  type FeedbackSummary,
} from './feedback.schema.ts';

function scopeFor(caller: Caller): FeedbackScope {
  authorize(caller, 'survey.feedback');
  const scope = scopeOf(caller.role, 'survey.feedback');
  if (scope === 'municipality')
    return { kind: 'municipality', municipalityId: caller.territoryId! };
  if (scope === 'organization')
    return { kind: 'organization', organizationId: caller.organizationId! };
  return { kind: 'all' };
}

type Sums = Pick<OrganizationFeedbackRow, 'responses' | 'flagged' | 'answered' | 'yes'>;

function emptySums(): Sums {
  const zero = () => Object.fromEntries(SURVEY_QUESTIONS.map((q) => [q, 0]));
  return { responses: 0, flagged: 0, answered: zero(), yes: zero() };
}

function add(into: Sums, row: Sums): void {
  into.responses += row.responses;
  into.flagged += row.flagged;
  for (const q of SURVEY_QUESTIONS) {
    into.answered[q] = (into.answered[q] ?? 0) + (row.answered[q] ?? 0);
    into.yes[q] = (into.yes[q] ?? 0) + (row.yes[q] ?? 0);
  }
}

function counts(s: Sums): FeedbackCounts {
  return {
    responses: s.responses,
    flagged: s.flagged,
    questions: SURVEY_QUESTIONS.map((q) => {
      const answered = s.answered[q] ?? 0;
      const yes = s.yes[q] ?? 0;
      return {
        id: q,
        number: QUESTION_BY_ID.get(q)?.number ?? Number(q.slice(1)),
        answered,
        yes,
        share: answered > 0 ? yes / answered : null,
      };
    }),
  };
}

export function createFeedbackService(deps: ServiceDeps) {
  const { db } = deps;
  return {
    /**
     * The quarter's summary in the caller's scope: counts and «Да» shares of q1–q14 per
     * organization, per municipality and in total. Without a quarter: the newest with feedback.
     */
    async summary(caller: Caller, query: unknown = {}): Promise<FeedbackSummary> {
      const scope = scopeFor(caller);
      const parsed = FeedbackSummaryQuerySchema.safeParse(query ?? {});
      if (!parsed.success) {
        throw AppError.validation(
          'Проверьте квартал',
          parsed.error.issues.map((i) => ({ path: 'quarter', message: i.message })),
        );
      }
      const quarters = await feedbackQuarters(db, scope);
      const quarter =
        parsed.data.quarter ?? quarters[0] ?? quarterOf(localDate(deps.now(), 'Europe/Moscow'));
      const rows = await feedbackByOrganization(db, quarter, scope);
      const total = emptySums();
      const byMunicipality = new Map<number, { name: string; sums: Sums }>();
      for (const r of rows) {
        add(total, r);
        let m = byMunicipality.get(r.municipalityId);
        if (!m)
          byMunicipality.set(r.municipalityId, (m = { name: r.municipality, sums: emptySums() }));
        add(m.sums, r);
      }
      return {
        quarter: quarters.length === 0 && !parsed.data.quarter ? null : quarter,
        quarters,
        scope: scope.kind,
        total: counts(total),
        municipalities: [...byMunicipality]
          .map(([id, m]) => ({ id, name: m.name, counts: counts(m.sums) }))
          .sort((a, b) => a.name.localeCompare(b.name, 'ru')),
        organizations: rows.map((r) => ({
          id: r.organizationId,
          name: r.name,
          municipalityId: r.municipalityId,
          municipality: r.municipality,
          counts: counts(r),
        })),
      };
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
