// Moving a checklist through its states (checklists.md "Organization self-report"): the
// organization sends its self-report, the expert confirms the whole checklist once every
// applicable item is answered, and may reopen a confirmed one with a reason.
import {
  CHECKLIST_STATUS_TITLES,
  differences,
  evaluateChecklist,
  type Difference,
  type ItemRef,
} from '../../domain/checklists/index.ts';
import { AppError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions/index.ts';
import type { Executor } from '../../db/client.ts';
import type { Checklist } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { parse } from '../campaigns/campaigns.shared.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { createRecalculationTrigger } from '../results/recalculation-trigger.ts';
import {
  accessOf,
  assertCanView,
  assertOpen,
  loadContext,
  type Access,
  type ChecklistContext,
} from './checklists.access.ts';
import { stateFromRows } from './checklists.merge.ts';
import {
  checklistItemRows,
  getChecklist,
  lockChecklist,
  updateChecklist,
} from './checklists.repo.ts';
import { ReopenInput, type ChecklistView } from './checklists.schema.ts';
import type { SiteFeedEntry } from './site-feed.ts';

type ViewFn = (
  ex: Executor,
  ctx: ChecklistContext,
  access: Access,
  feed: SiteFeedEntry | null,
) => Promise<ChecklistView>;
type FeedFn = (
  ex: Executor,
  campaignId: number,
  organizationId: number,
) => Promise<SiteFeedEntry | null>;

function unansweredError(message: string, items: readonly ItemRef[]): AppError {
  const list = items.slice(0, 10).map((i) => `№ ${i.number} «${i.title}»`);
  const more = items.length > 10 ? ` и ещё ${items.length - 10}` : '';
  return AppError.validation(
    `${message}: ${list.join('; ')}${more}`,
    items.map((i) => ({
      path: `items.${i.section}.${i.key}.answer`,
      message: `Не заполнен пункт № ${i.number} «${i.title}»`,
    })),
  );
}

export function createChecklistWorkflow(deps: ServiceDeps, view: ViewFn, feedFor: FeedFn) {
  const { db } = deps;
  const inputsChanged = createRecalculationTrigger(deps);

  /** Locks the checklist, checks its state, applies `patch`, audits, returns the new view. */
  async function move(
    caller: Caller,
    campaignId: number,
    organizationId: number,
    check: (row: Checklist, ctx: ChecklistContext, tx: Executor) => Promise<void>,
    patch: (now: Date) => Partial<Checklist>,
    details: Record<string, unknown> = {},
    scored = false,
  ): Promise<ChecklistView> {
    const ctx = await loadContext(db, deps.now(), campaignId, organizationId);
    assertOpen(ctx.campaign);
    const feed = await feedFor(db, campaignId, organizationId);
    const result = await db.transaction(async (tx) => {
      const row = await lockChecklist(tx, campaignId, organizationId);
      if (!row) throw AppError.invalidState('Чек-лист ещё не заполнялся');
      await check(row, ctx, tx);
      const after = await updateChecklist(tx, row.id, {
        ...patch(deps.now()),
        updatedAt: deps.now(),
      });
      await recordAudit(tx, caller, {
        action: 'checklist.status',
        entityType: 'checklist',
        entityId: row.id,
        before: { campaignId, organizationId, status: row.status },
        after: { campaignId, organizationId, status: after.status, ...details },
      });
      return view(tx, ctx, accessOf(caller, organizationId), feed);
    });
    // Confirming or reopening changes what the calculation reads (complete, confirmed counts).
    if (scored) await inputsChanged(campaignId, ctx.campaign.status);
    return result;
  }

  const evaluate = async (
    tx: Executor,
    row: Checklist,
    ctx: ChecklistContext,
    side: 'declared' | 'confirmed',
  ) =>
    evaluateChecklist(
      ctx.catalogues,
      ctx.facts,
      stateFromRows(await checklistItemRows(tx, row.id)),
      side,
    );

  return {
    /** The organization sends its self-report; every applicable item must be declared. */
    async submitSelfReport(caller: Caller, campaignId: number, organizationId: number) {
      authorize(caller, 'checklist.selfReport', { organizationId });
      return move(
        caller,
        campaignId,
        organizationId,
        async (row, ctx, tx) => {
          if (row.status !== 'draft')
            throw AppError.invalidState(
              `Самообследование уже отправлено (статус «${CHECKLIST_STATUS_TITLES[row.status]}»)`,
            );
          const e = await evaluate(tx, row, ctx, 'declared');
          if (e.unanswered.length > 0)
            throw unansweredError('Перед отправкой ответьте на все пункты', e.unanswered);
        },
        (now) => ({
          status: 'self_reported',
          selfReportedAt: now,
          selfReportedById: caller.userId ?? null,
        }),
      );
    },

    /** The expert confirms the checklist: every applicable item answered, channels settled. */
    async complete(caller: Caller, campaignId: number, organizationId: number) {
      authorize(caller, 'checklist.fill');
      return move(
        caller,
        campaignId,
        organizationId,
        async (row, ctx, tx) => {
          if (row.status !== 'in_review')
            throw AppError.invalidState(
              row.status === 'confirmed'
                ? 'Чек-лист уже подтверждён'
                : 'Эксперт ещё не проверил ни одного пункта этого чек-листа',
            );
          const e = await evaluate(tx, row, ctx, 'confirmed');
          if (e.unanswered.length > 0)
            throw unansweredError(
              'Чтобы подтвердить чек-лист, ответьте на все пункты',
              e.unanswered,
            );
          if (e.counts.stand.required === 0)
            throw AppError.validation(
              'Все пункты информационного стенда отмечены «не применимо»: хотя бы один пункт должен проверяться',
            );
        },
        (now) => ({ status: 'confirmed', confirmedAt: now, confirmedById: caller.userId ?? null }),
        {},
        true,
      );
    },

    /** A confirmed checklist back to review (e.g. a mistake found during calculation). */
    async reopen(caller: Caller, campaignId: number, organizationId: number, raw: unknown) {
      authorize(caller, 'checklist.fill');
      const { reason } = parse(ReopenInput, raw);
      return move(
        caller,
        campaignId,
        organizationId,
        async (row) => {
          if (row.status !== 'confirmed')
            throw AppError.invalidState('Открыть заново можно только подтверждённый чек-лист');
        },
        () => ({ status: 'in_review', confirmedAt: null, confirmedById: null }),
        { reason },
        true,
      );
    },

    /** Items where the expert's answer differs from the organization's declaration. */
    async differences(
      caller: Caller,
      campaignId: number,
      organizationId: number,
    ): Promise<Difference[]> {
      const access = assertCanView(caller, organizationId);
      const ctx = await loadContext(db, deps.now(), campaignId, organizationId);
      const row = await getChecklist(db, campaignId, organizationId);
      if (!row || (!access.confirm && row.status !== 'confirmed')) return [];
      return differences(
        ctx.catalogues,
        ctx.facts,
        stateFromRows(await checklistItemRows(db, row.id)),
      );
    },
  };
}
