// Survey use cases: resolve a survey code, accept a response from any channel, list open surveys,
// count responses per organization for scoring.
//
// Responses are anonymous data, not administrative changes: they are not written to the audit log
// (which names actors and would grow by hundreds of thousands of rows); decisions on them are.
//
// Online and API submissions are stored by the batched intake (intake.ts: group commit, a few
// statements per batch of concurrent submissions; bench/survey.bench.ts).
import { randomBytes } from 'node:crypto';
import { AppError, ERROR_CODES } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions/index.ts';
import { requiredSample } from '../../domain/scoring/sample.ts';
import { DEFAULT_SAMPLE } from '../../domain/scoring/methodology.ts';
import { emptyCounts } from '../../domain/survey/counts.ts';
import { validateResponse } from '../../domain/survey/validate.ts';
import type { Executor } from '../../db/client.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { createFeedbackIntake } from '../feedback/feedback.intake.ts';
import {
  createIntake,
  unknownCode,
  type FeedbackSink,
  type SubmitInput,
  type SubmitMode,
  type SubmitResult,
} from './intake.ts';
import { saltKeys, saltedHash as hash } from './salted-hash.ts';
import {
  browserHasResponded,
  campaignSalt,
  campaignStatsOrganizations,
  countByOrganization,
  destroyCampaignSalt,
  findCodeTarget,
  listCollectingTargets,
  renewCampaignSalt,
  statsCampaign,
  type CodeTarget,
} from './survey.repo.ts';
import {
  IDEMPOTENCY_KEY,
  normalizeCode,
  type PublicSurvey,
  type SurveyStats,
} from './survey.schema.ts';
import { closedReason, targetState } from './window.ts';

export {
  BURST_THRESHOLD,
  BURST_WINDOW_MS,
  RATE_LIMIT_PER_HOUR,
  surveyValidationError,
  type SubmitInput,
  type SubmitMode,
  type SubmitResult,
} from './intake.ts';
export { closedReason } from './window.ts';

/** A code's target as the form and the thank-you page see it. */
export interface OpenTarget extends CodeTarget {
  /** After collection: answers are feedback between campaigns (never counted in a campaign). */
  feedback: boolean;
  /** Collecting, but today is outside the collection window: answers are kept with a flag. */
  outsideWindow: 'before' | 'after' | null;
}

/**
 * Destroys the campaign's salt inside the caller's transaction (the campaign's move from
 * `collecting` to `calculating`, campaigns.service.ts): stored hashes stay, but nothing can
 * recompute them from an address or a browser any more. The in-process key cache is emptied too.
 */
export async function destroySaltIn(
  tx: Executor,
  caller: Caller,
  campaignId: number,
  at: Date,
): Promise<void> {
  const destroyed = await destroyCampaignSalt(tx, campaignId, at);
  saltKeys.clear();
  await recordAudit(tx, caller, {
    action: 'survey.salt_destroyed',
    entityType: 'campaign',
    entityId: campaignId,
    after: { destroyed },
  });
}

/** Collection reopened (`calculating` → `collecting`): a fresh salt, unlinkable to the old one. */
export async function renewSaltIn(tx: Executor, caller: Caller, campaignId: number): Promise<void> {
  if (await renewCampaignSalt(tx, campaignId, randomBytes(32))) {
    await recordAudit(tx, caller, {
      action: 'survey.salt_renewed',
      entityType: 'campaign',
      entityId: campaignId,
    });
  }
}

export function createSurveyService(
  deps: ServiceDeps,
  feedback: FeedbackSink = createFeedbackIntake(deps),
) {
  const { db } = deps;
  const intake = createIntake(deps, feedback);

  /**
   * The survey of a code: AppError not_found (unknown) or gone (not open: before collection, an
   * excluded organization; after collection unless `mode` admits feedback).
   */
  async function resolve(rawCode: string, mode: SubmitMode = 'survey'): Promise<OpenTarget> {
    const code = normalizeCode(rawCode);
    const target = code.length <= 64 ? await findCodeTarget(db, code) : null;
    if (!target) throw unknownCode(rawCode);
    const state = targetState(target, deps.now());
    if (state.kind === 'closed' || (state.kind === 'feedback' && mode === 'survey')) {
      throw new AppError(ERROR_CODES.GONE, state.reason, { code });
    }
    return {
      ...target,
      feedback: state.kind === 'feedback',
      outsideWindow: state.kind === 'open' ? (state.outside?.when ?? null) : null,
    };
  }

  return {
    resolve,

    /** Whether this browser already answered about the code's organization (for the form). */
    async hasResponded(target: CodeTarget, browserToken: string | null): Promise<boolean> {
      if (!browserToken || target.campaignStatus !== 'collecting') return false;
      const salt = await campaignSalt(db, target.campaignId, () => randomBytes(32));
      if (!salt) return false;
      const h = hash(salt, 'browser', browserToken);
      return browserHasResponded(db, target.campaignId, target.organizationId, h);
    },

    /**
     * Validates and stores one response (or, by `mode`, feedback); returns its id. Invalid input
     * throws AppError (validation_failed with issue codes, not_found, gone, conflict,
     * rate_limited) and stores nothing. Resolves only once the row is committed.
     */
    async submit(input: SubmitInput): Promise<SubmitResult> {
      const key = input.idempotencyKey ?? null;
      if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
        throw AppError.validation('Заголовок Idempotency-Key: 1–200 печатных символов ASCII', [
          { path: 'Idempotency-Key', message: 'недопустимое значение' },
        ]);
      }
      const code = normalizeCode(input.code);
      if (code.length > 64) throw unknownCode(input.code);
      // Validation is pure: done here, its verdict applied in the batch after the key check.
      const checked = validateResponse(input.answers, input.skipped);
      return intake.submit({ input, code, checked });
    },

    /** Open surveys: code, organization, campaign and the form's address. */
    async activeSurveys(): Promise<PublicSurvey[]> {
      const now = deps.now();
      const base = deps.config.publicUrl;
      return (await listCollectingTargets(db))
        .filter((t) => closedReason(t, now) === null)
        .map((t) => ({
          code: t.code,
          organization: t.organizationName,
          campaign: t.campaignTitle,
          url: `${base}/s/${t.code}`,
        }));
    },

    /** Per organization: counts for scoring, flagged, excluded, required sample. */
    async stats(caller: Caller, campaignId?: number): Promise<SurveyStats> {
      authorize(caller, 'survey.moderate');
      const campaign = await statsCampaign(db, campaignId);
      if (!campaign) {
        throw AppError.notFound(
          campaignId === undefined ? 'Кампаний пока нет' : `Кампания ${campaignId} не найдена`,
        );
      }
      const sample = campaign.methodology.sample ?? DEFAULT_SAMPLE;
      const [orgs, counts] = await Promise.all([
        campaignStatsOrganizations(db, campaign.id),
        countByOrganization(db, campaign.id),
      ]);
      const byOrg = new Map(counts.map((c) => [c.organizationId, c]));
      return {
        campaign: { id: campaign.id, title: campaign.title, status: campaign.status, sample },
        organizations: orgs.map((o) => {
          const c = byOrg.get(o.organizationId);
          const survey = c?.survey ?? emptyCounts();
          return {
            organizationId: o.organizationId,
            name: o.name,
            code: o.code,
            valid: survey.respondents,
            flagged: c?.flagged ?? 0,
            excluded: c?.excluded ?? 0,
            required: requiredSample(o.contingent, sample),
            contingent: o.contingent,
            survey,
          };
        }),
      };
    },

    /** After collection: forget the campaign's salt so stored hashes can never be linked again. */
    async destroySalt(caller: Caller, campaignId: number): Promise<void> {
      authorize(caller, 'campaign.edit');
      await db.transaction((tx) => destroySaltIn(tx, caller, campaignId, deps.now()));
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
