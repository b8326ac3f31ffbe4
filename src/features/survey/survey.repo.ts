// Survey responses, salts and counts: Drizzle queries only; executor passed in.
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  campaignOrganizations,
  campaigns,
  campaignStages,
  organizations,
  surveyResponses,
  surveySalts,
  territories,
  yesBit,
  type CampaignStatus,
  type StoredMethodology,
} from '../../db/schema/index.ts';
import {
  SURVEY_QUESTIONS,
  type SurveyCounts,
  type SurveyQuestion,
} from '../../domain/scoring/input.ts';

/** What a survey code leads to: the campaign, the organization and the collection window. */
export interface CodeTarget {
  code: string;
  campaignId: number;
  campaignTitle: string;
  campaignStatus: CampaignStatus;
  organizationId: number;
  organizationStatus: 'proposed' | 'included' | 'excluded';
  organizationName: string;
  organizationFullName: string;
  timezone: string;
  /** data_collection stage dates (YYYY-MM-DD, local), when planned. */
  collectionStart: string | null;
  collectionEnd: string | null;
}

const targetColumns = {
  code: sql<string>`${campaignOrganizations.surveyCode}`,
  campaignId: campaigns.id,
  campaignTitle: campaigns.title,
  campaignStatus: campaigns.status,
  organizationId: organizations.id,
  organizationStatus: campaignOrganizations.status,
  organizationName: organizations.shortName,
  organizationFullName: organizations.fullName,
  timezone: territories.timezone,
  collectionStart: campaignStages.plannedStart,
  collectionEnd: campaignStages.plannedEnd,
};

function targetQuery(ex: Executor) {
  return ex
    .select(targetColumns)
    .from(campaignOrganizations)
    .innerJoin(campaigns, eq(campaigns.id, campaignOrganizations.campaignId))
    .innerJoin(organizations, eq(organizations.id, campaignOrganizations.organizationId))
    .innerJoin(territories, eq(territories.id, campaigns.territoryId))
    .leftJoin(
      campaignStages,
      and(eq(campaignStages.campaignId, campaigns.id), eq(campaignStages.key, 'data_collection')),
    );
}

export async function findCodeTarget(ex: Executor, code: string): Promise<CodeTarget | null> {
  const [row] = await targetQuery(ex).where(eq(campaignOrganizations.surveyCode, code));
  return row ?? null;
}

/** Codes of included organizations of collecting campaigns (dates are checked by the service). */
export function listCollectingTargets(ex: Executor): Promise<CodeTarget[]> {
  return targetQuery(ex)
    .where(
      and(
        eq(campaigns.status, 'collecting'),
        eq(campaignOrganizations.status, 'included'),
        isNotNull(campaignOrganizations.surveyCode),
      ),
    )
    .orderBy(asc(campaigns.id), asc(organizations.shortName));
}

/** The campaign's salt, created on first use; null once destroyed. */
export async function campaignSalt(
  ex: Executor,
  campaignId: number,
  fresh: () => Uint8Array,
): Promise<Uint8Array | null> {
  const read = async () => {
    const [row] = await ex
      .select({ salt: surveySalts.salt })
      .from(surveySalts)
      .where(eq(surveySalts.campaignId, campaignId));
    return row;
  };
  // Read first: the salt exists after the first response, so one round trip is the usual cost.
  const existing = await read();
  if (existing) return existing.salt ?? null;
  await ex.insert(surveySalts).values({ campaignId, salt: fresh() }).onConflictDoNothing();
  return (await read())?.salt ?? null;
}

/** True when a salt was there to destroy. */
export async function destroyCampaignSalt(
  ex: Executor,
  campaignId: number,
  at: Date,
): Promise<boolean> {
  const rows = await ex
    .update(surveySalts)
    .set({ salt: null, destroyedAt: at })
    .where(and(eq(surveySalts.campaignId, campaignId), isNotNull(surveySalts.salt)))
    .returning({ campaignId: surveySalts.campaignId });
  return rows.length > 0;
}

/**
 * Collection reopened after the salt was destroyed: a fresh salt, so new hashes work again (rate
 * limit, one answer per browser) yet can never be linked to the ones made with the old salt.
 */
export async function renewCampaignSalt(
  ex: Executor,
  campaignId: number,
  fresh: Uint8Array,
): Promise<boolean> {
  const rows = await ex
    .update(surveySalts)
    .set({ salt: fresh, destroyedAt: null })
    .where(and(eq(surveySalts.campaignId, campaignId), isNull(surveySalts.salt)))
    .returning({ campaignId: surveySalts.campaignId });
  return rows.length > 0;
}

export async function browserHasResponded(
  ex: Executor,
  campaignId: number,
  organizationId: number,
  browserHash: string,
): Promise<boolean> {
  const [row] = await ex
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.campaignId, campaignId),
        eq(surveyResponses.organizationId, organizationId),
        eq(surveyResponses.browserHash, browserHash),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * A response counts for scoring when valid, not continuous feedback, and either included by the
 * operator or never flagged (flagged ones wait for a decision: questionnaire.md "Validity rules").
 */
export const COUNTED_CONDITION = sql`${surveyResponses.valid} and not ${surveyResponses.isFeedback}
  and (${surveyResponses.moderation} = 'included'
    or (${surveyResponses.moderation} is null and cardinality(${surveyResponses.flags}) = 0))`;

export interface OrganizationCounts {
  organizationId: number;
  flagged: number;
  excluded: number;
  survey: SurveyCounts;
}

/** Per organization of the campaign: one GROUP BY over its rows with a FILTER per count. */
export async function countByOrganization(
  ex: Executor,
  campaignId: number,
): Promise<OrganizationCounts[]> {
  const yes = (q: SurveyQuestion) =>
    sql<number>`count(*) filter (where ${COUNTED_CONDITION} and ${surveyResponses.yesMask} & ${sql.raw(String(yesBit(q)))} <> 0)::int`;
  const rows = await ex
    .select({
      organizationId: surveyResponses.organizationId,
      respondents: sql<number>`count(*) filter (where ${COUNTED_CONDITION})::int`,
      flagged: sql<number>`count(*) filter (where ${surveyResponses.moderation} is null and cardinality(${surveyResponses.flags}) > 0 and not ${surveyResponses.isFeedback})::int`,
      excluded: sql<number>`count(*) filter (where ${surveyResponses.moderation} = 'excluded' and not ${surveyResponses.isFeedback})::int`,
      ...Object.fromEntries(SURVEY_QUESTIONS.map((q) => [q, yes(q)])),
    })
    .from(surveyResponses)
    .where(eq(surveyResponses.campaignId, campaignId))
    .groupBy(surveyResponses.organizationId);
  return rows.map((r) => {
    const row = r as unknown as Record<string, number>;
    return {
      organizationId: row.organizationId!,
      flagged: Number(row.flagged),
      excluded: Number(row.excluded),
      survey: {
        respondents: Number(row.respondents),
        ...(Object.fromEntries(SURVEY_QUESTIONS.map((q) => [q, Number(row[q])])) as Omit<
          SurveyCounts,
          'respondents'
        >),
      },
    };
  });
}

export interface StatsOrganization {
  organizationId: number;
  name: string;
  code: string | null;
  contingent: number;
}

/** Included organizations of the campaign with their codes and contingents. */
export function campaignStatsOrganizations(
  ex: Executor,
  campaignId: number,
): Promise<StatsOrganization[]> {
  return ex
    .select({
      organizationId: organizations.id,
      name: organizations.shortName,
      code: campaignOrganizations.surveyCode,
      contingent: organizations.contingent,
    })
    .from(campaignOrganizations)
    .innerJoin(organizations, eq(organizations.id, campaignOrganizations.organizationId))
    .where(
      and(
        eq(campaignOrganizations.campaignId, campaignId),
        inArray(campaignOrganizations.status, ['included']),
      ),
    )
    .orderBy(asc(organizations.shortName), asc(organizations.id));
}

export interface StatsCampaign {
  id: number;
  title: string;
  status: CampaignStatus;
  methodology: StoredMethodology;
}

/** The campaign by id, or (none given) the newest collecting one, else the newest. */
export async function statsCampaign(
  ex: Executor,
  campaignId?: number,
): Promise<StatsCampaign | null> {
  const columns = {
    id: campaigns.id,
    title: campaigns.title,
    status: campaigns.status,
    methodology: campaigns.methodology,
  };
  if (campaignId !== undefined) {
    const [row] = await ex.select(columns).from(campaigns).where(eq(campaigns.id, campaignId));
    return row ?? null;
  }
  const [row] = await ex
    .select(columns)
    .from(campaigns)
    .orderBy(sql`(${campaigns.status} = 'collecting') desc`, desc(campaigns.id))
    .limit(1);
  return row ?? null;
}

export async function countResponses(ex: Executor): Promise<number> {
  const [row] = await ex.select({ n: count() }).from(surveyResponses);
  return row?.n ?? 0;
}

/** A code's target with its campaign's salt: the submit path reads both in one round trip. */
export interface CodeTargetWithSalt {
  target: CodeTarget;
  /** The salt; null when destroyed after collection. */
  salt: Uint8Array | null;
  /** False when the campaign has no salt row yet (created on first use). */
  saltExists: boolean;
}

/** Several codes' targets with their salts in one query (a batch of submissions), by code. */
export async function findCodeTargetsWithSalt(
  ex: Executor,
  codes: readonly string[],
): Promise<Map<string, CodeTargetWithSalt>> {
  const found = new Map<string, CodeTargetWithSalt>();
  if (codes.length === 0) return found;
  const rows = await ex
    .select({ ...targetColumns, salt: surveySalts.salt, saltCampaign: surveySalts.campaignId })
    .from(campaignOrganizations)
    .innerJoin(campaigns, eq(campaigns.id, campaignOrganizations.campaignId))
    .innerJoin(organizations, eq(organizations.id, campaignOrganizations.organizationId))
    .innerJoin(territories, eq(territories.id, campaigns.territoryId))
    .leftJoin(
      campaignStages,
      and(eq(campaignStages.campaignId, campaigns.id), eq(campaignStages.key, 'data_collection')),
    )
    .leftJoin(surveySalts, eq(surveySalts.campaignId, campaigns.id))
    .where(
      codes.length === 1
        ? eq(campaignOrganizations.surveyCode, codes[0]!)
        : inArray(campaignOrganizations.surveyCode, [...codes]),
    );
  for (const { salt, saltCampaign, ...target } of rows) {
    found.set(target.code, { target, salt, saltExists: saltCampaign !== null });
  }
  return found;
}

/** What the submit path checks before storing a response (intake.repo.ts batchSubmitChecks). */
export interface SubmitChecks {
  /** Id of the response stored earlier with the same idempotency key, or null. */
  firstId: number | null;
  /** Responses from the client hash since `hourSince` and since `burstSince`. */
  lastHour: number;
  recent: number;
  /** The browser hash already answered about this organization. */
  browserSeen: boolean;
}
