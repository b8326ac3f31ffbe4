// Benchmark of a region-sized campaign end to end (issue 6 item 8): 10 000 organizations in 20
// municipalities and 2 000 000 survey responses inserted in bulk (generated here with the skip logic
// of the questionnaire, sent as arrays and expanded by `unnest`), then the full recalculation by the
// results service (target < 5 s on PostgreSQL), reading the stored results, and the analytical
// report in DOCX and PDF for 1 000 organizations (target < 20 s). Prints wall times with the CPU
// seconds this process used (wall times mean little on a loaded machine: the load average is
// printed too) and the peak memory of this process; asserts nothing about speed.
//
// Usage: npm run bench:score [-- --organizations 10000 --responses 2000000 --report 1000
//          --backends postgres,pglite --no-pdf]
// PostgreSQL: TEST_DATABASE_URL (or BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/
// postgres) is used only to create and drop the database noko_bench_score_<pid>. PGlite runs on a
// temporary folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { campaigns, territories } from '../src/db/schema/index.ts';
import { methodologyVersion } from '../src/domain/scoring/index.ts';
import { addCampaignOrganizations } from '../src/features/campaigns/campaigns.repo.ts';
import { upsertManyByInn } from '../src/features/registry/organizations.repo.ts';
import { renderFormat } from '../src/features/reports/reports.service.ts';
import type { CampaignResults } from '../src/features/results/results.schema.ts';
import { createResultsService } from '../src/features/results/results.service.ts';
import { caller, resultsDeps } from '../src/features/results/results.test-support.ts';
import { createRegion, uniqueInn } from '../test/fixtures.ts';
import { answersFor } from './lib/answers.ts';

const { values: args } = parseArgs({
  options: {
    organizations: { type: 'string', default: '10000' },
    responses: { type: 'string', default: '2000000' },
    report: { type: 'string', default: '1000' },
    backends: { type: 'string', default: 'postgres,pglite' },
    pdf: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const ORGS = Number(args.organizations);
const RESPONSES = Number(args.responses);
const REPORT = Number(args.report);
const MUNICIPALITIES = 20;
const BATCH = 50_000;
const KINDS = ['preschool', 'school', 'vocational', 'additional'] as const;
const ADMIN_URL =
  process.env.TEST_DATABASE_URL ??
  process.env.BENCH_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const cpuSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return `${((used.user + used.system) / 1e6).toFixed(1)} s CPU in node`;
};
const log = (line: string) => process.stderr.write(`${line}\n`);

async function seedRegistry(db: Database['db']): Promise<{ campaignId: number; orgIds: number[] }> {
  const region = await createRegion(db);
  const extra = await db
    .insert(territories)
    .values(
      Array.from({ length: MUNICIPALITIES - 2 }, (_, i) => ({
        code: `bench-mun-${process.pid}-${i}`,
        name: `Муниципальный округ № ${i + 3}`,
        kind: 'municipality' as const,
        parentId: region.region.id,
      })),
    )
    .returning();
  const municipalities = [...region.municipalities, ...extra];
  const orgs = await upsertManyByInn(
    db,
    Array.from({ length: ORGS }, (_, i) => ({
      inn: uniqueInn(),
      kind: KINDS[i % 4]!,
      shortName: `Организация № ${i + 1}`,
      fullName: `Муниципальное образовательное учреждение «Организация № ${i + 1}»`,
      municipalityId: municipalities[i % municipalities.length]!.id,
      contingent: 100 + ((i * 37) % 900),
    })),
  );
  const [c] = await db
    .insert(campaigns)
    .values({
      title: 'НОК (бенчмарк расчёта)',
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
  return { campaignId: c!.id, orgIds: orgs.map((o) => o.id) };
}

/** RESPONSES rows in batches: two arrays per statement, expanded by unnest on the server. */
async function seedResponses(db: Database['db'], campaignId: number, orgIds: number[]) {
  for (let start = 0; start < RESPONSES; start += BATCH) {
    const n = Math.min(BATCH, RESPONSES - start);
    const orgs = new Array<number>(n);
    const answers = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const k = start + i;
      orgs[i] = orgIds[k % orgIds.length]!;
      answers[i] = JSON.stringify(answersFor(k));
    }
    await db.execute(sql`
      insert into survey_responses (campaign_id, organization_id, channel, answers, valid)
      select ${campaignId}, o, 'online', a::jsonb, true
      from unnest(${sql.param(orgs)}::int[], ${sql.param(answers)}::text[]) as t(o, a)`);
    if ((start / BATCH) % 8 === 7) log(`  … ${start + n} responses`);
  }
  // What autovacuum does during weeks of collection: hint bits and the visibility map are set, so
  // the first calculation does not pay for writing 450 MB of pages back.
  await db.execute(sql`vacuum analyze survey_responses`);
  await db.execute(sql`analyze`);
}

/** The first `n` organizations of the stored results with the same aggregates (a 1 000-page annex). */
function firstOrganizations(results: CampaignResults, n: number): CampaignResults {
  return { ...results, organizations: results.organizations.slice(0, n) };
}

async function run(label: string, database: Database): Promise<string[]> {
  const lines: string[] = [];
  await migrate(database);
  let t = performance.now();
  const { campaignId, orgIds } = await seedRegistry(database.db);
  await seedResponses(database.db, campaignId, orgIds);
  lines.push(
    `${label}: seed ${ORGS} organizations + ${RESPONSES} responses ${seconds(performance.now() - t)}`,
  );
  log(lines.at(-1)!);
  const service = createResultsService(resultsDeps(database.db, { now: new Date() }));
  const marks = new Map<string, number>();
  let cpu = process.cpuUsage();
  t = performance.now();
  const outcome = await service.calculate(caller('operator'), campaignId, {}, (p) => {
    if (!marks.has(p.stage)) marks.set(p.stage, performance.now());
  });
  const store = marks.get('store') ?? performance.now();
  lines.push(
    `${label}: full recalculation ${seconds(outcome.ms)} (read+score ${seconds(store - t)}, ` +
      `store ${seconds(performance.now() - store)}; ${cpuSince(cpu)}), ` +
      `${outcome.organizations} organizations`,
  );
  log(lines.at(-1)!);
  t = performance.now();
  const results = await service.getCampaignResults(caller('operator'), { campaignId });
  lines.push(`${label}: read stored results with provenance ${seconds(performance.now() - t)}`);
  const part = firstOrganizations(results, REPORT);
  for (const format of args.pdf ? (['docx', 'pdf'] as const) : (['docx'] as const)) {
    cpu = process.cpuUsage();
    t = performance.now();
    const bytes = await renderFormat(part, format, new Date());
    lines.push(
      `${label}: ${format.toUpperCase()} report for ${part.organizations.length} organizations ` +
        `${seconds(performance.now() - t)} (${cpuSince(cpu)}; ${(bytes.length / 1e6).toFixed(1)} MB)`,
    );
    log(lines.at(-1)!);
  }
  await database.close();
  return lines;
}

async function withPostgres(fn: (url: string) => Promise<string[]>): Promise<string[]> {
  const name = `noko_bench_score_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function withPglite(fn: (dir: string) => Promise<string[]>): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'noko-bench-score-'));
  try {
    return await fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const all: string[] = [];
for (const backend of args.backends.split(',')) {
  if (backend === 'postgres')
    all.push(...(await withPostgres(async (url) => run('postgres', await openDatabase({ url })))));
  else
    all.push(
      ...(await withPglite(async (dir) => run('pglite', await openDatabase({ dataDir: dir })))),
    );
}
console.log(all.join('\n'));
console.log(
  `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; ${os.cpus().length} CPUs; ` +
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
);
