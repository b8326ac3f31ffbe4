// Survey sample control (issue 4 item 6): required sample per organization from its contingent
// with the campaign's methodology parameters (methodology.md "Sample"), live progress per
// organization and municipality, and the lagging organizations (rule in progress.schema.ts).
import { AppError } from '../../domain/errors.ts';
import { authorize, scopeOf } from '../../domain/permissions/index.ts';
import { DEFAULT_SAMPLE } from '../../domain/scoring/methodology.ts';
import { requiredSample } from '../../domain/scoring/sample.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { organizationProgressRows, progressCampaign } from './progress.repo.ts';
import {
  elapsedShare,
  isLagging,
  LaggingRuleSchema,
  progressShare,
  type MunicipalityProgress,
  type OrganizationProgress,
  type SurveyProgress,
} from './progress.schema.ts';

export interface ProgressQuery {
  /** tolerance, silentAfter (strings from a query string are accepted). */
  rule?: unknown;
  /** Only the lagging organizations (municipality totals still cover everyone). */
  laggingOnly?: boolean;
}

/**
 * Hook for e-mail reminders to lagging organizations (issue 4 item 6): the `survey.remind-lagging`
 * job (src/features/survey-reminders) calls `progress` and hands the lagging ones to its hook.
 */
export type LaggingReminderHook = (
  campaignId: number,
  lagging: readonly OrganizationProgress[],
) => Promise<void>;

export const noReminders: LaggingReminderHook = async () => {};

/** Counted responses within each organization's requirement: surplus at one school does not make
 * up for a shortfall at another, so shares of groups use this sum. */
const covered = (orgs: readonly OrganizationProgress[]) =>
  orgs.reduce((s, o) => s + Math.min(o.counted, o.required), 0);

function municipalities(orgs: readonly OrganizationProgress[]): MunicipalityProgress[] {
  const byId = new Map<number, MunicipalityProgress>();
  const members = new Map<number, OrganizationProgress[]>();
  for (const o of orgs) {
    let m = byId.get(o.municipalityId);
    if (!m) {
      m = {
        municipalityId: o.municipalityId,
        name: o.municipality,
        organizations: 0,
        lagging: 0,
        required: 0,
        counted: 0,
        flagged: 0,
        excluded: 0,
        share: 0,
      };
      byId.set(o.municipalityId, m);
      members.set(o.municipalityId, []);
    }
    members.get(o.municipalityId)!.push(o);
    m.organizations += 1;
    m.lagging += o.lagging ? 1 : 0;
    m.required += o.required;
    m.counted += o.counted;
    m.flagged += o.flagged;
    m.excluded += o.excluded;
  }
  return [...byId.values()].map((m) => ({
    ...m,
    share: progressShare(covered(members.get(m.municipalityId)!), m.required),
  }));
}

export function createProgressService(deps: ServiceDeps) {
  const { db } = deps;

  /** Progress of a campaign's survey; AppError forbidden / not_found / validation_failed. */
  async function progress(
    caller: Caller,
    campaignId: number,
    query: ProgressQuery = {},
  ): Promise<SurveyProgress> {
    authorize(caller, 'survey.progress');
    const parsed = LaggingRuleSchema.safeParse(query.rule ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        path: String(i.path[0] ?? ''),
        message: i.message,
      }));
      throw AppError.validation(issues.map((i) => i.message).join('; '), issues);
    }
    const rule = parsed.data;
    const campaign = await progressCampaign(db, campaignId);
    if (!campaign) throw AppError.notFound(`Кампания ${campaignId} не найдена`);
    const sample = campaign.methodology.sample ?? DEFAULT_SAMPLE;
    const elapsed = elapsedShare(
      campaign.collectionStart,
      campaign.collectionEnd,
      deps.now(),
      campaign.timezone,
    );
    // A municipal authority sees only its own municipality's organizations and totals.
    const municipalOnly =
      scopeOf(caller.role, 'survey.progress') === 'municipality' ? caller.territoryId : undefined;
    const rows = (await organizationProgressRows(db, campaignId)).filter(
      (r) => municipalOnly === undefined || r.municipalityId === municipalOnly,
    );
    const all: OrganizationProgress[] = rows.map((r) => {
      const required = requiredSample(r.contingent, sample);
      return {
        ...r,
        required,
        share: progressShare(r.counted, required),
        lagging: isLagging(r.counted, required, elapsed, rule),
      };
    });
    const byMunicipality = municipalities(all);
    const sum = (
      k: 'required' | 'counted' | 'flagged' | 'excluded' | 'organizations' | 'lagging',
    ) => byMunicipality.reduce((s, m) => s + m[k], 0);
    const totals = {
      organizations: sum('organizations'),
      lagging: sum('lagging'),
      required: sum('required'),
      counted: sum('counted'),
      flagged: sum('flagged'),
      excluded: sum('excluded'),
      share: progressShare(covered(all), sum('required')),
    };
    return {
      campaign: { id: campaign.id, title: campaign.title, status: campaign.status, sample },
      window: {
        start: campaign.collectionStart,
        end: campaign.collectionEnd,
        timezone: campaign.timezone,
        elapsed,
      },
      rule,
      totals,
      municipalities: byMunicipality,
      organizations: query.laggingOnly ? all.filter((o) => o.lagging) : all,
    };
  }

  return { progress };
}

export type ProgressService = ReturnType<typeof createProgressService>;
