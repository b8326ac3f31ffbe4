// The life of a campaign (one assessment cycle). Transitions follow the order of work in Mintrud
// order No. 899 of 28.12.2023: the council approves the list, the operator collects data, results are
// calculated and reported, the council discusses them, results are published, plans follow.

export const CAMPAIGN_STATUSES = [
  'draft',
  'list_approved',
  'collecting',
  'calculating',
  'reporting',
  'discussion',
  'published',
  'closed',
] as const;

export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_STATUS_TITLES: Record<CampaignStatus, string> = {
  draft: 'Формирование перечня',
  list_approved: 'Перечень утверждён',
  collecting: 'Сбор данных',
  calculating: 'Расчёт показателей',
  reporting: 'Подготовка отчёта',
  discussion: 'Обсуждение в общественном совете',
  published: 'Результаты опубликованы',
  closed: 'Завершена',
};

/** Allowed moves. Stepping back is allowed only where work can be reopened without losing data. */
const TRANSITIONS: Record<CampaignStatus, CampaignStatus[]> = {
  draft: ['list_approved'],
  list_approved: ['collecting', 'draft'],
  collecting: ['calculating'],
  calculating: ['reporting', 'collecting'],
  reporting: ['discussion', 'calculating'],
  discussion: ['published', 'reporting'],
  published: ['closed'],
  closed: [],
};

export function canTransition(from: CampaignStatus, to: CampaignStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function nextStatuses(from: CampaignStatus): CampaignStatus[] {
  return [...TRANSITIONS[from]];
}

/** The list of organizations may change only before the council approves it. */
export function isListEditable(status: CampaignStatus): boolean {
  return status === 'draft';
}

/**
 * The methodology version is chosen per campaign and frozen once data collection starts, so every
 * response and checklist is scored by the rules in force when it was collected.
 */
export function isMethodologyFrozen(status: CampaignStatus): boolean {
  return CAMPAIGN_STATUSES.indexOf(status) >= CAMPAIGN_STATUSES.indexOf('collecting');
}

export function isCampaignStatus(value: string): value is CampaignStatus {
  return (CAMPAIGN_STATUSES as readonly string[]).includes(value);
}
