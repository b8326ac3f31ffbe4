// Browsing the audit log (regional administrators only): filtered pages through the audit
// service, the filters' choices, and one entry. Nothing here writes: the log is append-only.
import { AppError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions/index.ts';
import type { AuditFilter } from '../audit/audit.repo.ts';
import { createAuditService } from '../audit/audit.service.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { AuditQuery, nextDay, zonedDayStart } from './audit.schema.ts';
import { auditFacets, getAuditEntry, regionTimeZone } from './dashboard.repo.ts';

/** Parses the audit filters; bad input becomes AppError(validation) with one issue per field. */
function parseQuery(raw: unknown): AuditQuery {
  const r = AuditQuery.safeParse(raw ?? {});
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || 'query',
    message: i.message,
  }));
  throw AppError.validation(issues.map((i) => i.message).join('; '), issues);
}

export function createAuditBrowser(deps: ServiceDeps) {
  const { db } = deps;
  const audit = createAuditService(deps);
  return {
    /**
     * A page of the audit log (regional administrators only) through the audit service. Dates
     * are the region's local days: «по 05.03» includes the whole of 5 March.
     */
    async auditLog(caller: Caller, raw: unknown) {
      authorize(caller, 'audit.view');
      const q = parseQuery(raw);
      const timeZone = await regionTimeZone(db);
      const filter: AuditFilter = {
        ...(q.entityType ? { entityType: q.entityType } : {}),
        ...(q.entityId ? { entityId: q.entityId } : {}),
        ...(q.actorUserId ? { actorUserId: q.actorUserId } : {}),
        ...(q.action ? { action: q.action } : {}),
        ...(q.from ? { from: zonedDayStart(q.from, timeZone) } : {}),
        ...(q.to ? { to: zonedDayStart(nextDay(q.to), timeZone) } : {}),
      };
      const { rows, total } = await audit.list(caller, filter, {
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { rows, total, page: q.page, pageSize: q.pageSize, query: q, timeZone };
    },

    /** Choices for the audit filters (regional administrators only). */
    async auditFacets(caller: Caller) {
      authorize(caller, 'audit.view');
      return auditFacets(db);
    },

    /** One audit entry (regional administrators only), for /admin/audit/:id. */
    async auditEntry(caller: Caller, id: number) {
      authorize(caller, 'audit.view');
      const entry = await getAuditEntry(db, id);
      if (!entry) throw AppError.notFound('Запись журнала не найдена');
      return entry;
    },
  };
}
