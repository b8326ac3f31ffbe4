// The checklist half of the scoring pipeline's inputs: for every organization included in a
// campaign, exactly the OrganizationInput fields the expert lists feed (stand, remoteChannels,
// comfortConditions, premisesAccessibility, serviceAccessibility — src/domain/scoring/input.ts),
// counted from the expert's CONFIRMED answers only (a self-report never scores), plus whether
// the checklist is confirmed and what the report needs to explain the numbers.
import {
  evaluateChecklist,
  resolveCatalogues,
  type ChecklistCounts,
  type ChecklistStatus,
  type ItemRef,
} from '../../domain/checklists/index.ts';
import type { ItemCount } from '../../domain/scoring/input.ts';
import { readAll, type Executor } from '../../db/client.ts';
import type { ChecklistItemRow } from '../../db/schema/index.ts';
import { loadCampaign } from '../campaigns/campaigns.shared.ts';
import { stateFromRows } from './checklists.merge.ts';
import { campaignChecklistRows, includedOrganizations } from './checklists.repo.ts';

export interface ChecklistInputs extends ChecklistCounts {
  /** The expert confirmed the checklist (status «confirmed»); otherwise the counts are partial. */
  complete: boolean;
  status: ChecklistStatus;
  /**
   * The expert's correction of the site half of 1.1 (Исайт / Инорм.сайт), to use instead of the
   * site monitor's counts; null when the expert kept the monitor's.
   */
  siteOverride: (ItemCount & { reason: string }) | null;
  /** Confirmed «нет» (channels: not listed or not working): shortcomings for the report. */
  missing: ItemRef[];
  /** Applicable items without a confirmed answer (counted as absent). */
  unanswered: ItemRef[];
  /** Items left out with «не применимо» and the recorded reason (provenance). */
  notApplicable: (ItemRef & { reason: string | null })[];
}

/**
 * Checklist inputs of the campaign's included organizations that have a checklist, keyed by
 * organization id; an organization nobody has started is absent (the results feature's
 * CalculationInputsSource: «absent key: no checklist»). `stand.required` is at least 1 for a
 * complete checklist (confirming refuses an all-n/a stand).
 */
export async function checklistInputs(
  executor: Executor,
  campaignId: number,
): Promise<Map<number, ChecklistInputs>> {
  const campaign = await loadCampaign(executor, campaignId);
  const catalogues = resolveCatalogues(campaign.methodology.catalogues);
  const [orgs, { heads, items }] = await readAll(executor, [
    () => includedOrganizations(executor, campaignId),
    () => campaignChecklistRows(executor, campaignId),
  ] as const);
  const byOrg = new Map(heads.map((h) => [h.organizationId, h]));
  const itemsOf = new Map<number, ChecklistItemRow[]>();
  for (const i of items) {
    const list = itemsOf.get(i.checklistId) ?? [];
    list.push(i);
    itemsOf.set(i.checklistId, list);
  }
  const out = new Map<number, ChecklistInputs>();
  for (const org of orgs) {
    const head = byOrg.get(org.id);
    if (!head) continue;
    const state = stateFromRows(itemsOf.get(head.id) ?? []);
    const e = evaluateChecklist(
      catalogues,
      { kind: org.kind, facts: org.applicability },
      state,
      'confirmed',
    );
    out.set(org.id, {
      ...e.counts,
      complete: head.status === 'confirmed',
      status: head.status,
      siteOverride:
        head.sitePresent !== null && head.siteRequired !== null
          ? {
              present: head.sitePresent,
              required: head.siteRequired,
              reason: head.siteReason ?? '',
            }
          : null,
      missing: e.missing,
      unanswered: e.unanswered,
      notApplicable: e.notApplicable,
    });
  }
  return out;
}
