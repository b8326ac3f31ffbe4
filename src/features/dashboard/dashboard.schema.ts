// What a dashboard is made of (shared by the service and the page; types and plain data only).
import type { StageState } from '../../domain/campaigns/stages.ts';
import type { CampaignStatus } from '../../domain/campaigns/workflow.ts';
import type { ActorRole } from '../../domain/permissions/index.ts';

export type Tone = 'ok' | 'warning' | 'danger' | 'info' | 'neutral';

/** One number that asks for action, with the page where the action is taken. */
export interface DashboardCount {
  key: string;
  label: string;
  count: number;
  href: string;
  /** danger when something is late or blocks work, warning for gaps, ok when nothing to do. */
  tone: Tone;
}

export interface DashboardSection {
  key: string;
  title: string;
  counts: DashboardCount[];
}

export interface DashboardStage {
  key: string;
  title: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  completedAt: string | null;
  state: StageState | null;
}

/** A stage of some campaign, for the «late» and «coming up» lists. */
export interface StageRef {
  campaignId: number;
  campaignTitle: string;
  key: string;
  title: string;
  plannedStart: string;
  plannedEnd: string;
  state: StageState;
  href: string;
}

export interface MissingField {
  key: 'website' | 'email' | 'contingent' | 'head';
  label: string;
}

export interface CampaignFocus {
  id: number;
  title: string;
  year: number;
  status: CampaignStatus;
  statusTitle: string;
  included: number;
  proposed: number;
  stages: DashboardStage[];
  href: string;
}

export interface MunicipalityOverdue {
  municipalityId: number;
  name: string;
  organizations: number;
  /** Must be assessed in the reference year (the 3-year window ends, or never assessed). */
  mustThisYear: number;
  /** The deadline (last assessment + 3 years) has already passed. */
  overdue: number;
  neverAssessed: number;
  href: string;
}

export interface RecentAudit {
  id: number;
  at: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
}

export interface Participation {
  campaignId: number;
  title: string;
  year: number;
  statusTitle: string;
  rowStatus: 'proposed' | 'included' | 'excluded';
  /** /s/{code} while the campaign collects answers and the organization is included. */
  surveyUrl: string | null;
}

export interface Dashboard {
  role: ActorRole;
  roleTitle: string;
  /** Today in the region's time zone (YYYY-MM-DD). */
  today: string;
  /** Year the three-year rule is checked for: the current campaign's, else this year. */
  referenceYear: number;
  sections: DashboardSection[];
  /** Stages past their planned end and not done (open campaigns in scope). */
  lateStages: StageRef[];
  /** Council: the results discussion stages not done yet, soonest first. */
  councilStages: StageRef[];
  campaign: CampaignFocus | null;
  overdueByMunicipality: MunicipalityOverdue[];
  recentAudit: RecentAudit[];
  participation: Participation[];
  /** Organization user: gaps in its own registry card and where to fill them in. */
  missingFields: MissingField[];
  cardHref: string | null;
}

export const CAMPAIGN_ROW_STATUS_WORDS = {
  proposed: 'предложена в перечень',
  included: 'включена в перечень',
  excluded: 'исключена из перечня',
} as const;
