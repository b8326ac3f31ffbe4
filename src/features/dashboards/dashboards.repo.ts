// Reads across campaigns for the year-over-year views, and the sizes of the ratings an
// organization is placed in. The results feature stores runs (src/db/schema/results.ts); these
// queries only read them.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { campaigns, resultOrganizations, resultRuns } from '../../db/schema/index.ts';

/** Every run of every campaign of the same region as `campaignId`, oldest year first. */
export function regionRuns(ex: Executor, campaignId: number) {
  const territory = sql`(select territory_id from campaigns where id = ${campaignId})`;
  return ex
    .select({
      campaignId: campaigns.id,
      title: campaigns.title,
      year: campaigns.year,
      runId: resultRuns.id,
      version: resultRuns.version,
      status: resultRuns.status,
      frozenAt: resultRuns.frozenAt,
      methodology: resultRuns.methodology,
      aggregates: resultRuns.aggregates,
    })
    .from(resultRuns)
    .innerJoin(campaigns, eq(campaigns.id, resultRuns.campaignId))
    .where(eq(campaigns.territoryId, territory))
    .orderBy(asc(campaigns.year), asc(campaigns.id), desc(resultRuns.version));
}
export type RegionRun = Awaited<ReturnType<typeof regionRuns>>[number];

/** One organization's stored values in the given runs. */
export function organizationInRuns(
  ex: Executor,
  organizationId: number,
  runIds: readonly number[],
) {
  if (runIds.length === 0) return Promise.resolve([]);
  return ex
    .select({
      runId: resultOrganizations.runId,
      total: resultOrganizations.total,
      criteria: resultOrganizations.criteria,
    })
    .from(resultOrganizations)
    .where(
      and(
        eq(resultOrganizations.organizationId, organizationId),
        inArray(resultOrganizations.runId, [...runIds]),
      ),
    );
}

/** How many organizations each rating of the run holds (ranked ones only). */
export async function ratingSizes(
  ex: Executor,
  runId: number,
  group: { kind: string; municipalityId: number },
): Promise<{ region: number; kind: number; municipality: number }> {
  const r = resultOrganizations;
  const [row] = await ex
    .select({
      region: sql<number>`count(*) filter (where ${r.ranked})`.mapWith(Number),
      kind: sql<number>`count(*) filter (where ${r.ranked} and ${r.kind} = ${group.kind})`.mapWith(
        Number,
      ),
      municipality: sql<number>`count(*) filter (where ${r.ranked} and ${r.kind} = ${group.kind}
        and ${r.municipalityId} = ${group.municipalityId})`.mapWith(Number),
    })
    .from(r)
    .where(eq(r.runId, runId));
  return row ?? { region: 0, kind: 0, municipality: 0 };
}
