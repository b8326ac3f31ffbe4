// Pieces of a checklist save: where evidence may go, the audit entry of added evidence, and the
// change of the expert's correction of the site half of 1.1.
import { appliesToKind, findItem, type ChecklistSection } from '../../domain/checklists/index.ts';
import { AppError, type FieldIssue } from '../../domain/errors.ts';
import type { Checklist } from '../../db/schema/index.ts';
import type { AuditChange } from '../audit/audit.service.ts';
import type { ChecklistContext } from './checklists.access.ts';

export function evidenceAudit(checklistId: number, after: Record<string, unknown>): AuditChange {
  return {
    action: 'checklist.evidence.add',
    entityType: 'checklist',
    entityId: checklistId,
    after,
  };
}

/** Evidence may be attached only to items of the catalogue that apply to the organization. */
export function assertEvidenceTargets(
  ctx: ChecklistContext,
  targets: readonly { section: ChecklistSection; key: string }[],
): void {
  const issues: FieldIssue[] = [];
  for (const t of targets) {
    const def = findItem(ctx.catalogues, t.section, t.key);
    if (!def || !appliesToKind(def, ctx.org.kind))
      issues.push({
        path: `evidence.${t.section}.${t.key}`,
        message: `Пункта «${t.key}» нет в чек-листе этой организации`,
      });
  }
  if (issues.length > 0) throw AppError.validation(issues[0]!.message, issues);
}

/** The change of the site half of 1.1 correction, or null when the input leaves it as it is. */
export function siteOverridePatch(
  row: Checklist,
  input: { present: number; required: number; reason: string } | null | undefined,
  userId: number | null,
  now: Date,
) {
  if (input === undefined) return null;
  const before =
    row.sitePresent === null
      ? null
      : { present: row.sitePresent, required: row.siteRequired, reason: row.siteReason };
  const after = input && { present: input.present, required: input.required, reason: input.reason };
  if (JSON.stringify(before) === JSON.stringify(after)) return null;
  return {
    patch: {
      sitePresent: after?.present ?? null,
      siteRequired: after?.required ?? null,
      siteReason: after?.reason ?? null,
      siteOverrideById: after ? userId : null,
      siteOverrideAt: after ? now : null,
    },
    audit: { before, after },
  };
}
