// Evidence downloads and removal. A file is shown to whoever may read the checklist, except that
// the organization sees the expert's photos only once the checklist is confirmed; only the side
// that attached a piece of evidence may remove it, and only while that side may still edit.
import { AppError } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadCampaign } from '../campaigns/campaigns.shared.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { accessOf, assertOpen, assertSide, assertSideStatus } from './checklists.access.ts';
import { lockChecklist } from './checklists.repo.ts';
import { deleteEvidence, deleteFileRow, evidenceById, fileById } from './evidence.repo.ts';

export function createChecklistEvidence(deps: ServiceDeps) {
  const { db } = deps;

  async function visible(caller: Caller, evidenceId: number) {
    const found = await evidenceById(db, evidenceId);
    const access = found ? accessOf(caller, found.organizationId) : null;
    const may =
      found &&
      access &&
      (access.confirm ||
        (access.declare && (found.evidence.side === 'declared' || found.status === 'confirmed')));
    // One answer for «absent» and «not yours»: ids of other organizations' evidence reveal nothing.
    if (!found || !may) throw AppError.notFound('Подтверждающий материал не найден');
    return found;
  }

  return {
    /** The stored photo or document (for download). */
    async evidenceFile(caller: Caller, evidenceId: number) {
      const found = await visible(caller, evidenceId);
      const file = found.evidence.fileId ? await fileById(db, found.evidence.fileId) : null;
      if (!file?.data) throw AppError.notFound('Файл не найден');
      return { name: file.name, mime: file.mime, bytes: file.data };
    },

    /** Removes a photo, document or link (and the stored file). */
    async removeEvidence(caller: Caller, evidenceId: number): Promise<void> {
      const found = await visible(caller, evidenceId);
      const { evidence: e, campaignId, organizationId } = found;
      assertSide(caller, e.side, organizationId);
      assertOpen(await loadCampaign(db, campaignId));
      await db.transaction(async (tx) => {
        const row = await lockChecklist(tx, campaignId, organizationId);
        assertSideStatus(row!.status, e.side);
        const file = e.fileId ? await fileById(tx, e.fileId) : null;
        await deleteEvidence(tx, e.id);
        if (e.fileId) await deleteFileRow(tx, e.fileId);
        await recordAudit(tx, caller, {
          action: 'checklist.evidence.remove',
          entityType: 'checklist',
          entityId: e.checklistId,
          before: {
            id: e.id,
            campaignId,
            organizationId,
            section: e.section,
            key: e.itemKey,
            side: e.side,
            url: e.url,
            fileId: e.fileId,
            name: file?.name ?? null,
            sha256: file?.sha256 ?? null,
          },
        });
      });
    },
  };
}
