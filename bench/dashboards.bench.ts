// Benchmark of the result dashboards for 1,000 organizations in 12 municipalities (two campaigns, so
// the year-over-year part runs too): the pure builders with server-side SVG, the service (database
// read + builders + SVG) and the whole pages through the HTTP app (React server rendering, public
// HTML). Prints figures; asserts nothing about speed.
// Usage: node bench/dashboards.bench.ts  (PostgreSQL too with BENCH_DATABASE_URL=postgres://…/db)
import pino from 'pino';
import { parseConfig } from '../src/config.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { buildCampaignDashboard } from '../src/features/dashboards/campaign-dashboard.ts';
import { dashboardsFixture } from '../src/features/dashboards/dashboards.fixture.ts';
import { createResultDashboardsService } from '../src/features/dashboards/dashboards.service.ts';
import { storeFixtureResults } from '../src/features/dashboards/dashboards.test-support.ts';
import { forgetDrawings, renderFigure } from '../src/features/dashboards/figure.ts';
import { NO_FILTERS } from '../src/features/dashboards/selection.ts';
import { createTestApp, loadTestBuild, loginAs } from '../test/app.ts';

const ORGANIZATIONS = 1000;
const MUNICIPALITIES = 12;

/**
 * Median wall time and CPU time of this process per call. On a busy machine wall time includes
 * waiting for a core; CPU time does not (with PGlite it includes the database, which runs in this
 * process; with PostgreSQL the server's work is elsewhere). `cold` empties the SVG cache first.
 */
async function median(
  runs: number,
  fn: () => Promise<unknown> | unknown,
  cold = false,
): Promise<string> {
  await fn(); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    if (cold) forgetDrawings();
    const c = process.cpuUsage();
    const s = performance.now();
    await fn();
    wall.push(performance.now() - s);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(runs / 2)]!.toFixed(0);
  return `wall ${mid(wall)} ms, cpu ${mid(cpu)} ms${cold ? ' (charts drawn)' : ' (charts cached)'}`;
}

async function pure(): Promise<void> {
  const results = dashboardsFixture({
    organizations: ORGANIZATIONS,
    municipalities: MUNICIPALITIES,
  });
  const t = await median(
    5,
    () => {
      const d = buildCampaignDashboard(results, NO_FILTERS);
      renderFigure(d.charts.histogram);
      renderFigure(d.charts.criteria);
      renderFigure(d.charts.municipalities!);
    },
    true,
  );
  console.log(`builders + 3 SVG charts, ${ORGANIZATIONS} organizations: ${t}`);
}

async function run(label: string, database: Database): Promise<void> {
  await migrate(database);
  const db = database.db;
  const t0 = performance.now();
  const stored = await storeFixtureResults(db, {
    organizations: ORGANIZATIONS,
    municipalities: MUNICIPALITIES,
    years: [{ year: 2025, drift: -0.04 }, { year: 2026 }],
  });
  const campaignId = stored.years[1]!.campaignId;
  const orgId = stored.years[1]!.results.organizations[10]!.organizationId;
  console.log(
    `${label}: stored 2 × ${ORGANIZATIONS} results in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const deps = {
    db,
    config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    logger: pino({ level: 'silent' }),
    now: () => new Date(),
  };
  const svc = createResultDashboardsService(deps);
  const council = { role: 'council' as const, label: 'бенчмарк' };
  console.log(
    `  service campaignDashboard: ${await median(5, () => svc.campaignDashboard(council, campaignId), true)}`,
  );
  console.log(
    `  service campaignDashboard, municipality + kind: ${await median(5, () =>
      svc.campaignDashboard(council, campaignId, {
        municipalityId: String(stored.region.municipalities[0].id),
        kind: 'school',
      }),
    )}`,
  );
  console.log(
    `  service organizationResults: ${await median(5, () =>
      svc.organizationResults(council, { campaignId, organizationId: orgId }),
    )}`,
  );
  const build = await loadTestBuild();
  if (!build) {
    console.log('  pages: build/ is missing (npm run build), skipped');
  } else {
    const app = createTestApp(db, { build });
    const who = await loginAs(app, db, 'council');
    const page = async (path: string, cookie?: string) => {
      const res = await app.request(path, cookie ? { headers: { cookie } } : {});
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      return (await res.text()).length;
    };
    const size = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    for (const [name, path, cookie] of [
      ['GET /account (a small staff page, for comparison)', '/account', who.cookie],
      ['GET /campaigns/:id/dashboard', `/campaigns/${campaignId}/dashboard`, who.cookie],
      [
        'GET /campaigns/:id/organizations/:orgId/results',
        `/campaigns/${campaignId}/organizations/${orgId}/results`,
        who.cookie,
      ],
      ['GET /results/:id (public list)', `/results/${campaignId}`, undefined],
      [
        'GET /results/:id/org/:orgId (public card)',
        `/results/${campaignId}/org/${orgId}`,
        undefined,
      ],
    ] as const) {
      const bytes = await page(path, cookie);
      console.log(
        `  ${name}: ${await median(5, () => page(path, cookie), true)}, ${size(bytes)} HTML`,
      );
      console.log(`  ${name}: ${await median(5, () => page(path, cookie))}`);
    }
  }
  await database.close();
}

await pure();
await run('pglite', await openDatabase({ inMemory: true }));
if (process.env.BENCH_DATABASE_URL)
  await run('postgres', await openDatabase({ url: process.env.BENCH_DATABASE_URL }));
console.log(
  `load average ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${(await import('node:os')).availableParallelism()} cores`,
);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
