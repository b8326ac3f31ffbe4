// Moderation of flagged survey responses (issue 4 item 7, questionnaire.md "Validity rules"):
// flagged responses are kept and not counted until the operator includes or excludes them with a
// reason; each decision is one audit entry (action survey.moderate, before/after). Also carries the
// sample-control use case (progress.service.ts) so that one service serves the operator's pages.
import { AppError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions/index.ts';
import type { CampaignStatus } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { createRecalculationTrigger } from '../results/recalculation-trigger.ts';
import { flagCounts, listFlagged, lockFlagged, setModeration } from './moderation.repo.ts';
import {
  DecideSchema,
  FlaggedFilterSchema,
  type DecideResult,
  type FlaggedList,
} from './moderation.schema.ts';
import { progressCampaign } from './progress.repo.ts';
import { createProgressService } from './progress.service.ts';

/** Once results are published the counts behind them must not change. */
const FROZEN: readonly CampaignStatus[] = ['published', 'closed'];

function invalid(error: {
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>;
}): AppError {
  const issues = error.issues.map((i) => ({
    path: i.path.join('.') || '(тело)',
    message: i.message,
  }));
  return AppError.validation(issues.map((i) => i.message).join('; '), issues);
}

export function createModerationService(deps: ServiceDeps) {
  const { db } = deps;
  const inputsChanged = createRecalculationTrigger(deps);

  async function campaignOf(campaignId: number) {
    const campaign = await progressCampaign(db, campaignId);
    if (!campaign) throw AppError.notFound(`Кампания ${campaignId} не найдена`);
    return campaign;
  }

  return {
    ...createProgressService(deps),

    /** Flagged responses of a campaign, newest first, filtered by organization, flag, decision. */
    async flagged(caller: Caller, campaignId: number, filter: unknown = {}): Promise<FlaggedList> {
      authorize(caller, 'survey.moderate');
      const parsed = FlaggedFilterSchema.safeParse(filter ?? {});
      if (!parsed.success) throw invalid(parsed.error);
      const campaign = await campaignOf(campaignId);
      const [{ rows, total }, flags] = await Promise.all([
        listFlagged(db, campaignId, parsed.data),
        flagCounts(db, campaignId),
      ]);
      return {
        campaign: { id: campaign.id, title: campaign.title, status: campaign.status },
        filter: parsed.data,
        total,
        flags,
        rows: rows.map((row) => ({
          ...row,
          submittedAt: row.submittedAt.toISOString(),
          decidedAt: row.decidedAt?.toISOString() ?? null,
        })),
      };
    },

    /**
     * Includes or excludes flagged responses of the campaign with a mandatory reason. All ids
     * must be flagged responses of this campaign, otherwise nothing changes.
     */
    async decide(caller: Caller, campaignId: number, input: unknown): Promise<DecideResult> {
      authorize(caller, 'survey.moderate');
      const parsed = DecideSchema.safeParse(input);
      if (!parsed.success) throw invalid(parsed.error);
      const { decision, reason } = parsed.data;
      const ids = [...new Set(parsed.data.ids)];
      const campaign = await campaignOf(campaignId);
      if (FROZEN.includes(campaign.status)) {
        throw AppError.invalidState(
          `Результаты кампании «${campaign.title}» опубликованы: решения по ответам больше не меняются`,
        );
      }
      const at = deps.now();
      const result = await db.transaction(async (tx) => {
        const found = await lockFlagged(tx, campaignId, ids);
        if (found.length !== ids.length) {
          const known = new Set(found.map((f) => f.id));
          const missing = ids.filter((id) => !known.has(id));
          throw AppError.notFound(
            `Среди отмеченных ответов кампании нет ответов № ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? '…' : ''}`,
          );
        }
        await setModeration(tx, ids, {
          moderation: decision,
          reason,
          userId: caller.userId ?? null,
          at,
        });
        await recordAudit(
          tx,
          caller,
          found.map((f) => ({
            action: 'survey.moderate',
            entityType: 'survey_response',
            entityId: f.id,
            before: { moderation: f.moderation, moderationReason: f.moderationReason },
            after: { moderation: decision, moderationReason: reason, campaignId },
          })),
        );
        return { decided: ids.length, decision };
      });
      // Included or excluded answers change the counts the results are calculated from.
      await inputsChanged(campaignId, campaign.status);
      return result;
    },
  };
}

export type ModerationService = ReturnType<typeof createModerationService>;
