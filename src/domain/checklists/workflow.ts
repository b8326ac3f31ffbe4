// The life of one organization's checklist in a campaign (checklists.md "Organization
// self-report"): the organization declares its items (draft → self_reported), the expert checks
// them on site (in_review) and confirms the list (confirmed). An expert may start without a
// self-report, and may reopen a confirmed checklist to correct it.
import type { CampaignStatus } from '../campaigns/workflow.ts';

export const CHECKLIST_STATUSES = ['draft', 'self_reported', 'in_review', 'confirmed'] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

/** A checklist nobody has saved yet is shown as «не начат». */
export type ChecklistListStatus = ChecklistStatus | 'not_started';

export const CHECKLIST_STATUS_TITLES: Record<ChecklistListStatus, string> = {
  not_started: 'Не начат',
  draft: 'Самообследование: черновик',
  self_reported: 'Самообследование отправлено',
  in_review: 'На проверке эксперта',
  confirmed: 'Подтверждён экспертом',
};

/**
 * Checklists change only while data is collected or results are (re)calculated: the methodology,
 * and so the catalogue versions, are frozen from the start of collection (ADR 0005).
 */
export const CHECKLIST_OPEN_CAMPAIGN_STATUSES: readonly CampaignStatus[] = [
  'collecting',
  'calculating',
];

export function isChecklistOpen(status: CampaignStatus): boolean {
  return CHECKLIST_OPEN_CAMPAIGN_STATUSES.includes(status);
}

/** The organization may change its declaration only before sending it. */
export function canDeclare(status: ChecklistStatus): boolean {
  return status === 'draft';
}

/** The expert works on anything not yet confirmed (a confirmed checklist is reopened first). */
export function canConfirmItems(status: ChecklistStatus): boolean {
  return status !== 'confirmed';
}

export function isChecklistStatus(value: unknown): value is ChecklistStatus {
  return typeof value === 'string' && (CHECKLIST_STATUSES as readonly string[]).includes(value);
}
