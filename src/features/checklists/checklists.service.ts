// Checklist use cases: the list of a campaign, one organization's checklist (prefilled with the
// self-report, registry defaults and the site monitor's findings), partial idempotent saves with
// evidence. Submitting, confirming and reopening live in checklists.workflow.ts; evidence
// downloads and removal in checklists.evidence.ts; all merge into one service object.
import { CHECKLIST_STATUSES, isChecklistOpen } from '../../domain/checklists/index.ts';
import { AppError } from '../../domain/errors.ts';
import { can } from '../../domain/permissions/index.ts';
import type { Executor } from '../../db/client.ts';
import type { Checklist } from '../../db/schema/index.ts';
import { recordAudit, type AuditChange } from '../audit/audit.service.ts';
import { loadCampaign, parse } from '../campaigns/campaigns.shared.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { createRecalculationTrigger } from '../results/recalculation-trigger.ts';
import {
  assertCanView,
  assertOpen,
  assertSide,
  assertSideStatus,
  loadContext,
  type Access,
  type ChecklistContext,
} from './checklists.access.ts';
import { mergeSave } from './checklists.merge.ts';
import {
  channelTests,
  checklistItemRows,
  checklistItemsWithNames,
  getChecklist,
  listCampaignChecklists,
  lockOrCreateChecklist,
  updateChecklist,
  upsertChannelTests,
  upsertItems,
  userName,
} from './checklists.repo.ts';
import { evidenceRows, insertEvidence, insertFileRow } from './evidence.repo.ts';
import {
  ChecklistListFilter,
  SaveChecklistInput,
  type ChecklistListRow,
  type ChecklistView,
  type EvidenceUpload,
} from './checklists.schema.ts';
import { buildView } from './checklists.view.ts';
import { createChecklistWorkflow } from './checklists.workflow.ts';
import { createChecklistEvidence } from './checklists.evidence.ts';
import { assertEvidence, evidenceFileRow } from './evidence-file.ts';
import {
  assertEvidenceTargets,
  evidenceAudit,
  siteOverridePatch,
} from './checklists.save-parts.ts';
import { defaultSiteFeed } from './site-feed.default.ts';
import type { SiteFeed, SiteFeedEntry } from './site-feed.ts';

export interface ChecklistsServiceOptions {
  /** Where «указан на сайте» and Исайт / Инорм.сайт come from (default: the site monitor). */
  siteFeed?: SiteFeed;
}

export interface ChecklistList {
  campaign: { id: number; title: string; status: string; open: boolean };
  rows: ChecklistListRow[];
  /** Organizations per checklist status (of the rows shown). */
  totals: Record<ChecklistListRow['status'], number>;
}

export function createChecklistsService(deps: ServiceDeps, options: ChecklistsServiceOptions = {}) {
  const { db } = deps;
  const siteFeed = options.siteFeed ?? defaultSiteFeed;
  const inputsChanged = createRecalculationTrigger(deps);

  async function feedFor(ex: Executor, campaignId: number, organizationId: number) {
    return (await siteFeed(ex, campaignId, [organizationId])).get(organizationId) ?? null;
  }

  /** The view of one checklist for `caller` (read inside `ex`, so a save returns its own result). */
  async function view(
    ex: Executor,
    ctx: ChecklistContext,
    access: Access,
    feed: SiteFeedEntry | null,
  ): Promise<ChecklistView> {
    const checklist = await getChecklist(ex, ctx.campaign.id, ctx.org.id);
    const [items, tests, evidence] = checklist
      ? await Promise.all([
          checklistItemsWithNames(ex, checklist.id),
          channelTests(ex, checklist.id),
          evidenceRows(ex, checklist.id),
        ])
      : [[], [], []];
    return buildView({
      campaign: {
        id: ctx.campaign.id,
        title: ctx.campaign.title,
        status: ctx.campaign.status,
        open: isChecklistOpen(ctx.campaign.status),
      },
      org: ctx.org,
      checklist,
      items,
      tests,
      evidence,
      feed,
      catalogues: ctx.catalogues,
      today: ctx.today,
      names: {
        siteOverride: await userName(ex, checklist?.siteOverrideById ?? null),
        confirmedBy: await userName(ex, checklist?.confirmedById ?? null),
      },
      may: access,
    });
  }

  return {
    ...createChecklistWorkflow(deps, view, feedFor),
    ...createChecklistEvidence(deps),

    /** Included organizations with their checklist status; an organization sees its own row. */
    async list(caller: Caller, campaignId: number, raw: unknown = {}): Promise<ChecklistList> {
      const filter = parse(ChecklistListFilter, raw);
      const own = !can(caller, 'checklist.fill');
      if (own && !can(caller, 'checklist.selfReport')) throw AppError.forbidden();
      const c = await loadCampaign(db, campaignId);
      const rows = await listCampaignChecklists(db, campaignId, {
        ...filter,
        ...(own ? { organizationId: caller.organizationId ?? -1 } : {}),
      });
      const totals = Object.fromEntries(
        ['not_started', ...CHECKLIST_STATUSES].map((s) => [s, 0]),
      ) as ChecklistList['totals'];
      const out: ChecklistListRow[] = rows.map((r) => {
        const status = r.status ?? 'not_started';
        totals[status]++;
        return { ...r, status, updatedAt: r.updatedAt?.toISOString() ?? null };
      });
      return {
        campaign: { id: c.id, title: c.title, status: c.status, open: isChecklistOpen(c.status) },
        rows: out,
        totals,
      };
    },

    /** One organization's checklist; a checklist nobody saved yet comes back prefilled. */
    async get(caller: Caller, campaignId: number, organizationId: number): Promise<ChecklistView> {
      const access = assertCanView(caller, organizationId);
      const ctx = await loadContext(db, deps.now(), campaignId, organizationId);
      return view(db, ctx, access, await feedFor(db, campaignId, organizationId));
    },

    /**
     * Saves some answers of one side (partial: only what is sent changes; idempotent: a repeat
     * changes nothing), channel findings, the site correction and evidence, in one transaction.
     * Uploads are checked (type by signature, ≤ 10 MB) before anything is written.
     */
    async save(
      caller: Caller,
      campaignId: number,
      organizationId: number,
      raw: unknown,
      uploads: readonly EvidenceUpload[] = [],
    ): Promise<ChecklistView> {
      const input = parse(SaveChecklistInput, raw);
      assertSide(caller, input.side, organizationId);
      if (input.siteOverride !== undefined && input.side !== 'confirmed')
        throw AppError.validation('Данные мониторинга сайта исправляет эксперт', [
          { path: 'siteOverride', message: 'Данные мониторинга сайта исправляет эксперт' },
        ]);
      assertEvidence(uploads);
      const ctx = await loadContext(db, deps.now(), campaignId, organizationId);
      assertOpen(ctx.campaign);
      assertEvidenceTargets(ctx, [...input.links, ...uploads]);
      const feed = await feedFor(db, campaignId, organizationId);
      const access = assertCanView(caller, organizationId);
      let scored = false;
      const result = await db.transaction(async (tx) => {
        const { row, created } = await lockOrCreateChecklist(tx, campaignId, organizationId);
        assertSideStatus(row.status, input.side);
        const now = deps.now();
        const userId = caller.userId ?? null;
        const merged = mergeSave(
          {
            catalogues: ctx.catalogues,
            org: ctx.facts,
            side: input.side,
            checklistId: row.id,
            today: ctx.today,
            now,
            userId,
            monitor: feed,
          },
          await checklistItemRows(tx, row.id),
          await channelTests(tx, row.id),
          { items: input.items, channels: input.channels },
        );
        await upsertItems(tx, merged.items);
        await upsertChannelTests(
          tx,
          merged.tests.map((t) => ({ ...t, recordedAt: t.recordedAt ?? now })),
        );
        const audit: AuditChange[] = [];
        const base = { campaignId, organizationId, side: input.side };
        if (created)
          audit.push({
            action: 'checklist.create',
            entityType: 'checklist',
            entityId: row.id,
            after: base,
          });
        if (merged.items.length + merged.tests.length > 0)
          audit.push({
            action: 'checklist.save',
            entityType: 'checklist',
            entityId: row.id,
            before: { ...base, items: merged.before },
            after: { ...base, items: merged.after },
          });
        const patch: Partial<Checklist> = {};
        const site = siteOverridePatch(row, input.siteOverride, userId, now);
        if (site) {
          Object.assign(patch, site.patch);
          audit.push({
            action: 'checklist.siteOverride',
            entityType: 'checklist',
            entityId: row.id,
            ...site.audit,
          });
        }
        for (const link of input.links) {
          const id = await insertEvidence(tx, {
            checklistId: row.id,
            section: link.section,
            itemKey: link.key,
            side: input.side,
            url: link.url,
            createdById: userId,
          });
          audit.push(
            evidenceAudit(row.id, {
              id,
              ...base,
              section: link.section,
              key: link.key,
              url: link.url,
            }),
          );
        }
        for (const file of uploads) {
          const fileRow = evidenceFileRow(file, userId);
          const fileId = await insertFileRow(tx, fileRow);
          const id = await insertEvidence(tx, {
            checklistId: row.id,
            section: file.section,
            itemKey: file.key,
            side: input.side,
            fileId,
            createdById: userId,
          });
          audit.push(
            evidenceAudit(row.id, {
              id,
              ...base,
              section: file.section,
              key: file.key,
              fileId,
              name: fileRow.name,
              mime: fileRow.mime,
              size: fileRow.size,
              sha256: fileRow.sha256,
            }),
          );
        }
        const changed = audit.some((a) => a.action !== 'checklist.create');
        if (
          changed &&
          input.side === 'confirmed' &&
          (row.status === 'draft' || row.status === 'self_reported')
        ) {
          Object.assign(patch, { status: 'in_review', reviewStartedAt: now });
          audit.push({
            action: 'checklist.status',
            entityType: 'checklist',
            entityId: row.id,
            before: { status: row.status },
            after: { status: 'in_review' },
          });
        }
        if (changed) await updateChecklist(tx, row.id, { ...patch, updatedAt: now });
        if (audit.length > 0) await recordAudit(tx, caller, audit);
        // Only the expert's side scores (checklist-inputs.ts); evidence alone changes no count.
        scored =
          input.side === 'confirmed' &&
          audit.some((a) => a.action === 'checklist.save' || a.action === 'checklist.siteOverride');
        return view(tx, ctx, access, feed);
      });
      if (scored) await inputsChanged(campaignId, ctx.campaign.status);
      return result;
    },
  };
}

export type ChecklistsService = ReturnType<typeof createChecklistsService>;
