// Site checks are an input of the campaign calculation (the site half of indicator 1.1, the
// channels of 1.2: monitor.feed.ts). When a run has finished, every campaign that includes one of
// its organizations and is still calculated asks for a recalculation (issue 6 item 2: «recalculation
// runs as a job when inputs change»). The results service debounces and compares inputs digests:
// checks made after a campaign's data cut-off change nothing and store nothing.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  campaignOrganizations,
  campaigns,
  monitorChecks,
  type CampaignStatus,
} from '../../db/schema/index.ts';
import type { ServiceDeps } from '../context.ts';
import {
  createRecalculationTrigger,
  RECALCULATION_TRIGGER_STATUSES,
} from '../results/recalculation-trigger.ts';

/** Campaigns, still calculated, that include an organization checked by the run. */
export function campaignsOfRun(
  ex: Executor,
  runId: number,
): Promise<{ campaignId: number; status: CampaignStatus }[]> {
  return ex
    .selectDistinct({ campaignId: campaigns.id, status: campaigns.status })
    .from(campaignOrganizations)
    .innerJoin(campaigns, eq(campaigns.id, campaignOrganizations.campaignId))
    .where(
      and(
        eq(campaignOrganizations.status, 'included'),
        inArray(campaigns.status, [...RECALCULATION_TRIGGER_STATUSES]),
        sql`${campaignOrganizations.organizationId} in (select ${monitorChecks.organizationId}
          from ${monitorChecks} where ${monitorChecks.runId} = ${runId})`,
      ),
    )
    .orderBy(campaigns.id);
}

/** Asks for the recalculation of each campaign the finished run feeds; returns the ones queued. */
export async function recalculateAfterRun(deps: ServiceDeps, runId: number): Promise<number[]> {
  if (!deps.jobs) return [];
  const inputsChanged = createRecalculationTrigger(deps);
  const queued: number[] = [];
  for (const { campaignId, status } of await campaignsOfRun(deps.db, runId))
    if (await inputsChanged(campaignId, status)) queued.push(campaignId);
  return queued;
}
