// Pieces of the dashboard: stage states on today's local date (src/domain/campaigns/stages.ts),
// the current campaign, registry links and labels. No database access.
import { stageState, type StageState } from '../../domain/campaigns/stages.ts';
import { CAMPAIGN_STATUS_TITLES } from '../../domain/campaigns/workflow.ts';
import type { CampaignStage } from '../../db/schema/index.ts';
import type { CampaignOverview, MissingCounts, OrgScope } from './dashboard.repo.ts';
import type {
  CampaignFocus,
  DashboardCount,
  DashboardSection,
  DashboardStage,
  MissingField,
  StageRef,
} from './dashboard.schema.ts';

export const RECENT_AUDIT_LIMIT = 10;

/** YYYY-MM-DD of `at` in an IANA time zone: stage deadlines are local dates. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export function stageViews(stages: CampaignStage[], today: string, tz: string): DashboardStage[] {
  return stages.map((s) => {
    const completedAt = s.completedAt ? localDate(s.completedAt, tz) : null;
    const state: StageState | null =
      s.plannedStart && s.plannedEnd
        ? stageState(
            { key: s.key, plannedStart: s.plannedStart, plannedEnd: s.plannedEnd, completedAt },
            today,
          )
        : null;
    return {
      key: s.key,
      title: s.title,
      plannedStart: s.plannedStart,
      plannedEnd: s.plannedEnd,
      completedAt,
      state,
    };
  });
}

export function stageRefs(c: CampaignOverview, stages: DashboardStage[]): StageRef[] {
  return stages.flatMap((s) =>
    s.state && s.plannedStart && s.plannedEnd
      ? [
          {
            campaignId: c.id,
            campaignTitle: c.title,
            key: s.key,
            title: s.title,
            plannedStart: s.plannedStart,
            plannedEnd: s.plannedEnd,
            state: s.state,
            href: `/campaigns/${c.id}/stages`,
          },
        ]
      : [],
  );
}

/** The campaign the timeline shows: the one collecting data, else the newest open one. */
export function currentCampaign(list: CampaignOverview[]): CampaignOverview | undefined {
  return list.find((c) => c.status === 'collecting') ?? list[0];
}

export function focusOf(c: CampaignOverview, stages: DashboardStage[]): CampaignFocus {
  return {
    id: c.id,
    title: c.title,
    year: c.year,
    status: c.status,
    statusTitle: CAMPAIGN_STATUS_TITLES[c.status],
    included: c.included,
    proposed: c.proposed,
    stages,
    href: `/campaigns/${c.id}`,
  };
}

export const tone = (n: number, when: 'danger' | 'warning' | 'info') => (n > 0 ? when : 'ok');

export function registryHref(scope: OrgScope, missing: string): string {
  const q = new URLSearchParams({ missing });
  if (scope.municipalityId !== undefined) q.set('municipalityId', String(scope.municipalityId));
  return `/registry?${q}`;
}

export function missingSection(m: MissingCounts, scope: OrgScope): DashboardSection {
  const item = (key: string, label: string, count: number): DashboardCount => ({
    key,
    label,
    count,
    href: registryHref(scope, key),
    tone: tone(count, 'warning'),
  });
  return {
    key: 'registry',
    title: `Реестр: не хватает данных (организаций: ${m.total})`,
    counts: [
      item('website', 'Не указан официальный сайт', m.noWebsite),
      item('email', 'Не указана электронная почта', m.noEmail),
      item('contingent', 'Не указана численность обучающихся', m.zeroContingent),
      item('head', 'Не указан руководитель', m.noHead),
    ],
  };
}

export const MISSING_FIELD_LABELS: Record<MissingField['key'], string> = {
  website: 'Не указан официальный сайт — без него нельзя проверить сайт (критерий 1)',
  email: 'Не указана электронная почта — на неё приходят приглашения и напоминания',
  contingent: 'Не указана численность обучающихся — от неё зависит нужное число анкет',
  head: 'Не указан руководитель',
};
