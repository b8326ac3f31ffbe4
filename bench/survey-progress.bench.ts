// Benchmark of survey progress (sample control) over 200,000 responses in 100 organizations:
// one GROUP BY with FILTER clauses. Prints figures; asserts nothing about speed.
// Usage: npm run bench:survey-progress  (PostgreSQL too with BENCH_DATABASE_URL=postgres://…/db)
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { parseConfig } from '../src/config.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { CLI_CALLER } from '../src/features/context.ts';
import { createModerationService } from '../src/features/survey/moderation.service.ts';
import { HALF_WINDOW } from '../src/features/survey/progress.test-support.ts';
import { createSurveyCampaign } from '../src/features/survey/survey.test-support.ts';

const RESPONSES = 200_000;

async function run(label: string, database: Database): Promise<void> {
  await migrate(database);
  const db = database.db;
  const c = await createSurveyCampaign(db, { organizations: 100 });
  const first = c.orgs[0]!.id;
  const t0 = performance.now();
  // Every 50th flagged, every 10,000th excluded, every 97th invalid.
  await db.execute(sql`
    insert into survey_responses (campaign_id, organization_id, channel, answers, valid, flags, moderation)
    select ${c.campaignId}, ${first} + (g % 100), 'online', '{"q1": true}'::jsonb, g % 97 <> 0,
           case when g % 50 = 0 then array['burst'] else '{}'::text[] end,
           case when g % 10000 = 0 then 'excluded' end
    from generate_series(1, ${RESPONSES}) g`);
  await db.execute(sql`analyze survey_responses`);
  const loaded = performance.now() - t0;
  const service = createModerationService({
    db,
    config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    logger: pino({ level: 'silent' }),
    now: () => HALF_WINDOW,
  });
  await service.progress(CLI_CALLER, c.campaignId); // warm-up
  const times: number[] = [];
  let last;
  for (let i = 0; i < 5; i += 1) {
    const s = performance.now();
    last = await service.progress(CLI_CALLER, c.campaignId);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(10)} load ${(loaded / 1000).toFixed(1)} s; progress over ${RESPONSES} responses: ` +
      `median ${times[2]!.toFixed(0)} ms, best ${times[0]!.toFixed(0)} ms; ` +
      `check: ${last!.organizations.length} organizations, ${last!.totals.flagged} flagged, ${last!.totals.excluded} excluded`,
  );
  await database.close();
}

await run('pglite', await openDatabase({ inMemory: true }));
if (process.env.BENCH_DATABASE_URL)
  await run('postgres', await openDatabase({ url: process.env.BENCH_DATABASE_URL }));
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
