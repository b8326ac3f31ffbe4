// Asking for a recalculation when a campaign's inputs change (issue 6 item 2): the features that
// change what the calculation reads call `inputsChanged(campaignId, status)` AFTER their
// transaction committed — moderation decisions (survey/moderation.service.ts), paper entry and
// file import (survey/paper.service.ts, import.service.ts), the expert's checklist answers,
// confirmation, reopening and site correction (checklists). The results service debounces: one
// queued `results.recalculate` job per campaign, RECALCULATION_DELAY_SECONDS after the first
// request, and an unchanged inputs digest stores nothing.
//
// Which campaign statuses trigger (RECALCULATION_TRIGGER_STATUSES):
// - collecting: the operator's and expert's changes keep the staff's preliminary results fresh
//   (paper entry is only open while collecting). Online questionnaires never trigger — that path
//   must stay cheap under load; the next triggered or manual calculation counts them anyway;
// - calculating, reporting, discussion: the results being prepared and discussed follow every
//   correction;
// - published: a late correction makes a new current version beside the frozen one, for the
//   council to approve; the published (frozen) results do not change;
// - closed (and everything before collection): never — nothing is calculated there.
//
// A failed request (queue unavailable) is logged, never thrown: the change itself is stored and
// the operator can recalculate by hand.
import type { CampaignStatus } from '../../db/schema/index.ts';
import type { ServiceDeps } from '../context.ts';
import { campaignHeader } from './results.repo.ts';
import { createResultsService } from './results.service.ts';

export const RECALCULATION_TRIGGER_STATUSES: readonly CampaignStatus[] = [
  'collecting',
  'calculating',
  'reporting',
  'discussion',
  'published',
];

/** `status`: the campaign's status as the caller read it (read here when not given). */
export type InputsChanged = (campaignId: number, status?: CampaignStatus) => Promise<boolean>;

export function createRecalculationTrigger(deps: ServiceDeps): InputsChanged {
  const results = createResultsService(deps);
  return async (campaignId, status) => {
    // Without a job queue (CLI one-offs, most tests) there is nothing to ask.
    if (!deps.jobs) return false;
    try {
      status ??= (await campaignHeader(deps.db, campaignId))?.status;
      if (!status || !RECALCULATION_TRIGGER_STATUSES.includes(status)) return false;
      return await results.requestRecalculation(campaignId);
    } catch (e) {
      deps.logger.warn({ err: e, campaignId }, 'results recalculation request failed');
      return false;
    }
  };
}
