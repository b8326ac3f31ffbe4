// Site monitoring: Drizzle queries only. Every function takes the executor (db or transaction).
// Runs, checks and letters here; stored pages and the read side in their own files.
export * from './monitor.pages.repo.ts';
export * from './monitor.summary.repo.ts';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  authorities,
  mailOutbox,
  monitorChecks,
  monitorRuns,
  organizations,
  territories,
  type MonitorCheck,
  type MonitorRun,
  type NewMonitorCheck,
  type NewMonitorRun,
  type Organization,
} from '../../db/schema/index.ts';

// ---- runs ----

export async function insertRun(ex: Executor, values: NewMonitorRun): Promise<MonitorRun> {
  const [row] = await ex.insert(monitorRuns).values(values).returning();
  return row!;
}

/** A scheduled run for `slot`, or null when another worker has already created it. */
export async function insertScheduledRun(
  ex: Executor,
  slot: Date,
  label: string,
): Promise<MonitorRun | null> {
  const [row] = await ex
    .insert(monitorRuns)
    .values({ scope: 'all', trigger: 'schedule', scheduleSlot: slot, requestedBy: label })
    .onConflictDoNothing({ target: monitorRuns.scheduleSlot })
    .returning();
  return row ?? null;
}

export async function getRun(ex: Executor, id: number): Promise<MonitorRun | undefined> {
  const [row] = await ex.select().from(monitorRuns).where(eq(monitorRuns.id, id));
  return row;
}

export async function listRuns(
  ex: Executor,
  f: { municipalityId?: number; organizationId?: number; limit: number },
): Promise<MonitorRun[]> {
  const where: SQL[] = [];
  if (f.municipalityId !== undefined) where.push(eq(monitorRuns.municipalityId, f.municipalityId));
  if (f.organizationId !== undefined) where.push(eq(monitorRuns.organizationId, f.organizationId));
  return ex
    .select()
    .from(monitorRuns)
    .where(and(...where))
    .orderBy(desc(monitorRuns.id))
    .limit(f.limit);
}

/** queued → running with the number of organizations (0: done at once). */
export async function startRun(
  ex: Executor,
  id: number,
  total: number,
  at: Date,
): Promise<MonitorRun | undefined> {
  const [row] = await ex
    .update(monitorRuns)
    .set({
      total,
      status: total === 0 ? 'done' : 'running',
      startedAt: at,
      ...(total === 0 ? { finishedAt: at } : {}),
    })
    .where(and(eq(monitorRuns.id, id), eq(monitorRuns.status, 'queued')))
    .returning();
  return row;
}

export async function failRun(ex: Executor, id: number, reason: string, at: Date): Promise<void> {
  await ex
    .update(monitorRuns)
    .set({ status: 'failed', failureReason: reason, finishedAt: at })
    .where(eq(monitorRuns.id, id));
}

/** Stops a run still queued or running (a stopped run is `failed` with the reason); else none. */
export async function stopRun(
  ex: Executor,
  id: number,
  reason: string,
  at: Date,
): Promise<MonitorRun | undefined> {
  const [row] = await ex
    .update(monitorRuns)
    .set({ status: 'failed', failureReason: reason, finishedAt: at })
    .where(and(eq(monitorRuns.id, id), inArray(monitorRuns.status, ['queued', 'running'])))
    .returning();
  return row;
}

/** Counts one stored check; the last one finishes the run. Atomic under concurrent workers. */
export async function countCheck(
  ex: Executor,
  id: number,
  isError: boolean,
  at: Date,
): Promise<MonitorRun> {
  const done = sql`${monitorRuns.done} + 1`;
  const [row] = await ex
    .update(monitorRuns)
    .set({
      done: sql`${done}`,
      errors: sql`${monitorRuns.errors} + ${isError ? 1 : 0}`,
      // A stopped run stays stopped (checks ending after the stop are still counted).
      status: sql`case when ${monitorRuns.status} <> 'failed' and ${done} >= ${monitorRuns.total} then 'done' else ${monitorRuns.status} end`,
      finishedAt: sql`case when ${monitorRuns.status} = 'failed' then ${monitorRuns.finishedAt} when ${done} >= ${monitorRuns.total} then ${at.toISOString()}::timestamptz else null end`,
    })
    .where(eq(monitorRuns.id, id))
    .returning();
  return row!;
}

// ---- organizations ----

/** Active organizations a run covers, in id order. */
export async function runTargets(
  ex: Executor,
  run: Pick<MonitorRun, 'organizationId' | 'municipalityId'>,
): Promise<number[]> {
  const where: SQL[] = [eq(organizations.active, true)];
  if (run.organizationId !== null) where.push(eq(organizations.id, run.organizationId));
  if (run.municipalityId !== null) where.push(eq(organizations.municipalityId, run.municipalityId));
  const rows = await ex
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(...where))
    .orderBy(asc(organizations.id));
  return rows.map((r) => r.id);
}

export interface OrganizationInfo {
  organization: Organization;
  municipalityName: string;
  founderName: string | null;
  founderEmail: string | null;
}

export async function organizationInfo(
  ex: Executor,
  ids: readonly number[],
): Promise<OrganizationInfo[]> {
  if (ids.length === 0) return [];
  const rows = await ex
    .select({
      organization: organizations,
      municipalityName: territories.name,
      founderName: authorities.shortName,
      founderEmail: authorities.email,
    })
    .from(organizations)
    .innerJoin(territories, eq(territories.id, organizations.municipalityId))
    .leftJoin(authorities, eq(authorities.id, organizations.founderId))
    .where(inArray(organizations.id, [...ids]))
    .orderBy(asc(organizations.id));
  return rows;
}

// ---- checks ----

/** The stored check, or null when this run already has one for the organization. */
export async function insertCheck(
  ex: Executor,
  values: NewMonitorCheck,
): Promise<MonitorCheck | null> {
  const [row] = await ex
    .insert(monitorChecks)
    .values(values)
    .onConflictDoNothing({ target: [monitorChecks.runId, monitorChecks.organizationId] })
    .returning();
  return row ?? null;
}

/** Many checks at once (the demo seed); existing (run, organization) pairs are skipped. */
export async function insertChecks(
  ex: Executor,
  values: readonly NewMonitorCheck[],
): Promise<{ id: number; organizationId: number }[]> {
  if (values.length === 0) return [];
  return ex
    .insert(monitorChecks)
    .values([...values])
    .onConflictDoNothing({ target: [monitorChecks.runId, monitorChecks.organizationId] })
    .returning({ id: monitorChecks.id, organizationId: monitorChecks.organizationId });
}

export async function findCheckOfRun(
  ex: Executor,
  runId: number,
  organizationId: number,
): Promise<MonitorCheck | undefined> {
  const [row] = await ex
    .select()
    .from(monitorChecks)
    .where(and(eq(monitorChecks.runId, runId), eq(monitorChecks.organizationId, organizationId)));
  return row;
}

export async function getCheck(ex: Executor, id: number): Promise<MonitorCheck | undefined> {
  const [row] = await ex.select().from(monitorChecks).where(eq(monitorChecks.id, id));
  return row;
}

/** Every check of an organization, oldest first (a monthly history stays small). */
export async function checksOfOrganization(
  ex: Executor,
  organizationId: number,
): Promise<MonitorCheck[]> {
  return ex
    .select()
    .from(monitorChecks)
    .where(eq(monitorChecks.organizationId, organizationId))
    .orderBy(asc(monitorChecks.checkedAt), asc(monitorChecks.id));
}

/** The latest successful check of an organization (its date and items), for the next one. */
export async function latestOkCheck(
  ex: Executor,
  organizationId: number,
): Promise<Pick<MonitorCheck, 'checkedAt' | 'items'> | null> {
  const [row] = await ex
    .select({ checkedAt: monitorChecks.checkedAt, items: monitorChecks.items })
    .from(monitorChecks)
    .where(and(eq(monitorChecks.organizationId, organizationId), eq(monitorChecks.status, 'ok')))
    .orderBy(desc(monitorChecks.checkedAt), desc(monitorChecks.id))
    .limit(1);
  return row ?? null;
}

export async function checksOfRun(ex: Executor, runId: number): Promise<MonitorCheck[]> {
  return ex
    .select()
    .from(monitorChecks)
    .where(eq(monitorChecks.runId, runId))
    .orderBy(asc(monitorChecks.organizationId));
}

// ---- letters ----

/** `relatedId|to` of the letters already recorded for these related ids (retries skip them). */
export async function recordedLetters(
  ex: Executor,
  relatedType: string,
  relatedIds: readonly string[],
): Promise<Set<string>> {
  if (relatedIds.length === 0) return new Set();
  const rows = await ex
    .select({ relatedId: mailOutbox.relatedId, to: mailOutbox.to })
    .from(mailOutbox)
    .where(
      and(eq(mailOutbox.relatedType, relatedType), inArray(mailOutbox.relatedId, [...relatedIds])),
    );
  return new Set(rows.map((r) => `${r.relatedId}|${r.to}`));
}

export async function markNotified(ex: Executor, id: number, at: Date): Promise<void> {
  await ex.update(monitorRuns).set({ notifiedAt: at }).where(eq(monitorRuns.id, id));
}
