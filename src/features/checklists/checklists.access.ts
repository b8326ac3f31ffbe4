// Who may do what with a checklist, and the campaign and organization a call is about. Experts and
// operators (checklist.fill) confirm items of any organization; an organization's staff
// (checklist.selfReport, scope «own organization») declare items of their own one only.
import {
  CHECKLIST_STATUS_TITLES,
  isChecklistOpen,
  resolveCatalogues,
  type ChecklistCatalogues,
  type ChecklistStatus,
  type OrganizationFacts,
  type Side,
} from '../../domain/checklists/index.ts';
import { CAMPAIGN_STATUS_TITLES } from '../../domain/campaigns/workflow.ts';
import { AppError } from '../../domain/errors.ts';
import { authorize, can } from '../../domain/permissions/index.ts';
import type { Executor } from '../../db/client.ts';
import type { Campaign } from '../../db/schema/index.ts';
import { territoryTimezone } from '../campaigns/campaign-list.repo.ts';
import { loadCampaign, localDate } from '../campaigns/campaigns.shared.ts';
import type { Caller } from '../context.ts';
import { campaignOrganization, type CampaignOrganizationRow } from './checklists.repo.ts';

export interface Access {
  declare: boolean;
  confirm: boolean;
}

export function accessOf(caller: Caller, organizationId: number): Access {
  return {
    declare: can(caller, 'checklist.selfReport', { organizationId }),
    confirm: can(caller, 'checklist.fill'),
  };
}

/** Reading needs either right; refusing before any lookup tells nothing about other records. */
export function assertCanView(caller: Caller, organizationId: number): Access {
  const a = accessOf(caller, organizationId);
  if (!a.declare && !a.confirm) throw AppError.forbidden();
  return a;
}

/** The organization declares (self-report); the expert confirms. */
export function assertSide(caller: Caller, side: Side, organizationId: number): void {
  if (side === 'confirmed') authorize(caller, 'checklist.fill');
  else authorize(caller, 'checklist.selfReport', { organizationId });
}

export function assertOpen(c: Campaign): void {
  if (!isChecklistOpen(c.status))
    throw AppError.invalidState(
      `Чек-листы заполняются во время сбора данных и расчёта показателей; кампания сейчас в статусе «${CAMPAIGN_STATUS_TITLES[c.status]}»`,
    );
}

export function assertSideStatus(status: ChecklistStatus, side: Side): void {
  if (side === 'declared' && status !== 'draft')
    throw AppError.invalidState(
      status === 'self_reported'
        ? 'Самообследование уже отправлено: изменения вносит эксперт'
        : `Чек-лист у эксперта (статус «${CHECKLIST_STATUS_TITLES[status]}»): изменения вносит эксперт`,
    );
  if (side === 'confirmed' && status === 'confirmed')
    throw AppError.invalidState(
      'Чек-лист подтверждён. Чтобы внести исправления, откройте его заново (с указанием причины)',
    );
}

export interface ChecklistContext {
  campaign: Campaign;
  org: CampaignOrganizationRow;
  facts: OrganizationFacts;
  catalogues: ChecklistCatalogues;
  /** Today in the region's time zone. */
  today: string;
}

export async function loadContext(
  ex: Executor,
  now: Date,
  campaignId: number,
  organizationId: number,
): Promise<ChecklistContext> {
  const campaign = await loadCampaign(ex, campaignId);
  const org = await campaignOrganization(ex, campaignId, organizationId);
  if (!org || org.listStatus !== 'included')
    throw AppError.notFound('Организация не включена в перечень этой кампании');
  const timezone = await territoryTimezone(ex, campaign.territoryId);
  return {
    campaign,
    org,
    facts: { kind: org.kind, facts: org.applicability },
    catalogues: resolveCatalogues(campaign.methodology.catalogues),
    today: localDate(now, timezone),
  };
}
