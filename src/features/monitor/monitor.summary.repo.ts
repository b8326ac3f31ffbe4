// Site monitoring: the read side — latest checks per organization, the indicator feed's query,
// organizations and territories of a scope. Drizzle queries only; re-exported by monitor.repo.ts.
import { and, asc, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  monitorChecks,
  monitorRuns,
  organizations,
  territories,
  type MonitorCheck,
  type MonitorRun,
  type Organization,
} from '../../db/schema/index.ts';

const summaryFields = {
  id: monitorChecks.id,
  organizationId: monitorChecks.organizationId,
  runId: monitorChecks.runId,
  url: monitorChecks.url,
  checkedAt: monitorChecks.checkedAt,
  rulesetVersion: monitorChecks.rulesetVersion,
  status: monitorChecks.status,
  errorReason: monitorChecks.errorReason,
  present: monitorChecks.present,
  required: monitorChecks.required,
  channels: monitorChecks.channels,
};
export type CheckSummary = {
  [K in keyof typeof summaryFields]: MonitorCheck[K];
};

/** The latest check of each organization (optionally of some organizations only). */
export async function latestChecks(
  ex: Executor,
  organizationIds?: readonly number[],
): Promise<CheckSummary[]> {
  if (organizationIds && organizationIds.length === 0) return [];
  return ex
    .selectDistinctOn([monitorChecks.organizationId], summaryFields)
    .from(monitorChecks)
    .where(
      organizationIds ? inArray(monitorChecks.organizationId, [...organizationIds]) : undefined,
    )
    .orderBy(monitorChecks.organizationId, desc(monitorChecks.checkedAt), desc(monitorChecks.id));
}

/** Full latest checks (with items) of organizations: the item export. */
export async function latestFullChecks(
  ex: Executor,
  organizationIds: readonly number[],
): Promise<MonitorCheck[]> {
  if (organizationIds.length === 0) return [];
  return ex
    .selectDistinctOn([monitorChecks.organizationId])
    .from(monitorChecks)
    .where(inArray(monitorChecks.organizationId, [...organizationIds]))
    .orderBy(monitorChecks.organizationId, desc(monitorChecks.checkedAt), desc(monitorChecks.id));
}

/** For the indicator feed: each organization's last successful check at or before `cutoff`. */
export async function lastOkChecksBefore(
  ex: Executor,
  organizationIds: readonly number[],
  cutoff: Date,
): Promise<Pick<MonitorCheck, 'id' | 'organizationId' | 'checkedAt' | 'items' | 'channels'>[]> {
  if (organizationIds.length === 0) return [];
  return ex
    .selectDistinctOn([monitorChecks.organizationId], {
      id: monitorChecks.id,
      organizationId: monitorChecks.organizationId,
      checkedAt: monitorChecks.checkedAt,
      items: monitorChecks.items,
      channels: monitorChecks.channels,
    })
    .from(monitorChecks)
    .where(
      and(
        inArray(monitorChecks.organizationId, [...organizationIds]),
        eq(monitorChecks.status, 'ok'),
        lte(monitorChecks.checkedAt, cutoff),
      ),
    )
    .orderBy(monitorChecks.organizationId, desc(monitorChecks.checkedAt), desc(monitorChecks.id));
}

// ---- summaries ----

export interface ScopeOrganization {
  id: number;
  inn: string;
  shortName: string;
  kind: string;
  website: string | null;
  municipalityId: number;
  municipalityName: string;
}

/** Active organizations of a scope (municipality, one organization, kind), by name. */
export async function scopeOrganizations(
  ex: Executor,
  f: { municipalityId?: number; organizationId?: number; kind?: string },
): Promise<ScopeOrganization[]> {
  const where: SQL[] = [eq(organizations.active, true)];
  if (f.municipalityId !== undefined)
    where.push(eq(organizations.municipalityId, f.municipalityId));
  if (f.organizationId !== undefined) where.push(eq(organizations.id, f.organizationId));
  if (f.kind !== undefined) where.push(eq(organizations.kind, f.kind as Organization['kind']));
  return ex
    .select({
      id: organizations.id,
      inn: organizations.inn,
      shortName: organizations.shortName,
      kind: organizations.kind,
      website: organizations.website,
      municipalityId: organizations.municipalityId,
      municipalityName: territories.name,
    })
    .from(organizations)
    .innerJoin(territories, eq(territories.id, organizations.municipalityId))
    .where(and(...where))
    .orderBy(asc(organizations.shortName), asc(organizations.id));
}

/** The checks of a run with organization names (no item lists). */
export async function runCheckSummaries(ex: Executor, runId: number) {
  return ex
    .select({
      id: monitorChecks.id,
      organizationId: monitorChecks.organizationId,
      shortName: organizations.shortName,
      status: monitorChecks.status,
      errorReason: monitorChecks.errorReason,
      present: monitorChecks.present,
      required: monitorChecks.required,
      checkedAt: monitorChecks.checkedAt,
      durationMs: monitorChecks.durationMs,
    })
    .from(monitorChecks)
    .innerJoin(organizations, eq(organizations.id, monitorChecks.organizationId))
    .where(eq(monitorChecks.runId, runId))
    .orderBy(desc(monitorChecks.id));
}

/** A queued or running run of the same coverage (a second button press joins it). */
export async function activeRun(
  ex: Executor,
  f: { organizationId: number | null; municipalityId: number | null },
): Promise<MonitorRun | undefined> {
  const [row] = await ex
    .select()
    .from(monitorRuns)
    .where(
      and(
        inArray(monitorRuns.status, ['queued', 'running']),
        f.organizationId === null
          ? sql`${monitorRuns.organizationId} is null`
          : eq(monitorRuns.organizationId, f.organizationId),
        f.municipalityId === null
          ? sql`${monitorRuns.municipalityId} is null`
          : eq(monitorRuns.municipalityId, f.municipalityId),
      ),
    )
    .orderBy(desc(monitorRuns.id))
    .limit(1);
  return row;
}

export async function regionName(ex: Executor): Promise<string> {
  const [row] = await ex
    .select({ name: territories.name })
    .from(territories)
    .where(eq(territories.kind, 'region'))
    .orderBy(asc(territories.id))
    .limit(1);
  return row?.name ?? 'Регион';
}

export async function territoryById(ex: Executor, id: number) {
  const [row] = await ex.select().from(territories).where(eq(territories.id, id));
  return row;
}

export async function municipalityOptions(ex: Executor, onlyId?: number) {
  return ex
    .select({ id: territories.id, name: territories.name })
    .from(territories)
    .where(
      and(
        eq(territories.kind, 'municipality'),
        onlyId === undefined ? undefined : eq(territories.id, onlyId),
      ),
    )
    .orderBy(asc(territories.name));
}
