// Campaign use cases: create and edit a campaign, move it through its workflow, plan its stages.
// The organization list (proposal, adjustments, council approval) lives in campaign-list.service.ts
// and is merged into the same service object.
import { AppError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions/index.ts';
import {
  CAMPAIGN_STATUS_TITLES,
  canTransition,
  isMethodologyFrozen,
  nextStatuses,
  type CampaignStatus,
} from '../../domain/campaigns/workflow.ts';
import {
  STAGE_TITLES,
  defaultStagePlan,
  stageState,
  validateStagePlan,
  type StageState,
} from '../../domain/campaigns/stages.ts';
import type { Executor } from '../../db/client.ts';
import type { Campaign, CampaignStage } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import {
  createCampaign,
  listCampaigns,
  listCampaignStages,
  setCampaignMethodology,
  updateCampaign,
  upsertCampaignStages,
} from './campaigns.repo.ts';
import {
  getFile,
  listCounts,
  moveRows,
  regionIds,
  rowsWithoutCode,
  setStageCompleted,
  setSurveyCodes,
  takenCodes,
  territoryTimezone,
  type ListCounts,
} from './campaign-list.repo.ts';
import {
  CreateCampaignInput,
  StageDatesInput,
  StageDoneInput,
  StatusInput,
  UpdateCampaignInput,
} from './campaigns.schema.ts';
import {
  campaignSnapshot,
  hasMethodologyChoice,
  loadCampaign,
  lockCampaign,
  localDate,
  methodologyFrom,
  parse,
} from './campaigns.shared.ts';
import { createCampaignListService } from './campaign-list.service.ts';
import { uniqueSurveyCodes } from './survey-code.ts';
import { destroySaltIn, renewSaltIn } from '../survey/survey.service.ts';

export interface StageView extends CampaignStage {
  state: StageState;
}

export interface CampaignSummary extends Campaign {
  counts: ListCounts;
}

export interface CampaignDetails extends CampaignSummary {
  stages: StageView[];
  /** Today in the region's time zone (what the stage states were computed against). */
  today: string;
  timezone: string;
  nextStatuses: CampaignStatus[];
  methodologyFrozen: boolean;
  protocol: { id: number; name: string; mime: string; size: number } | null;
}

const LIST_APPROVAL_HINT =
  'Перечень утверждается решением общественного совета: заполните форму утверждения перечня';

export function createCampaignsService(deps: ServiceDeps) {
  const { db } = deps;

  async function stageViews(ex: Executor, c: Campaign) {
    const timezone = await territoryTimezone(ex, c.territoryId);
    const today = localDate(deps.now(), timezone);
    const rows = await listCampaignStages(ex, c.id);
    const stages: StageView[] = rows.map((s) => ({
      ...s,
      state: stageState(
        {
          key: s.key,
          plannedStart: s.plannedStart ?? '0000-01-01',
          plannedEnd: s.plannedEnd ?? '9999-12-31',
          completedAt: s.completedAt ? localDate(s.completedAt, timezone) : null,
        },
        today,
      ),
    }));
    return { stages, today, timezone };
  }

  /** Survey codes for every included organization that has none (re-entering keeps old codes). */
  async function issueSurveyCodes(ex: Executor, campaignId: number): Promise<number> {
    const ids = await rowsWithoutCode(ex, campaignId);
    const codes = await uniqueSurveyCodes(ids.length, (batch) => takenCodes(ex, batch));
    await setSurveyCodes(
      ex,
      campaignId,
      ids.map((organizationId, i) => ({ organizationId, code: codes[i]! })),
    );
    return ids.length;
  }

  return {
    ...createCampaignListService(deps),

    /** Campaigns, newest first, with the counts of their lists. */
    async list(caller: Caller): Promise<CampaignSummary[]> {
      authorize(caller, 'campaign.view');
      const rows = await listCampaigns(db);
      const counts = await listCounts(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => ({ ...r, counts: counts.get(r.id)! }));
    },

    async get(caller: Caller, id: number): Promise<CampaignDetails> {
      authorize(caller, 'campaign.view');
      const c = await loadCampaign(db, id);
      const counts = (await listCounts(db, [id])).get(id)!;
      const file = c.protocolFileId ? await getFile(db, c.protocolFileId) : null;
      return {
        ...c,
        counts,
        ...(await stageViews(db, c)),
        nextStatuses: nextStatuses(c.status),
        methodologyFrozen: c.methodologyFrozenAt !== null,
        protocol: file ? { id: file.id, name: file.name, mime: file.mime, size: file.size } : null,
      };
    },

    /** The stored protocol file of the council decision (for download). */
    async protocolFile(caller: Caller, id: number) {
      authorize(caller, 'campaign.view');
      const c = await loadCampaign(db, id);
      const file = c.protocolFileId ? await getFile(db, c.protocolFileId) : null;
      if (!file || !file.data) throw AppError.notFound('Протокол не загружен');
      return { name: file.name, mime: file.mime, bytes: file.data };
    },

    /** A new draft campaign with the default stage plan of its year. */
    async create(caller: Caller, raw: unknown): Promise<Campaign> {
      authorize(caller, 'campaign.create');
      const input = parse(CreateCampaignInput, raw);
      const methodology = methodologyFrom(input);
      return db.transaction(async (tx) => {
        const regions = await regionIds(tx);
        const territoryId = input.territoryId ?? regions[0];
        if (territoryId === undefined || !regions.includes(territoryId))
          throw AppError.validation('Сначала заведите регион в реестре территорий', [
            { path: 'territoryId', message: 'Регион не найден' },
          ]);
        const c = await createCampaign(tx, {
          title: input.title,
          year: input.year,
          territoryId,
          methodology,
          createdById: caller.userId ?? null,
        });
        const stages = await upsertCampaignStages(
          tx,
          c.id,
          defaultStagePlan(c.year).map((s) => ({ ...s, title: STAGE_TITLES[s.key] })),
        );
        await recordAudit(tx, caller, {
          action: 'campaign.create',
          entityType: 'campaign',
          entityId: c.id,
          after: {
            ...campaignSnapshot(c),
            stages: stages.map((s) => [s.key, s.plannedStart, s.plannedEnd]),
          },
        });
        return c;
      });
    },

    /** Title any time; year only in draft; methodology switches only until frozen. */
    async update(caller: Caller, id: number, raw: unknown): Promise<Campaign> {
      authorize(caller, 'campaign.edit');
      const input = parse(UpdateCampaignInput, raw);
      return db.transaction(async (tx) => {
        const before = await lockCampaign(tx, id);
        if (before.status === 'closed')
          throw AppError.invalidState('Кампания завершена: изменения невозможны');
        if (input.year !== undefined && input.year !== before.year && before.status !== 'draft')
          throw AppError.invalidState('Год кампании меняется только до утверждения перечня');
        let after = before;
        if (hasMethodologyChoice(input)) {
          if (before.methodologyFrozenAt || isMethodologyFrozen(before.status))
            throw AppError.invalidState(frozenMessage(before));
          after =
            (await setCampaignMethodology(tx, id, methodologyFrom(input, before.methodology))) ??
            after;
        }
        if (input.title !== undefined || input.year !== undefined) {
          after =
            (await updateCampaign(tx, id, {
              ...(input.title !== undefined ? { title: input.title } : {}),
              ...(input.year !== undefined ? { year: input.year } : {}),
            })) ?? after;
        }
        await recordAudit(tx, caller, {
          action: 'campaign.update',
          entityType: 'campaign',
          entityId: id,
          before: campaignSnapshot(before),
          after: campaignSnapshot(after),
        });
        return after;
      });
    },

    /**
     * Moves the campaign along the workflow. Entering `collecting` freezes the methodology and
     * issues survey codes; leaving it destroys the survey salt; going back to `draft` reopens the
     * list (included → proposed).
     */
    async transition(caller: Caller, id: number, raw: unknown): Promise<Campaign> {
      authorize(caller, 'campaign.edit');
      const { to } = parse(StatusInput, raw);
      return db.transaction(async (tx) => {
        const before = await lockCampaign(tx, id);
        if (to === 'list_approved' && before.status === 'draft')
          throw AppError.invalidState(LIST_APPROVAL_HINT);
        assertTransition(before.status, to);
        const patch: Parameters<typeof updateCampaign>[2] = { status: to };
        let codes = 0;
        if (to === 'draft') await moveRows(tx, id, 'included', 'proposed');
        if (to === 'collecting') {
          const counts = (await listCounts(tx, [id])).get(id)!;
          if (counts.included === 0)
            throw AppError.invalidState(
              'В перечне нет ни одной организации: сбор данных начать нельзя',
            );
          if (!before.methodologyFrozenAt) patch.methodologyFrozenAt = deps.now();
          codes = await issueSurveyCodes(tx, id);
          if (before.status === 'calculating') await renewSaltIn(tx, caller, id);
        }
        // Anonymity (issue 4): the anti-fraud salt dies with data collection, in this transaction.
        if (before.status === 'collecting') await destroySaltIn(tx, caller, id, deps.now());
        const after = (await updateCampaign(tx, id, patch))!;
        await recordAudit(tx, caller, {
          action: 'campaign.status',
          entityType: 'campaign',
          entityId: id,
          before: { status: before.status, methodologyFrozenAt: before.methodologyFrozenAt },
          after: {
            status: after.status,
            methodologyFrozenAt: after.methodologyFrozenAt,
            surveyCodesIssued: codes,
          },
        });
        return after;
      });
    },

    /** Planned dates of some stages; every end must not precede its start. */
    async setStageDates(caller: Caller, id: number, raw: unknown): Promise<StageView[]> {
      authorize(caller, 'campaign.edit');
      const input = parse(StageDatesInput, raw);
      const problems = validateStagePlan(input.stages);
      if (problems.length > 0)
        throw AppError.validation(
          problems.join('; '),
          input.stages
            .map((s, i) => ({ s, i }))
            .filter(({ s }) => s.plannedEnd < s.plannedStart)
            .map(({ s, i }) => ({
              path: `stages[${i}].plannedEnd`,
              message: `«${STAGE_TITLES[s.key]}»: дата окончания раньше даты начала`,
            })),
        );
      return db.transaction(async (tx) => {
        const c = await lockCampaign(tx, id);
        if (c.status === 'closed')
          throw AppError.invalidState('Кампания завершена: изменения невозможны');
        const before = await listCampaignStages(tx, id);
        await upsertCampaignStages(
          tx,
          id,
          input.stages.map((s) => ({ ...s, title: STAGE_TITLES[s.key] })),
        );
        const views = await stageViews(tx, c);
        await recordAudit(tx, caller, {
          action: 'campaign.stages',
          entityType: 'campaign',
          entityId: id,
          before: before.map((s) => ({
            key: s.key,
            plannedStart: s.plannedStart,
            plannedEnd: s.plannedEnd,
          })),
          after: views.stages.map((s) => ({
            key: s.key,
            plannedStart: s.plannedStart,
            plannedEnd: s.plannedEnd,
          })),
        });
        return views.stages;
      });
    },

    /** Marks a stage done now (or not done again). */
    async setStageDone(caller: Caller, id: number, raw: unknown): Promise<StageView[]> {
      authorize(caller, 'campaign.edit');
      const input = parse(StageDoneInput, raw);
      return db.transaction(async (tx) => {
        const c = await lockCampaign(tx, id);
        const stages = await listCampaignStages(tx, id);
        const stage = stages.find((s) => s.key === input.key);
        if (!stage) throw AppError.notFound(`Этап «${STAGE_TITLES[input.key]}» не найден`);
        const completedAt = input.done ? (stage.completedAt ?? deps.now()) : null;
        await setStageCompleted(tx, id, input.key, completedAt);
        await recordAudit(tx, caller, {
          action: 'campaign.stageDone',
          entityType: 'campaign',
          entityId: id,
          before: { key: stage.key, completedAt: stage.completedAt },
          after: { key: stage.key, completedAt },
        });
        return (await stageViews(tx, c)).stages;
      });
    },
  };
}

function assertTransition(from: CampaignStatus, to: CampaignStatus): void {
  if (canTransition(from, to)) return;
  const options = nextStatuses(from).map((s) => `«${CAMPAIGN_STATUS_TITLES[s]}»`);
  throw AppError.invalidState(
    `Нельзя перевести кампанию из статуса «${CAMPAIGN_STATUS_TITLES[from]}» в статус «${CAMPAIGN_STATUS_TITLES[to]}». ` +
      (options.length ? `Возможно: ${options.join(', ')}.` : 'Кампания завершена.'),
    { from, to, allowed: nextStatuses(from) },
  );
}

function frozenMessage(c: Campaign): string {
  const at = c.methodologyFrozenAt ? ` ${c.methodologyFrozenAt.toISOString().slice(0, 10)}` : '';
  return `Методика кампании зафиксирована${at} при начале сбора данных и больше не меняется: все ответы и чек-листы оцениваются по правилам, действовавшим при их сборе`;
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;
