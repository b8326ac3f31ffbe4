// Shared by the results tests: a campaign with organizations of chosen kinds, municipalities and
// contingents straight in the database, survey responses that add up to given «Да» counts, the
// worked example's checklist and site facts, and service dependencies with a settable clock.
import pino from 'pino';
import { parseConfig } from '../../config.ts';
import type { Db, Executor } from '../../db/client.ts';
import {
  campaignOrganizations,
  campaigns,
  surveyResponses,
  type CampaignStatus,
  type NewSurveyResponse,
  type Organization,
  type OrganizationKind,
  type StoredMethodology,
} from '../../db/schema/index.ts';
import { methodologyVersion, type MethodologyOverrides } from '../../domain/scoring/index.ts';
import { SURVEY_QUESTIONS, type SurveyCounts } from '../../domain/scoring/input.ts';
import { createOrganizationRow, createRegion, type RegionFixture } from '../../../test/fixtures.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import type { ChecklistFacts, SiteFacts } from './inputs.ts';

export interface Clock {
  now: Date;
}

export function resultsDeps(db: Db, clock: Clock): ServiceDeps {
  return {
    db,
    config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    logger: pino({ level: 'silent' }),
    now: () => clock.now,
  };
}

export const caller = (role: Caller['role'], extra: Partial<Caller> = {}): Caller => ({
  role,
  label: `Тест (${role})`,
  territoryId: null,
  organizationId: null,
  ...extra,
});

export interface OrgSpec {
  kind?: OrganizationKind;
  /** 0 or 1: the region fixture's municipalities. */
  municipality?: 0 | 1;
  contingent?: number;
}

export interface ResultsCampaign {
  campaignId: number;
  region: RegionFixture;
  orgs: Organization[];
}

let seq = 0;

export async function createResultsCampaign(
  ex: Executor,
  opts: { status?: CampaignStatus; methodology?: MethodologyOverrides; orgs?: OrgSpec[] } = {},
): Promise<ResultsCampaign> {
  const region = await createRegion(ex);
  const [campaign] = await ex
    .insert(campaigns)
    .values({
      title: `НОК результаты ${++seq}`,
      year: 2026,
      territoryId: region.region.id,
      status: opts.status ?? 'calculating',
      methodology: methodologyVersion(opts.methodology) as StoredMethodology,
    })
    .returning();
  const orgs: Organization[] = [];
  for (const [i, spec] of (opts.orgs ?? [{}]).entries()) {
    const org = await createOrganizationRow(ex, region, {
      kind: spec.kind ?? 'school',
      municipalityId: region.municipalities[spec.municipality ?? 0].id,
      contingent: spec.contingent ?? 500,
      shortName: `Организация ${seq}-${i + 1}`,
    });
    orgs.push(org);
    await ex
      .insert(campaignOrganizations)
      .values({ campaignId: campaign!.id, organizationId: org.id, status: 'included' });
  }
  return { campaignId: campaign!.id, region, orgs };
}

/**
 * Valid paper responses whose «Да» counts are exactly `counts` (respondent i says «Да» to question
 * K when i < qK; dependent questions are asked only after a «Да» to their filter), plus flagged
 * and excluded ones that must not count.
 */
export async function insertSurveyCounts(
  ex: Executor,
  campaignId: number,
  organizationId: number,
  counts: SurveyCounts,
  extra: { flagged?: number; excluded?: number } = {},
): Promise<void> {
  const dependent: Partial<Record<string, string>> = { q2: 'q1', q4: 'q3', q7: 'q6', q11: 'q10' };
  const rows: NewSurveyResponse[] = [];
  const total = counts.respondents + (extra.flagged ?? 0) + (extra.excluded ?? 0);
  for (let i = 0; i < total; i++) {
    const answers: Record<string, boolean> = {};
    for (const q of SURVEY_QUESTIONS) {
      const filter = dependent[q];
      if (filter && !answers[filter]) continue;
      answers[q] = i < counts[q];
    }
    const flagged = i >= counts.respondents && i < counts.respondents + (extra.flagged ?? 0);
    const excluded = i >= counts.respondents + (extra.flagged ?? 0);
    rows.push({
      campaignId,
      organizationId,
      channel: 'paper',
      answers,
      valid: true,
      ...(flagged ? { flags: ['burst'], flagReasons: { burst: 'тест' } } : {}),
      ...(excluded ? { flags: ['burst'], moderation: 'excluded' as const } : {}),
    });
  }
  for (let i = 0; i < rows.length; i += 500)
    await ex.insert(surveyResponses).values(rows.slice(i, i + 500));
}

/** The worked example of methodology.md: its checklist and site facts, and its survey counts. */
export const WORKED_CHECKLIST: ChecklistFacts = {
  stand: { present: 9, required: 10 },
  remoteChannels: 3,
  comfortConditions: 4,
  premisesAccessibility: 2,
  serviceAccessibility: 3,
  complete: true,
};

export const WORKED_SITE: SiteFacts = {
  site: { present: 40, required: 50 },
  checkedAt: '2026-04-01T10:00:00.000Z',
};

export const WORKED_SURVEY: SurveyCounts = {
  respondents: 200,
  q1: 120,
  q2: 108,
  q3: 150,
  q4: 141,
  q5: 184,
  q6: 12,
  q7: 9,
  q8: 190,
  q9: 194,
  q10: 80,
  q11: 76,
  q12: 180,
  q13: 186,
  q14: 188,
};
