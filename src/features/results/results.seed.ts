// Results for the demo region, called by the demo seed inside its transaction (src/features/demo/
// seed.ts), so `npm start` opens with ratings, dashboards and public result pages at once:
// - a campaign collecting data gets a preliminary calculation (staff see it; nobody else does);
// - a campaign past data collection (calculating … discussion) gets a calculated run;
// - a published one is also frozen by a council decision, as it would have been before publication;
// - a closed campaign without approved results (the demo's history: last year's campaign, seeded
//   already closed) is replayed as it happened — the expert checklists of its collection, the
//   calculation when its calculation stage ended, the council's approval on its discussion date —
//   and closed again, so year-over-year comparisons have a credible previous year.
// Safe to call again: unchanged inputs store nothing and approved results are left as they are.
import pino from 'pino';
import { and, eq } from 'drizzle-orm';
import { parseConfig } from '../../config.ts';
import type { Executor } from '../../db/client.ts';
import { campaigns, campaignStages, type CampaignStatus } from '../../db/schema/index.ts';
import type { StageKey } from '../../domain/campaigns/stages.ts';
import { seedChecklists } from '../checklists/checklists.demo.ts';
import { SYSTEM_CALLER } from '../context.ts';
import type { CalculationInputsSource } from './inputs.ts';
import { campaignHeader, campaignsIn, listRuns } from './results.repo.ts';
import { createResultsService } from './results.service.ts';

export interface SeedResultsOptions {
  /** The clock (default: now). */
  now?: Date;
  /** Checklist and site facts (default: the application's providers). */
  inputs?: CalculationInputsSource;
  /** Replay closed campaigns without approved results (default true). */
  history?: boolean;
}

export interface SeedResultsSummary {
  calculated: { campaignId: number; version: number; organizations: number }[];
  frozen: number[];
}

const SEEDED_STATUSES: readonly CampaignStatus[] = [
  'collecting',
  'calculating',
  'reporting',
  'discussion',
  'published',
  'closed',
];
const DAY = 86_400_000;

/** When a stage was done (its completion, else the noon of its planned end), not after now. */
async function stageDate(ex: Executor, campaignId: number, key: StageKey, now: Date) {
  const [stage] = await ex
    .select({ done: campaignStages.completedAt, end: campaignStages.plannedEnd })
    .from(campaignStages)
    .where(and(eq(campaignStages.campaignId, campaignId), eq(campaignStages.key, key)));
  const at = stage?.done ?? (stage?.end ? new Date(`${stage.end}T12:00:00Z`) : now);
  return at < now ? at : now;
}

function serviceAt(ex: Executor, now: Date, inputs?: CalculationInputsSource) {
  return createResultsService(
    {
      // A transaction is a database to the service: its own transactions become savepoints.
      db: ex,
      config: parseConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }),
      logger: pino({ level: 'silent' }),
      now: () => now,
    },
    inputs ? { inputs } : {},
  );
}

async function setStatus(ex: Executor, campaignId: number, status: CampaignStatus) {
  await ex.update(campaigns).set({ status }).where(eq(campaigns.id, campaignId));
}

/**
 * The council's decision of the campaign: number «YY/3», dated by its discussion stage; recorded
 * at `at` (the decision date when replaying history, else now).
 */
async function freezeAt(
  ex: Executor,
  campaignId: number,
  now: Date,
  o: SeedResultsOptions,
  replay: boolean,
) {
  const decided = await stageDate(ex, campaignId, 'council_discussion', now);
  const header = await campaignHeader(ex, campaignId);
  await serviceAt(ex, replay ? decided : now, o.inputs).freeze(SYSTEM_CALLER, campaignId, {
    decisionNumber: `${(header?.year ?? decided.getUTCFullYear()) - 2000}/3`,
    decisionDate: decided.toISOString().slice(0, 10),
  });
}

/**
 * A closed campaign's results as they would have been stored: its status is stepped back inside
 * one (sub)transaction — nobody sees the intermediate states — while the checklists, the
 * calculation and the approval are recorded, then closed again.
 */
async function replayClosed(
  ex: Executor,
  campaignId: number,
  now: Date,
  o: SeedResultsOptions,
  summary: SeedResultsSummary,
) {
  await ex.transaction(async (tx) => {
    const collected = await stageDate(tx, campaignId, 'data_collection', now);
    await setStatus(tx, campaignId, 'calculating');
    // The demo checklists of every open campaign; the ones already seeded stay as they are.
    await seedChecklists(tx, { now: new Date(collected.getTime() - DAY) });
    await setStatus(tx, campaignId, 'published');
    const calculated = await stageDate(tx, campaignId, 'calculation', now);
    const outcome = await serviceAt(tx, calculated, o.inputs).calculate(SYSTEM_CALLER, campaignId);
    summary.calculated.push({
      campaignId,
      version: outcome.run.version,
      organizations: outcome.organizations,
    });
    if (outcome.run.status === 'current') {
      await freezeAt(tx, campaignId, now, o, true);
      summary.frozen.push(campaignId);
    }
    await setStatus(tx, campaignId, 'closed');
  });
}

export async function seedResults(
  ex: Executor,
  options: SeedResultsOptions = {},
): Promise<SeedResultsSummary> {
  const now = options.now ?? new Date();
  const service = serviceAt(ex, now, options.inputs);
  const summary: SeedResultsSummary = { calculated: [], frozen: [] };
  for (const c of await campaignsIn(ex, SEEDED_STATUSES)) {
    const runs = await listRuns(ex, c.id);
    // Approved results of a published or closed campaign are kept as they are.
    const approved = runs.some((r) => r.frozenAt !== null);
    if (c.status === 'closed') {
      if (!approved && options.history !== false)
        await replayClosed(ex, c.id, now, options, summary);
      continue;
    }
    if (c.status === 'published' && approved) continue;
    const outcome = await service.calculate(SYSTEM_CALLER, c.id);
    summary.calculated.push({
      campaignId: c.id,
      version: outcome.run.version,
      organizations: outcome.organizations,
    });
    if (c.status !== 'published' || outcome.run.status !== 'current') continue;
    await freezeAt(ex, c.id, now, options, false);
    summary.frozen.push(c.id);
  }
  return summary;
}
