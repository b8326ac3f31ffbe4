// The dashboard: what needs the caller's action now, by role. Read-only; counts come from SQL
// (dashboard.repo.ts), stage states from src/domain/campaigns/stages.ts on today's local date,
// and the three-year rule from src/domain/scoring/frequency.ts (art. 95.2 part 3 of 273-ФЗ).
// The audit log browser (audit-browser.service.ts) rides along under the same service.
import { CAMPAIGN_STATUS_TITLES } from '../../domain/campaigns/workflow.ts';
import { AppError } from '../../domain/errors.ts';
import { can, ROLE_TITLES } from '../../domain/permissions/index.ts';
import { frequencyDecision } from '../../domain/scoring/frequency.ts';
import { listAudit } from '../audit/audit.repo.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { createAuditBrowser } from './audit-browser.service.ts';
import {
  assessmentRows,
  missingData,
  openCampaigns,
  participation,
  regionOf,
  regionTimeZone,
  stagesOf,
  type CampaignOverview,
  type OrgScope,
} from './dashboard.repo.ts';
import {
  MISSING_FIELD_LABELS,
  currentCampaign,
  focusOf,
  localDate,
  missingSection,
  stageRefs,
  stageViews,
  tone,
} from './dashboard.parts.ts';
import type {
  Dashboard,
  DashboardCount,
  DashboardSection,
  MissingField,
  MunicipalityOverdue,
  StageRef,
} from './dashboard.schema.ts';

import { RECENT_AUDIT_LIMIT } from './dashboard.parts.ts';
export { RECENT_AUDIT_LIMIT };

export function createDashboardService(deps: ServiceDeps) {
  const { db } = deps;

  /** Overdue counts by municipality for `year` (the three-year rule). */
  async function overdueBy(scope: OrgScope, year: number): Promise<MunicipalityOverdue[]> {
    const byMunicipality = new Map<number, MunicipalityOverdue>();
    for (const row of await assessmentRows(db, scope)) {
      const years = [...row.campaignYears, ...(row.lastAssessedYear ? [row.lastAssessedYear] : [])];
      const d = frequencyDecision(year, years);
      let m = byMunicipality.get(row.municipalityId);
      if (!m) {
        m = {
          municipalityId: row.municipalityId,
          name: row.municipalityName,
          organizations: 0,
          mustThisYear: 0,
          overdue: 0,
          neverAssessed: 0,
          href: `/registry?municipalityId=${row.municipalityId}`,
        };
        byMunicipality.set(row.municipalityId, m);
      }
      m.organizations += 1;
      if (d.status === 'must') m.mustThisYear += 1;
      if (d.overdue) m.overdue += 1;
      if (d.lastAssessedYear === null) m.neverAssessed += 1;
    }
    return [...byMunicipality.values()];
  }

  async function campaignsPart(caller: Caller, today: string, tz: string) {
    const regionId =
      caller.role === 'municipal' && caller.territoryId != null
        ? ((await regionOf(db, caller.territoryId)) ?? undefined)
        : undefined;
    const list = await openCampaigns(db, regionId);
    const stages = await stagesOf(
      db,
      list.map((c) => c.id),
    );
    const views = new Map(
      list.map((c) => [
        c.id,
        stageViews(
          stages.filter((s) => s.campaignId === c.id),
          today,
          tz,
        ),
      ]),
    );
    const refs = list.flatMap((c) => stageRefs(c, views.get(c.id) ?? []));
    const current = currentCampaign(list);
    return {
      list,
      refs,
      current,
      focus: current ? focusOf(current, views.get(current.id) ?? []) : null,
    };
  }

  return {
    ...createAuditBrowser(deps),
    /** The caller's dashboard. Public visitors have none (they are sent to sign in). */
    async forCaller(caller: Caller): Promise<Dashboard> {
      if (caller.role === 'public')
        throw new AppError('unauthenticated', 'Войдите, чтобы открыть панель');
      const tz = await regionTimeZone(db);
      const today = localDate(deps.now(), tz);
      const { list, refs, current, focus } = await campaignsPart(caller, today, tz);
      const referenceYear = current?.year ?? Number(today.slice(0, 4));
      const base: Dashboard = {
        role: caller.role,
        roleTitle: ROLE_TITLES[caller.role],
        today,
        referenceYear,
        sections: [],
        lateStages: refs.filter((s) => s.state === 'late'),
        councilStages: [],
        campaign: focus,
        overdueByMunicipality: [],
        recentAudit: [],
        participation: [],
        missingFields: [],
        cardHref: null,
      };
      switch (caller.role) {
        case 'regional_admin':
        case 'municipal':
          return administration(caller, base, list);
        case 'operator':
        case 'expert':
          return collecting(base, list);
        case 'council':
          return councilView(base, list, refs);
        case 'organization':
          return organizationView(caller, base);
      }
    },
  };

  async function administration(
    caller: Caller,
    base: Dashboard,
    list: CampaignOverview[],
  ): Promise<Dashboard> {
    const scope: OrgScope =
      caller.role === 'municipal' ? { municipalityId: caller.territoryId ?? -1 } : {};
    const drafts = list.filter((c) => c.status === 'draft');
    const [missing, overdue, recent] = await Promise.all([
      missingData(db, scope),
      overdueBy(scope, base.referenceYear),
      can(caller, 'audit.view') ? listAudit(db, {}, { limit: RECENT_AUDIT_LIMIT }) : [],
    ]);
    const sum = (k: 'mustThisYear' | 'overdue' | 'neverAssessed') =>
      overdue.reduce((n, m) => n + m[k], 0);
    const draftHref = drafts.length === 1 ? `/campaigns/${drafts[0]!.id}/list` : '/campaigns';
    const late = base.lateStages;
    const frequencyHref =
      caller.role === 'municipal' ? `/registry?municipalityId=${scope.municipalityId}` : draftHref;
    const sections: DashboardSection[] = [
      {
        key: 'campaigns',
        title: 'Кампании',
        counts: [
          {
            key: 'drafts',
            label: 'Кампании, где перечень организаций ещё не утверждён',
            count: drafts.length,
            href: draftHref,
            tone: tone(drafts.length, 'info'),
          },
          {
            key: 'late',
            label: 'Просроченные этапы кампаний',
            count: late.length,
            href: late.length === 1 ? late[0]!.href : '/campaigns',
            tone: tone(late.length, 'danger'),
          },
        ],
      },
      missingSection(missing, scope),
      {
        key: 'frequency',
        title: `Периодичность оценки (не реже одного раза в три года), ${base.referenceYear} год`,
        counts: [
          {
            key: 'must',
            label: `Должны пройти оценку в ${base.referenceYear} году`,
            count: sum('mustThisYear'),
            href: frequencyHref,
            tone: tone(sum('mustThisYear'), 'info'),
          },
          {
            key: 'overdue',
            label: 'Срок оценки уже пропущен',
            count: sum('overdue'),
            href: frequencyHref,
            tone: tone(sum('overdue'), 'danger'),
          },
          {
            key: 'never',
            label: 'Оценка ещё не проводилась',
            count: sum('neverAssessed'),
            href: frequencyHref,
            tone: tone(sum('neverAssessed'), 'warning'),
          },
        ],
      },
    ];
    return {
      ...base,
      sections,
      overdueByMunicipality: overdue,
      recentAudit: recent.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        actorLabel: e.actorLabel,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
      })),
    };
  }

  function collecting(base: Dashboard, list: CampaignOverview[]): Dashboard {
    const c = list.find((x) => x.status === 'collecting');
    if (!c) return { ...base, lateStages: [] };
    const late = base.lateStages.filter((s) => s.campaignId === c.id);
    return {
      ...base,
      lateStages: late,
      sections: [
        {
          key: 'collecting',
          title: `Сбор данных: ${c.title}`,
          counts: [
            {
              key: 'included',
              label: 'Организаций в перечне',
              count: c.included,
              href: `/campaigns/${c.id}/list?status=included`,
              tone: 'info',
            },
            {
              key: 'late',
              label: 'Просроченные этапы',
              count: late.length,
              href: `/campaigns/${c.id}/stages`,
              tone: tone(late.length, 'danger'),
            },
          ],
        },
      ],
    };
  }

  function councilView(base: Dashboard, list: CampaignOverview[], refs: StageRef[]): Dashboard {
    const drafts = list.filter((c) => c.status === 'draft');
    const discussion = list.filter((c) => c.status === 'discussion');
    const counts: DashboardCount[] = [
      ...drafts.map((c) => ({
        key: `approve-${c.id}`,
        label: `Перечень «${c.title}» ждёт утверждения: организаций`,
        count: c.proposed + c.included,
        href: `/campaigns/${c.id}/approve`,
        tone: 'info' as const,
      })),
      ...discussion.map((c) => ({
        key: `results-${c.id}`,
        label: `Результаты «${c.title}» ждут рассмотрения: организаций`,
        count: c.included,
        href: `/campaigns/${c.id}`,
        tone: 'info' as const,
      })),
    ];
    const councilStages = refs
      .filter(
        (s) =>
          s.key === 'council_discussion' &&
          (s.state === 'upcoming' || s.state === 'active' || s.state === 'late'),
      )
      .sort((a, b) => a.plannedStart.localeCompare(b.plannedStart));
    return {
      ...base,
      lateStages: [],
      councilStages,
      sections: [{ key: 'council', title: 'Решения общественного совета', counts }],
    };
  }

  async function organizationView(caller: Caller, base: Dashboard): Promise<Dashboard> {
    const orgId = caller.organizationId;
    if (orgId == null) return { ...base, lateStages: [] };
    const [rows, m] = await Promise.all([
      participation(db, orgId),
      missingData(db, { organizationId: orgId }),
    ]);
    const missingFields: MissingField[] = (
      [
        ['website', m.noWebsite],
        ['email', m.noEmail],
        ['contingent', m.zeroContingent],
        ['head', m.noHead],
      ] as const
    )
      .filter(([, n]) => n > 0)
      .map(([key]) => ({ key, label: MISSING_FIELD_LABELS[key] }));
    return {
      ...base,
      lateStages: [],
      participation: rows.map((r) => ({
        campaignId: r.campaignId,
        title: r.title,
        year: r.year,
        statusTitle: CAMPAIGN_STATUS_TITLES[r.status],
        rowStatus: r.rowStatus,
        surveyUrl:
          r.status === 'collecting' && r.rowStatus === 'included' && r.surveyCode
            ? `/s/${r.surveyCode}`
            : null,
      })),
      missingFields,
      cardHref: `/registry/${orgId}`,
    };
  }
}

export type DashboardService = ReturnType<typeof createDashboardService>;
