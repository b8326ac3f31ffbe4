// Benchmark of a campaign calculation with 10 000 organizations (issue 6: results of a region-sized
// campaign must be stored in well under 5 s on PostgreSQL), 20 survey responses each. Prints the
// read+score and store times, and the CPU seconds the store took in Node and in the PostgreSQL
// backends (wall times mean little on a loaded machine); asserts nothing about speed.
// Usage: node bench/results.bench.ts [organizations]  (PostgreSQL with BENCH_DATABASE_URL=postgres://…/db)
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { campaigns } from '../src/db/schema/index.ts';
import { methodologyVersion } from '../src/domain/scoring/index.ts';
import { addCampaignOrganizations } from '../src/features/campaigns/campaigns.repo.ts';
import { upsertManyByInn } from '../src/features/registry/organizations.repo.ts';
import { createResultsService } from '../src/features/results/results.service.ts';
import { caller, resultsDeps } from '../src/features/results/results.test-support.ts';
import { createRegion, uniqueInn } from '../test/fixtures.ts';

const N = Number(process.argv[2] ?? 10_000);
const KINDS = ['preschool', 'school', 'vocational', 'additional'] as const;

async function seed(database: Database): Promise<number> {
  const db = database.db;
  const region = await createRegion(db);
  const orgs = await upsertManyByInn(
    db,
    Array.from({ length: N }, (_, i) => ({
      inn: uniqueInn(),
      kind: KINDS[i % 4]!,
      shortName: `Организация ${i}`,
      fullName: `Образовательная организация ${i}`,
      municipalityId: region.municipalities[i % 2]!.id,
      contingent: 40 + (i % 300),
    })),
  );
  const [c] = await db
    .insert(campaigns)
    .values({
      title: 'НОК (бенчмарк)',
      year: 2026,
      territoryId: region.region.id,
      status: 'calculating',
      methodology: methodologyVersion(),
    })
    .returning();
  await addCampaignOrganizations(
    db,
    c!.id,
    orgs.map((o) => ({ organizationId: o.id, status: 'included' as const })),
  );
  await db.execute(sql`
    insert into survey_responses (campaign_id, organization_id, channel, answers, valid)
    select ${c!.id}, co.organization_id, 'paper',
      jsonb_build_object('q1', g % 3 <> 0, 'q3', g % 4 <> 0, 'q5', g % 5 <> 0, 'q6', g % 7 = 0,
        'q8', true, 'q9', g % 6 <> 0, 'q10', g % 2 = 0, 'q12', true, 'q13', g % 9 <> 0, 'q14', true)
        || case when g % 3 <> 0 then jsonb_build_object('q2', g % 11 <> 0) else '{}' end
        || case when g % 4 <> 0 then jsonb_build_object('q4', true) else '{}' end
        || case when g % 7 = 0 then jsonb_build_object('q7', g % 2 = 0) else '{}' end
        || case when g % 2 = 0 then jsonb_build_object('q11', g % 8 <> 0) else '{}' end,
      true
    from campaign_organizations co cross join generate_series(1, 20) g
    where co.campaign_id = ${c!.id}`);
  await db.execute(sql`analyze`);
  return c!.id;
}

/** CPU seconds used so far by the PostgreSQL backends of this database (same host only). */
async function backendCpu(database: Database): Promise<number | null> {
  if (database.kind !== 'postgres') return null;
  const rows = await queryRows<{ pid: number }>(
    database.db,
    sql`select pid from pg_stat_activity where datname = current_database()`,
  );
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The backend ended (pool idle timeout): its CPU is lost to the figure.
    }
  }
  return ticks / 100;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function run(label: string, database: Database): Promise<void> {
  await migrate(database);
  const campaignId = await seed(database);
  const service = createResultsService(resultsDeps(database.db, { now: new Date() }));
  const marks = new Map<string, number>();
  let storeCpu = process.cpuUsage();
  let pgCpu: number | null = null;
  const t0 = performance.now();
  const outcome = await service.calculate(caller('operator'), campaignId, {}, async (p) => {
    if (marks.has(p.stage)) return;
    marks.set(p.stage, performance.now());
    if (p.stage === 'store') {
      pgCpu = await backendCpu(database);
      storeCpu = process.cpuUsage();
    }
  });
  const end = performance.now();
  const nodeStore = process.cpuUsage(storeCpu);
  const pgAfter = await backendCpu(database);
  const store = marks.get('store')!;
  const cpuText =
    `store CPU: node ${((nodeStore.user + nodeStore.system) / 1e6).toFixed(1)} s` +
    (pgCpu !== null && pgAfter !== null ? `, PostgreSQL ${(pgAfter - pgCpu).toFixed(1)} s` : '');
  const t1 = performance.now();
  await service.getCampaignResults(caller('operator'), { campaignId, withProvenance: false });
  const list = performance.now() - t1;
  console.log(
    `${label.padEnd(9)} ${N} organizations: read+score ${seconds(store - t0)}, store ` +
      `${seconds(end - store)} (${cpuText}), total ${seconds(outcome.ms)}; ratings list read ${seconds(list)}`,
  );
  await database.close();
}

if (process.env.BENCH_DATABASE_URL)
  await run('postgres', await openDatabase({ url: process.env.BENCH_DATABASE_URL }));
await run('pglite', await openDatabase({ inMemory: true }));
console.log(
  `load average ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
