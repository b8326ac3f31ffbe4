// Shared by the survey tests: a campaign with organizations and survey codes, straight in the
// database (the campaigns workflow has its own tests), and answer sets.
import type { Executor } from '../../db/client.ts';
import {
  campaignOrganizations,
  campaigns,
  campaignStages,
  type CampaignStatus,
  type Organization,
  type StoredMethodology,
} from '../../db/schema/index.ts';
import { DEFAULT_METHODOLOGY } from '../../domain/scoring/methodology.ts';
import type { SurveyAnswers } from '../../domain/survey/questionnaire.ts';
import { createOrganizationRow, createRegion } from '../../../test/fixtures.ts';

let seq = 0;

export interface SurveyCampaign {
  campaignId: number;
  orgs: Organization[];
  codes: string[];
}

export interface SurveyCampaignOptions {
  status?: CampaignStatus;
  /** data_collection stage dates (YYYY-MM-DD). */
  start?: string | null;
  end?: string | null;
  organizations?: number;
  contingents?: number[];
  sample?: { share: string; cap: number };
}

/** Eight characters of the survey-code alphabet, unique per call. */
function code(n: number, i: number): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  let v = n * 10 + i + 31 ** 5;
  let s = '';
  while (s.length < 8) {
    s = alphabet[v % 31]! + s;
    v = Math.floor(v / 31);
  }
  return s;
}

export async function createSurveyCampaign(
  ex: Executor,
  opts: SurveyCampaignOptions = {},
): Promise<SurveyCampaign> {
  const n = ++seq + process.pid * 100;
  const region = await createRegion(ex);
  const methodology = {
    ...DEFAULT_METHODOLOGY,
    ...(opts.sample ? { sample: opts.sample } : {}),
  } as StoredMethodology;
  const [campaign] = await ex
    .insert(campaigns)
    .values({
      title: `НОК ${n}`,
      year: 2026,
      territoryId: region.region.id,
      status: opts.status ?? 'collecting',
      methodology,
    })
    .returning();
  const campaignId = campaign!.id;
  await ex.insert(campaignStages).values({
    campaignId,
    key: 'data_collection',
    title: 'Сбор данных',
    plannedStart: opts.start === undefined ? '2026-03-01' : opts.start,
    plannedEnd: opts.end === undefined ? '2026-05-31' : opts.end,
  });
  const orgs: Organization[] = [];
  const codes: string[] = [];
  for (let i = 0; i < (opts.organizations ?? 2); i++) {
    const org = await createOrganizationRow(ex, region, {
      contingent: opts.contingents?.[i] ?? 500,
      shortName: `Школа ${n}-${i + 1}`,
    });
    orgs.push(org);
    codes.push(code(n, i));
    await ex.insert(campaignOrganizations).values({
      campaignId,
      organizationId: org.id,
      status: 'included',
      surveyCode: code(n, i),
    });
  }
  return { campaignId, orgs, codes };
}

/** A moment inside the default collection window (2026-03-01 … 2026-05-31). */
export const IN_WINDOW = new Date('2026-04-15T09:00:00Z');

/** Filters «Нет», the rest «Да»: the shortest valid response. */
export const minimal = (): SurveyAnswers => ({
  q1: false,
  q3: false,
  q5: true,
  q6: false,
  q8: true,
  q9: true,
  q10: false,
  q12: true,
  q13: true,
  q14: true,
});
