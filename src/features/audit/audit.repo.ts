// The audit log: append and read only (the database rejects UPDATE, DELETE and TRUNCATE).
import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { intArray, jsonbArray, textArray } from '../../db/bulk.ts';
import { queryRows, type Executor } from '../../db/client.ts';
import { auditLog, type AuditEntry } from '../../db/schema/index.ts';

export interface AuditInput {
  actorUserId?: number | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string | number;
  actorUserId?: number;
  action?: string;
  /** Inclusive lower bound of `at`. */
  from?: Date;
  /** Exclusive upper bound of `at`. */
  to?: Date;
}

/** Appends entries in one statement (they share the transaction's `now()`); returns their ids. */
export async function appendAudit(
  ex: Executor,
  input: AuditInput | readonly AuditInput[],
): Promise<number[]> {
  const entries: readonly AuditInput[] = Array.isArray(input) ? input : [input as AuditInput];
  if (entries.length === 0) return [];
  const rows = await queryRows<{ id: string | number }>(
    ex,
    sql`
      insert into audit_log (actor_user_id, actor_label, action, entity_type, entity_id, before, after, request_id)
      select * from unnest(${intArray(entries.map((e) => e.actorUserId ?? null))},
        ${textArray(entries.map((e) => e.actorLabel))}, ${textArray(entries.map((e) => e.action))},
        ${textArray(entries.map((e) => e.entityType))}, ${textArray(entries.map((e) => String(e.entityId)))},
        ${jsonbArray(entries.map((e) => e.before))}, ${jsonbArray(entries.map((e) => e.after))},
        ${textArray(entries.map((e) => e.requestId ?? null))})
      returning id`,
  );
  return rows.map((r) => Number(r.id));
}

function where(f: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.entityType !== undefined) conditions.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId !== undefined) conditions.push(eq(auditLog.entityId, String(f.entityId)));
  if (f.actorUserId !== undefined) conditions.push(eq(auditLog.actorUserId, f.actorUserId));
  if (f.action !== undefined) conditions.push(eq(auditLog.action, f.action));
  if (f.from) conditions.push(gte(auditLog.at, f.from));
  if (f.to) conditions.push(lt(auditLog.at, f.to));
  return and(...conditions);
}

/** Entries matching the filter, newest first. */
export function listAudit(
  ex: Executor,
  filter: AuditFilter = {},
  page: { limit?: number; offset?: number } = {},
): Promise<AuditEntry[]> {
  return ex
    .select()
    .from(auditLog)
    .where(where(filter))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(Math.min(page.limit ?? 50, 500))
    .offset(page.offset ?? 0);
}

export async function countAudit(ex: Executor, filter: AuditFilter = {}): Promise<number> {
  const [row] = await ex.select({ n: count() }).from(auditLog).where(where(filter));
  return row?.n ?? 0;
}
