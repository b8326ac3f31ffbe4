// Audit log use cases: record a change (inside the caller's transaction) and browse the log.
import { authorize } from '../../domain/permissions/index.ts';
import type { Executor } from '../../db/client.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { appendAudit, countAudit, listAudit, type AuditFilter } from './audit.repo.ts';

export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/** Appends one or more entries for `caller`; call it in the same transaction as the change. */
export async function recordAudit(
  ex: Executor,
  caller: Caller,
  changes: AuditChange | readonly AuditChange[],
): Promise<void> {
  const list: readonly AuditChange[] = Array.isArray(changes) ? changes : [changes as AuditChange];
  await appendAudit(
    ex,
    list.map((c) => ({
      actorUserId: caller.userId ?? null,
      actorLabel: caller.label,
      action: c.action,
      entityType: c.entityType,
      entityId: c.entityId,
      before: c.before ?? null,
      after: c.after ?? null,
      requestId: caller.requestId ?? null,
    })),
  );
}

export function createAuditService(deps: ServiceDeps) {
  return {
    /** Browse the log (regional administrators only), newest first. */
    async list(caller: Caller, filter: AuditFilter, page: { limit: number; offset: number }) {
      authorize(caller, 'audit.view');
      const [rows, total] = await Promise.all([
        listAudit(deps.db, filter, page),
        countAudit(deps.db, filter),
      ]);
      return { rows, total };
    },
  };
}
