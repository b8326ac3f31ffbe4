// The campaign's list of organizations: the proposal by the frequency rule (art. 95.2 part 3 of
// 273-ФЗ: at most once a year, at least once in three years), the user's adjustments, and the public
// council's decision approving it (Mintrud order No. 899).
import { AppError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions/index.ts';
import { canTransition, isListEditable } from '../../domain/campaigns/workflow.ts';
import { proposeCampaignList } from '../../domain/campaigns/proposal.ts';
import { frequencyDecision, type FrequencyDecision } from '../../domain/scoring/index.ts';
import type { Executor } from '../../db/client.ts';
import type { Campaign } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import {
  addCampaignOrganizations,
  listCampaignStages,
  setCampaignOrganizationStatus,
  updateCampaign,
} from './campaigns.repo.ts';
import {
  assessmentHistory,
  deleteProposedRows,
  findOrganization,
  getListRow,
  insertFile,
  listCounts,
  listRows,
  moveRows,
  regionOfMunicipality,
  setStageCompleted,
  territoryTimezone,
  type AssessmentHistory,
  type ListRow,
} from './campaign-list.repo.ts';
import {
  AddOrganizationInput,
  ApproveListInput,
  CampaignOrganizationsFilter,
  ExcludeOrganizationInput,
  type ProtocolFile,
} from './campaigns.schema.ts';
import {
  campaignSnapshot,
  loadCampaign,
  localDate,
  lockCampaign,
  parse,
} from './campaigns.shared.ts';
import { protocolFileRow } from './protocol-file.ts';

/** Reason text of rows a user added by hand; re-proposing keeps them. */
export const MANUAL_REASON = 'Добавлена вручную';

export interface CampaignListRow extends ListRow {
  /** The year of the last assessment before this campaign (history and earlier campaigns). */
  lastAssessedYear: number | null;
  overdue: boolean;
  frequency: FrequencyDecision['status'];
  frequencyReason: string;
}

export interface CampaignList {
  rows: CampaignListRow[];
  /** Municipalities present in the whole list (for the filter). */
  municipalities: { id: number; name: string }[];
  editable: boolean;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const yearsOf = (h: AssessmentHistory) =>
  h.lastAssessedYear === null ? h.campaignYears : [h.lastAssessedYear, ...h.campaignYears];

function assertEditable(c: Campaign): void {
  if (!isListEditable(c.status))
    throw AppError.invalidState(
      'Перечень утверждён общественным советом и больше не меняется. Чтобы изменить его, верните кампанию в статус «Формирование перечня»',
    );
}

function withDecision(r: ListRow, d: FrequencyDecision): CampaignListRow {
  return {
    ...r,
    lastAssessedYear: d.lastAssessedYear,
    overdue: d.overdue,
    frequency: d.status,
    frequencyReason: capitalize(d.reason),
  };
}

const listSnapshot = (rows: readonly ListRow[]) =>
  rows.map((r) => ({ organizationId: r.organizationId, status: r.status, mandatory: r.mandatory }));

export function createCampaignListService(deps: ServiceDeps) {
  const { db } = deps;

  /** Frequency decision and proposal priority (the domain's order) of each organization. */
  async function decisionsFor(ex: Executor, c: Campaign, organizationIds: number[]) {
    const history = await assessmentHistory(ex, {
      regionId: c.territoryId,
      exceptCampaignId: c.id,
      organizationIds,
    });
    const ranked = proposeCampaignList(
      c.year,
      history.map((h) => ({
        organizationId: h.organizationId,
        active: true,
        assessedYears: yearsOf(h),
      })),
    );
    return new Map(ranked.map((r) => [r.organizationId, r]));
  }

  return {
    async listOrganizations(caller: Caller, id: number, raw: unknown = {}): Promise<CampaignList> {
      authorize(caller, 'campaign.view');
      const filter = parse(CampaignOrganizationsFilter, raw);
      const c = await loadCampaign(db, id);
      const all = await listRows(db, id, {});
      const decisions = await decisionsFor(
        db,
        c,
        all.map((r) => r.organizationId),
      );
      const municipalities = [...new Map(all.map((r) => [r.municipalityId, r.municipalityName]))]
        .map(([mid, name]) => ({ id: mid, name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
      const rows = all
        .filter(
          (r) =>
            (!filter.status || r.status === filter.status) &&
            (!filter.kind || r.kind === filter.kind) &&
            (!filter.municipalityId || r.municipalityId === filter.municipalityId),
        )
        .map((r) => {
          const p = decisions.get(r.organizationId);
          return {
            row: withDecision(r, p?.decision ?? frequencyDecision(c.year, [])),
            rank: p?.priority ?? 9,
          };
        })
        // The proposal's order: overdue, never assessed, last year of the window, then the rest.
        .sort((a, b) => a.rank - b.rank)
        .map((x) => x.row);
      return { rows, municipalities, editable: isListEditable(c.status) };
    },

    /**
     * (Re)builds the proposal: every active organization of the region ranked by the frequency
     * rule. Rows the user added by hand and exclusions stay; earlier proposed rows are replaced.
     */
    async proposeList(caller: Caller, id: number) {
      authorize(caller, 'campaign.edit');
      return db.transaction(async (tx) => {
        const c = await lockCampaign(tx, id);
        assertEditable(c);
        const before = await listRows(tx, id, {});
        const history = await assessmentHistory(tx, {
          regionId: c.territoryId,
          exceptCampaignId: id,
        });
        const proposal = proposeCampaignList(
          c.year,
          history.map((h) => ({
            organizationId: h.organizationId,
            active: h.active,
            assessedYears: yearsOf(h),
          })),
        ).filter((p) => p.proposed);
        await deleteProposedRows(tx, id, MANUAL_REASON);
        const added = await addCampaignOrganizations(
          tx,
          id,
          proposal.map((p) => ({
            organizationId: p.organizationId,
            status: 'proposed' as const,
            mandatory: p.mandatory,
            reason: capitalize(p.decision.reason),
          })),
        );
        const after = await listRows(tx, id, {});
        await recordAudit(tx, caller, {
          action: 'campaign.propose',
          entityType: 'campaign',
          entityId: id,
          before: listSnapshot(before),
          after: listSnapshot(after),
        });
        return {
          proposed: added.length,
          mandatory: proposal.filter((p) => p.mandatory && added.includes(p.organizationId)).length,
          total: after.length,
        };
      });
    },

    /** Adds an organization by id, INN or code; never one already assessed this year. */
    async addOrganization(caller: Caller, id: number, raw: unknown): Promise<CampaignListRow> {
      authorize(caller, 'campaign.edit');
      const input = parse(AddOrganizationInput, raw);
      return db.transaction(async (tx) => {
        const c = await lockCampaign(tx, id);
        assertEditable(c);
        const org = await findOrganization(tx, { id: input.organizationId, query: input.query });
        if (!org)
          throw AppError.notFound(
            `Организация ${input.query ? `«${input.query}» ` : ''}не найдена в реестре (укажите ИНН или код)`,
          );
        if (!org.active)
          throw AppError.invalidState(`«${org.shortName}» закрыта (неактивна в реестре)`);
        if ((await regionOfMunicipality(tx, org.municipalityId)) !== c.territoryId)
          throw AppError.invalidState(`«${org.shortName}» не относится к региону кампании`);
        const d =
          (await decisionsFor(tx, c, [org.id])).get(org.id)?.decision ??
          frequencyDecision(c.year, []);
        if (d.status === 'not_allowed')
          throw AppError.invalidState(`«${org.shortName}» нельзя включить: ${d.reason}`);
        const existing = await getListRow(tx, id, org.id);
        if (existing && existing.status !== 'excluded')
          throw AppError.conflict(`«${org.shortName}» уже есть в перечне`);
        const reason = input.comment ? `${MANUAL_REASON}: ${input.comment}` : MANUAL_REASON;
        if (existing) await setCampaignOrganizationStatus(tx, id, org.id, 'proposed', reason);
        else
          await addCampaignOrganizations(tx, id, [
            {
              organizationId: org.id,
              mandatory: d.status === 'must',
              reason,
              addedById: caller.userId ?? null,
            },
          ]);
        const row = (await getListRow(tx, id, org.id))!;
        await recordAudit(tx, caller, {
          action: 'campaign.addOrganization',
          entityType: 'campaign_organization',
          entityId: `${id}:${org.id}`,
          before: existing ? { status: existing.status, reason: existing.reason } : null,
          after: { status: row.status, mandatory: row.mandatory, reason: row.reason },
        });
        return withDecision(row, d);
      });
    },

    /** Excludes an organization; a mandatory one only with a reason, and it stays flagged. */
    async excludeOrganization(
      caller: Caller,
      id: number,
      organizationId: number,
      raw: unknown = {},
    ) {
      authorize(caller, 'campaign.edit');
      const input = parse(ExcludeOrganizationInput, raw);
      return db.transaction(async (tx) => {
        const c = await lockCampaign(tx, id);
        assertEditable(c);
        const row = await getListRow(tx, id, organizationId);
        if (!row) throw AppError.notFound('Этой организации нет в перечне');
        if (row.status === 'excluded')
          throw AppError.conflict(`«${row.shortName}» уже исключена из перечня`);
        const reason = input.reason?.trim() ?? '';
        if (row.mandatory && reason === '') {
          const message = `«${row.shortName}» обязательна к оценке в ${c.year} году (не реже раза в три года): укажите причину исключения`;
          throw AppError.validation(message, [{ path: 'reason', message }]);
        }
        await setCampaignOrganizationStatus(
          tx,
          id,
          organizationId,
          'excluded',
          reason || 'Исключена из перечня',
        );
        const after = (await getListRow(tx, id, organizationId))!;
        await recordAudit(tx, caller, {
          action: 'campaign.excludeOrganization',
          entityType: 'campaign_organization',
          entityId: `${id}:${organizationId}`,
          before: { status: row.status, mandatory: row.mandatory, reason: row.reason },
          after: { status: after.status, mandatory: after.mandatory, reason: after.reason },
        });
        return after;
      });
    },

    /**
     * The council's decision: stores the protocol, proposed rows become included (excluded stay
     * excluded), the campaign moves to `list_approved` and the list-approval stage is done.
     */
    async approveList(caller: Caller, id: number, raw: unknown, file: ProtocolFile | null) {
      authorize(caller, 'campaign.approveList');
      const input = parse(ApproveListInput, raw);
      const fileRow = protocolFileRow(file, caller.userId ?? null);
      return db.transaction(async (tx) => {
        const before = await lockCampaign(tx, id);
        if (!canTransition(before.status, 'list_approved'))
          throw AppError.invalidState(
            before.status === 'draft' ? 'Перечень нельзя утвердить' : 'Перечень уже утверждён',
          );
        const today = localDate(deps.now(), await territoryTimezone(tx, before.territoryId));
        if (input.decisionDate > today) {
          const message = 'Дата решения общественного совета не может быть позже сегодняшней';
          throw AppError.validation(message, [{ path: 'decisionDate', message }]);
        }
        const counts = (await listCounts(tx, [id])).get(id)!;
        if (counts.proposed + counts.included === 0)
          throw AppError.invalidState(
            'Перечень пуст: сформируйте предложение или добавьте организации',
          );
        const stored = await insertFile(tx, fileRow);
        const included = await moveRows(tx, id, 'proposed', 'included');
        const after = (await updateCampaign(tx, id, {
          status: 'list_approved',
          councilDecisionNumber: input.decisionNumber,
          councilDecisionDate: input.decisionDate,
          protocolFileId: stored.id,
        }))!;
        const stage = (await listCampaignStages(tx, id)).find((s) => s.key === 'list_approval');
        // The stage ends on the day of the decision, not the day it was entered. 09:00 UTC falls on
        // the same calendar day in every Russian time zone (UTC+2 … UTC+12).
        if (stage && !stage.completedAt)
          await setStageCompleted(
            tx,
            id,
            'list_approval',
            new Date(`${input.decisionDate}T09:00:00Z`),
          );
        await recordAudit(tx, caller, {
          action: 'campaign.approveList',
          entityType: 'campaign',
          entityId: id,
          before: campaignSnapshot(before),
          after: {
            ...campaignSnapshot(after),
            included: counts.included + included,
            excluded: counts.excluded,
            protocol: {
              id: stored.id,
              name: stored.name,
              size: stored.size,
              sha256: stored.sha256,
            },
          },
        });
        return {
          campaign: after,
          included: counts.included + included,
          excluded: counts.excluded,
          fileId: stored.id,
        };
      });
    },
  };
}
