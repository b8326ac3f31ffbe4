// `npm run bench:monitor -- --app`: the application's monitor run over N organizations whose
// sites are the fixture farm (bench/monitor.bench.ts serves it in a child process). Everything
// else is as in `noko serve`: a PGlite database in a temporary folder, migrated; pg-boss over it;
// the monitor's jobs with the default limits (only the fixture host names are mapped to
// 127.0.0.1 and loopback is allowed); a run started through the service, followed through its
// progress until done. Prints wall time, sites per second, peak RSS of this process (the worker
// thread's memory included) and what was stored.
// The main thread's heap follows the process settings, which V8 otherwise derives from the host's
// RAM (docs/deploy.md «Memory»); to measure `noko serve` as deployed:
//   NODE_OPTIONS='--max-semi-space-size=8 --max-old-space-size=1024' MALLOC_ARENA_MAX=2 \
//     DATABASE_URL=postgres://… npm run bench:monitor -- 1000 --app
// BENCH_WORKER_HEAP=young,old sets the crawler worker's heap limits (MB) for comparison.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import pino from 'pino';
import { count } from 'drizzle-orm';
import { parseConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { monitorCheckPages, monitorSnapshots, organizations } from '../../src/db/schema/index.ts';
import { SYSTEM_CALLER, type ServiceDeps } from '../../src/features/context.ts';
import {
  createMonitorJobs,
  DEFAULT_CHECK_CONCURRENCY,
} from '../../src/features/monitor/monitor.jobs.ts';
import type { MonitorRuntime } from '../../src/features/monitor/monitor.runner.ts';
import { createMonitorService } from '../../src/features/monitor/monitor.service.ts';
import { startJobs } from '../../src/jobs/queue.ts';
import { createRegion, organizationInput } from '../../test/fixtures.ts';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

export async function benchAppRun(
  n: number,
  port: number,
  typeOf: (i: number) => string,
): Promise<void> {
  // DATABASE_URL (an empty PostgreSQL database) keeps the database out of this process; without
  // it PGlite runs here, and its WebAssembly heap (~350 MB resident once open) is counted too.
  const url = process.env.DATABASE_URL;
  const dir = await mkdtemp(path.join(tmpdir(), 'noko-bench-monitor-'));
  const rssStart = process.memoryUsage.rss();
  const database = await openDatabase(url ? { url } : { dataDir: dir });
  try {
    await migrate(database);
    const config = parseConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://noko.bench',
      NOKO_MONITOR_ALLOW_PRIVATE: '1',
    });
    const deps: ServiceDeps = {
      db: database.db,
      config,
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
    };
    const region = await createRegion(database.db);
    const rows = Array.from({ length: n }, (_, i) =>
      organizationInput(region, {
        kind: typeOf(i) === 'kindergarten' ? 'preschool' : 'school',
        website: `http://bench-${i}.sites.test:${port}/`,
      }),
    );
    for (let i = 0; i < rows.length; i += 200)
      await database.db.insert(organizations).values(rows.slice(i, i + 200));
    // BENCH_CHECK_CONCURRENCY: check jobs at once (default: the application's default).
    const concurrency = Number(process.env.BENCH_CHECK_CONCURRENCY) || undefined;
    // BENCH_WORKER_HEAP=young,old: heap limits of the crawler's worker, MB (default: the app's).
    const [youngMb, oldMb] = (process.env.BENCH_WORKER_HEAP ?? '').split(',').map(Number);
    const runtime: MonitorRuntime = {
      hosts: { '*.sites.test': '127.0.0.1' },
      ...(concurrency ? { checkConcurrency: concurrency } : {}),
      ...(youngMb || oldMb
        ? { heap: { ...(youngMb ? { youngMb } : {}), ...(oldMb ? { oldMb } : {}) } }
        : {}),
    };
    const jobs = await startJobs({
      database,
      config,
      logger: deps.logger,
      handlers: createMonitorJobs(deps, runtime),
    });
    const monitor = createMonitorService({ ...deps, jobs }, runtime);
    let peakRss = process.memoryUsage.rss();
    // At the peak: the main isolate's heap (committed), its external memory, and the rest (the
    // crawler's worker heap, native buffers, code).
    let atPeak = process.memoryUsage();
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      if (m.rss > peakRss) [peakRss, atPeak] = [m.rss, m];
    }, 100);
    const rss0 = process.memoryUsage.rss();
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const { run } = await monitor.startRun(SYSTEM_CALLER, {});
    let last = -1;
    for (;;) {
      const r = (await monitor.getRun(SYSTEM_CALLER, run.id)).run;
      if (r.done !== last && r.done % 100 === 0) {
        last = r.done;
        const s = ((performance.now() - t0) / 1000).toFixed(1);
        process.stderr.write(
          `  ${r.done}/${r.total} checks stored, ${s} s, RSS ${mb(process.memoryUsage.rss())} MB\n`,
        );
      }
      if (r.status === 'done' || r.status === 'failed') break;
      // As the run page does while it is open (it refreshes every 5 s), a little more often.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    const final = (await monitor.getRun(SYSTEM_CALLER, run.id)).run;
    const [pages] = await database.db.select({ n: count() }).from(monitorCheckPages);
    const [snapshots] = await database.db.select({ n: count() }).from(monitorSnapshots);
    await jobs.stop();
    const maxRss = process.resourceUsage().maxRSS * 1024;
    // The process settings that bound the main thread's heap and glibc's arenas (docs/deploy.md
    // «Память»): V8 sizes the main isolate's young and old generations from the host's RAM.
    const heap = v8.getHeapStatistics().heap_size_limit / 2 ** 20;
    console.log(
      `process settings:    NODE_OPTIONS=${JSON.stringify(process.env.NODE_OPTIONS ?? '')}, node flags ${JSON.stringify(process.execArgv.join(' '))}, MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? 'unset'}; main heap limit ${heap.toFixed(0)} MB`,
    );
    console.log(
      `mode:                application run (job queue on ${database.kind}, crawler worker thread, ${concurrency ?? DEFAULT_CHECK_CONCURRENCY} check jobs at once)`,
    );
    console.log(
      `organizations:       ${final.total}; checks stored ${final.done} (${final.errors} errors by design: loop / endless body)`,
    );
    console.log(
      `pages kept:          ${pages?.n ?? 0} references, ${snapshots?.n ?? 0} distinct snapshots`,
    );
    console.log(
      `wall time:           ${seconds.toFixed(1)} s (${(n / seconds).toFixed(1)} sites/s)`,
    );
    console.log(`CPU (process):       ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
    console.log(
      `RSS:                 at start ${mb(rssStart)} MB, before the run ${mb(rss0)} MB, peak during the run ${mb(peakRss)} MB (maxRSS ${mb(maxRss)} MB)`,
    );
    console.log(
      `at the peak:         main heap ${mb(atPeak.heapTotal)} MB committed (${mb(atPeak.heapUsed)} used), external ${mb(atPeak.external)} MB, the rest ${mb(atPeak.rss - atPeak.heapTotal - atPeak.external)} MB (worker thread heap, native)`,
    );
    console.log(
      `the run's own share: ${mb(peakRss - rss0)} MB above the idle application (peak − before)`,
    );
    console.log(
      `target:              peak during the run < 300 MB ${peakRss < 300 * 2 ** 20 ? 'OK' : 'MISSED'}${database.kind === 'pglite' ? ' (PGlite in-process: compare the run’s share)' : ''}`,
    );
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}
