// Results for the demo region: every campaign past data collection (calculating, reporting,
// discussion, published) gets a calculated run; a published campaign's run is frozen by a council
// decision, as it would have been before publication. Called by the demo seed (the lead wires it);
// safe to call again: unchanged inputs store nothing and a frozen campaign is left as it is.
import pino from 'pino';
import { parseConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { campaignStages } from '../../db/schema/index.ts';
import { SYSTEM_CALLER } from '../context.ts';
import { and, eq } from 'drizzle-orm';
import type { CalculationInputsSource } from './inputs.ts';
import { campaignHeader, campaignsIn, listRuns } from './results.repo.ts';
import { createResultsService } from './results.service.ts';

export interface SeedResultsOptions {
  /** The clock (default: now). */
  now?: Date;
  /** Checklist and site facts (default: the application's providers). */
  inputs?: CalculationInputsSource;
}

export interface SeedResultsSummary {
  calculated: { campaignId: number; version: number; organizations: number }[];
  frozen: number[];
}

const SEEDED_STATUSES = ['calculating', 'reporting', 'discussion', 'published'] as const;

/** The council's decision date: its discussion stage's completion or planned end, not after now. */
async function decisionDate(db: Db, campaignId: number, now: Date): Promise<string> {
  const [stage] = await db
    .select({ done: campaignStages.completedAt, end: campaignStages.plannedEnd })
    .from(campaignStages)
    .where(
      and(eq(campaignStages.campaignId, campaignId), eq(campaignStages.key, 'council_discussion')),
    );
  const today = now.toISOString().slice(0, 10);
  const date = stage?.done?.toISOString().slice(0, 10) ?? stage?.end ?? today;
  return date < today ? date : today;
}

export async function seedResults(
  db: Db,
  options: SeedResultsOptions = {},
): Promise<SeedResultsSummary> {
  const now = options.now ?? new Date();
  const service = createResultsService(
    {
      db,
      config: parseConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }),
      logger: pino({ level: 'silent' }),
      now: () => now,
    },
    options.inputs ? { inputs: options.inputs } : {},
  );
  const summary: SeedResultsSummary = { calculated: [], frozen: [] };
  for (const c of await campaignsIn(db, SEEDED_STATUSES)) {
    const runs = await listRuns(db, c.id);
    // A published campaign whose results were approved keeps them.
    if (c.status === 'published' && runs.some((r) => r.status === 'frozen')) continue;
    const outcome = await service.calculate(SYSTEM_CALLER, c.id);
    summary.calculated.push({
      campaignId: c.id,
      version: outcome.run.version,
      organizations: outcome.organizations,
    });
    if (c.status !== 'published' || outcome.run.status !== 'current') continue;
    const header = await campaignHeader(db, c.id);
    await service.freeze(SYSTEM_CALLER, c.id, {
      decisionNumber: `${(header?.year ?? now.getUTCFullYear()) - 2000}/3`,
      decisionDate: await decisionDate(db, c.id, now),
    });
    summary.frozen.push(c.id);
  }
  return summary;
}
