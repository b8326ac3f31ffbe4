// Benchmark of survey intake (issue 4 item 10): sustained accepted submissions per second and
// p50/p99 latency over HTTP, JSON API and HTML form, at 50 and 200 concurrent connections, on
// PGlite and on PostgreSQL; checks that the stored count equals the acknowledged count and prints
// the server's peak memory. Target on the 2-core machine with PostgreSQL: ≥ 2,000/s, p99 < 100 ms.
//
// The server runs in a child process (bench/lib/survey-server.ts) on a temporary PGlite folder or
// a fresh PostgreSQL database, seeded with the demo region (its collecting campaign's codes are
// the targets); the load generator (bench/lib/load.ts) runs here. Loopback traffic only.
//
// Usage: npm run bench:survey [-- --seconds 15 --warmup 3 --backends pglite,postgres
//          --connections 50,200 --kinds json,form --log-level info --pool 10 --prof]
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is used
// only to create and drop the database noko_bench_survey_<pid>.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../src/db/client.ts';
import { countResponses } from '../src/features/survey/survey.repo.ts';
import { runLoad, type Kind, type LoadResult } from './lib/load.ts';
import { NAT_ADDRESSES, NAT_SHARE } from './lib/respondents.ts';
import { SERVE_ENV, SERVE_NODE_FLAGS } from './lib/serve-flags.ts';
import type { ServerInit, ServerReady, ServerStats } from './lib/survey-server.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    backends: { type: 'string', default: 'pglite,postgres' },
    connections: { type: 'string', default: '50,200' },
    kinds: { type: 'string', default: 'json,form' },
    'log-level': { type: 'string', default: 'info' },
    pool: { type: 'string' },
    prof: { type: 'boolean', default: false },
  },
});
const SECONDS = Number(args.seconds);
const WARMUP = Number(args.warmup);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SERVER = fileURLToPath(new URL('./lib/survey-server.ts', import.meta.url));
const TARGET = { rate: 2000, p99: 100 };

type Backend = 'pglite' | 'postgres';

interface Row {
  backend: Backend;
  kind: Kind;
  connections: number;
  load: LoadResult;
  stored: number;
  peakRssMb: number;
  /** Server RSS right after the scenario. */
  rssMb: number;
  /** Server CPU per acknowledged submission, µs: comparable even when other work shares the CPUs. */
  cpuUs: number;
  /** The load generator's CPU per acknowledged submission, µs (it shares the machine's cores). */
  clientCpuUs: number;
  /** PostgreSQL backends' CPU per acknowledged submission, µs, a lower bound (NaN for PGlite). */
  dbCpuUs: number;
}

function ask<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`server exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (m) => {
      child.off('exit', onExit);
      resolve(m as T);
    });
    child.send({ type });
  });
}

function startServer(init: ServerInit): Promise<{ child: ChildProcess; ready: ServerReady }> {
  const profDir = path.resolve('bench-profiles');
  const child = fork(SERVER, [JSON.stringify(init)], {
    // Request logs at info go to /dev/null: the server pays for them as in production.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    execArgv: [
      ...SERVE_NODE_FLAGS,
      ...(args.prof ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []),
    ],
    env: { ...process.env, ...SERVE_ENV },
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited during start-up (${code})`)));
    child.once('message', (m) => resolve({ child, ready: m as ServerReady }));
  });
}

async function withPostgres<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const name = `noko_bench_survey_${process.pid}`;
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

/**
 * CPU ticks of the PostgreSQL backends serving database `name`, by pid, from /proc (the database
 * runs on this machine in the bench); null when unavailable.
 */
async function postgresTicks(name: string): Promise<Map<number, number> | null> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
    const { rows } = await admin.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1',
      [name],
    );
    const ticks = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks.set(pid, Number(fields[11]) + Number(fields[12])); // utime, stime
      } catch {
        // ended meanwhile
      }
    }
    return ticks;
  } catch {
    return null;
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/**
 * CPU ms the backends used between two samples: backends present at the end, minus what they had
 * at the start (0 for new ones). A connection the pool closed meanwhile is missed, so this is a
 * lower bound; the pool keeps its connections while the load runs.
 */
function postgresCpuMs(before: Map<number, number> | null, after: Map<number, number> | null) {
  if (!before || !after) return Number.NaN;
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return (ticks * 1000) / 100; // USER_HZ = 100 on Linux
}

async function withPglite<T>(fn: (dataDir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'noko-bench-survey-'));
  try {
    return await fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function benchBackend(backend: Backend, where: { url?: string; dataDir?: string }) {
  const rows: Row[] = [];
  const init: ServerInit = {
    ...where,
    logLevel: args['log-level'],
    ...(args.pool ? { poolSize: Number(args.pool) } : {}),
  };
  const { child, ready } = await startServer(init);
  log(
    `${backend}: server ${ready.url}, demo seeded in ${ready.seedMs} ms, ${ready.codes.length} codes, ` +
      `RSS before load ${ready.rssMb} MB`,
  );
  let acknowledged = 0;
  let flags: Record<string, number> = {};
  // The demo region comes with responses of its own: count only the bench's.
  const initial = await ask<ServerStats>(child, 'stats').catch(async (e: unknown) => {
    await ask(child, 'stop').catch(() => undefined);
    throw e;
  });
  const seeded = initial.rows;
  const seededFlags = initial.flags;
  try {
    let before = initial;
    for (const kind of args.kinds.split(',') as Kind[]) {
      for (const connections of args.connections.split(',').map(Number)) {
        const clientCpu = process.cpuUsage();
        const dbName = where.url ? new URL(where.url).pathname.slice(1) : null;
        const dbBefore = dbName ? await postgresTicks(dbName) : null;
        const load = await runLoad({
          baseUrl: ready.url,
          codes: ready.codes,
          kind,
          connections,
          warmupSeconds: WARMUP,
          seconds: SECONDS,
        });
        const stats = await ask<ServerStats>(child, 'stats');
        acknowledged += load.acknowledgedTotal;
        flags = Object.fromEntries(
          Object.entries(stats.flags)
            .map(([f, n]) => [f, n - (seededFlags[f] ?? 0)] as const)
            .filter(([, n]) => n > 0),
        );
        rows.push({
          backend,
          kind,
          connections,
          load,
          stored: stats.rows - before.rows,
          peakRssMb: stats.peakRssMb,
          rssMb: stats.rssMb,
          dbCpuUs: dbName
            ? Math.round(
                (postgresCpuMs(dbBefore, await postgresTicks(dbName)) * 1000) /
                  Math.max(1, load.acknowledgedTotal),
              )
            : Number.NaN,
          clientCpuUs: Math.round(
            (cpuTotal(process.cpuUsage(clientCpu)) * 1000) / Math.max(1, load.acknowledgedTotal),
          ),
          cpuUs: Math.round(
            ((stats.cpuMs - before.cpuMs) * 1000) / Math.max(1, load.acknowledgedTotal),
          ),
        });
        before = stats;
        log(formatRow(rows.at(-1)!));
        for (const e of load.errorSamples) log(`    error: ${e}`);
      }
    }
  } finally {
    const stopped = ask<{ peakRssMb: number }>(child, 'stop');
    await stopped.catch(() => undefined);
  }
  // The server has exited: open the database afresh and count what is really stored.
  const db = await openDatabase(where);
  const stored = (await countResponses(db.db)) - seeded;
  await db.close();
  return { rows, acknowledged, stored, flags };
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
/** ms of user + system CPU. */
const cpuTotal = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '—');

const HEADER = `${'backend'.padEnd(9)} ${'kind'.padEnd(4)} ${pad('conn', 4)} ${pad('accepted/s', 10)} ${pad('p50 ms', 7)} ${pad('p99 ms', 7)} ${pad('max ms', 7)} ${pad('429', 5)} ${pad('errors', 6)} ${pad('stored==ack', 11)} ${pad('RSS', 7)} ${pad('peak RSS', 8)} ${pad('CPU µs/req', 10)} ${pad('client µs/req', 13)} ${pad('PG µs/req', 9)}`;

function formatRow(r: Row): string {
  const l = r.load;
  const ok = r.stored === l.acknowledgedTotal ? 'yes' : `NO ${r.stored}/${l.acknowledgedTotal}`;
  return `${r.backend.padEnd(9)} ${r.kind.padEnd(4)} ${pad(r.connections, 4)} ${pad((l.accepted / l.seconds).toFixed(0), 10)} ${pad(ms(l.p50), 7)} ${pad(ms(l.p99), 7)} ${pad(ms(l.max), 7)} ${pad(l.rateLimitedTotal, 5)} ${pad(l.errors, 6)} ${pad(ok, 11)} ${pad(`${r.rssMb} MB`, 7)} ${pad(`${r.peakRssMb} MB`, 8)} ${pad(r.cpuUs, 10)} ${pad(r.clientCpuUs, 13)} ${pad(Number.isNaN(r.dbCpuUs) ? '—' : r.dbCpuUs, 9)}`;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  log(
    `survey bench: ${WARMUP} s warm-up + ${SECONDS} s per scenario; ${os.cpus().length} CPUs; ` +
      `${NAT_SHARE * 100}% of requests from ${NAT_ADDRESSES} shared (NAT) addresses`,
  );
  const all: Row[] = [];
  const checks: string[] = [];
  for (const backend of args.backends.split(',') as Backend[]) {
    const run = (where: { url?: string; dataDir?: string }) => benchBackend(backend, where);
    const r =
      backend === 'postgres'
        ? await withPostgres((url) => run({ url }))
        : await withPglite((dataDir) => run({ dataDir }));
    all.push(...r.rows);
    checks.push(
      `${backend}: acknowledged ${r.acknowledged}, stored ${r.stored} → ` +
        `${r.acknowledged === r.stored ? 'equal' : 'MISMATCH'}; flags on stored rows: ` +
        `${JSON.stringify(r.flags)}`,
    );
  }
  console.log(`\n${HEADER}`);
  for (const r of all) console.log(formatRow(r));
  console.log('\nCounts (whole run, warm-up included; re-read from the database after shutdown):');
  for (const c of checks) console.log(`  ${c}`);
  console.log(
    '  429 = rejected by the hourly limit per address (300), nothing stored; flags do not reject.',
  );
  const pgRows = all.filter((r) => r.backend === 'postgres');
  if (pgRows.length > 0) {
    const met = pgRows.every(
      (r) => r.load.accepted / r.load.seconds >= TARGET.rate && r.load.p99 < TARGET.p99,
    );
    console.log(
      `\nTarget (PostgreSQL, every scenario): ≥ ${TARGET.rate}/s and p99 < ${TARGET.p99} ms: ` +
        `${met ? 'MET' : 'MISSED'}`,
    );
  }
  console.log(`Bench wall time: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

await main();
