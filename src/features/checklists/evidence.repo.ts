// Checklist evidence and its stored files: Drizzle queries only; the executor is passed in.
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import {
  checklistEvidence,
  checklists,
  files,
  users,
  type NewStoredFile,
} from '../../db/schema/index.ts';

const evidenceBy = alias(users, 'evidence_by');

/** Evidence of a checklist with file names and sizes (never the bytes). */
export function evidenceRows(ex: Executor, checklistId: number) {
  return ex
    .select({
      id: checklistEvidence.id,
      section: checklistEvidence.section,
      itemKey: checklistEvidence.itemKey,
      side: checklistEvidence.side,
      url: checklistEvidence.url,
      fileId: checklistEvidence.fileId,
      name: files.name,
      mime: files.mime,
      size: files.size,
      createdAt: checklistEvidence.createdAt,
      byName: evidenceBy.fullName,
    })
    .from(checklistEvidence)
    .leftJoin(files, eq(files.id, checklistEvidence.fileId))
    .leftJoin(evidenceBy, eq(evidenceBy.id, checklistEvidence.createdById))
    .where(eq(checklistEvidence.checklistId, checklistId))
    .orderBy(asc(checklistEvidence.id));
}

export async function insertEvidence(
  ex: Executor,
  row: typeof checklistEvidence.$inferInsert,
): Promise<number> {
  const [r] = await ex
    .insert(checklistEvidence)
    .values(row)
    .returning({ id: checklistEvidence.id });
  return r!.id;
}

/** One evidence entry with its checklist's campaign and organization. */
export async function evidenceById(ex: Executor, id: number) {
  const [row] = await ex
    .select({
      evidence: checklistEvidence,
      campaignId: checklists.campaignId,
      organizationId: checklists.organizationId,
      status: checklists.status,
    })
    .from(checklistEvidence)
    .innerJoin(checklists, eq(checklists.id, checklistEvidence.checklistId))
    .where(eq(checklistEvidence.id, id));
  return row ?? null;
}

export async function deleteEvidence(ex: Executor, id: number): Promise<void> {
  await ex.delete(checklistEvidence).where(eq(checklistEvidence.id, id));
}

export async function insertFileRow(ex: Executor, file: NewStoredFile): Promise<number> {
  const [row] = await ex.insert(files).values(file).returning({ id: files.id });
  return row!.id;
}

export async function fileById(ex: Executor, id: number) {
  const [row] = await ex.select().from(files).where(eq(files.id, id));
  return row ?? null;
}

export async function deleteFileRow(ex: Executor, id: number): Promise<void> {
  await ex.delete(files).where(eq(files.id, id));
}
