// The `results.recalculate` job: a debounced recalculation of one campaign, enqueued by
// requestRecalculation when survey answers or checklists change. Idempotent: an unchanged inputs
// digest stores nothing, so a duplicate or retried job is harmless.
import type { JobHandler } from '../../jobs/queue.ts';
import { SYSTEM_CALLER, type ServiceDeps } from '../context.ts';
import { RECALCULATE_JOB } from './results.schema.ts';
import { createResultsService, type ResultsServiceOptions } from './results.service.ts';

export interface RecalculateData {
  campaignId: number;
}

/** Registered by `noko serve` (src/jobs/handlers.ts). */
export function createRecalculateJob(
  deps: ServiceDeps,
  options: ResultsServiceOptions = {},
): JobHandler<RecalculateData> {
  const service = createResultsService(deps, options);
  return {
    name: RECALCULATE_JOB,
    // A big campaign takes seconds; a failure (database restart) is retried a few times.
    options: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
    handler: async (data) => {
      const campaignId = Number(data.campaignId);
      if (!Number.isSafeInteger(campaignId) || campaignId < 1) return;
      const outcome = await service.recalculateQueued(SYSTEM_CALLER, campaignId);
      deps.logger.info(
        {
          campaignId,
          stored: outcome?.stored ?? false,
          version: outcome?.run.version,
          ms: outcome?.ms,
        },
        outcome ? 'results recalculated' : 'results recalculation skipped: campaign not calculable',
      );
    },
  };
}
