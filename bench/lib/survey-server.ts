// The server side of the survey benchmark (bench/survey.bench.ts), run in a CHILD process so that
// its memory is measured on its own and the load generator does not share its event loop.
// Opens the database named by the parent (a PGlite folder or a PostgreSQL URL), seeds the demo
// region, serves on a free loopback port and answers IPC messages:
//   {type:'stats'} → {type:'stats', rows, flags, rssMb, peakRssMb}  (rows = survey_responses count)
//   {type:'stop'}  → closes the server and the database, → {type:'stopped', peakRssMb}, exits.
import { sql } from 'drizzle-orm';
import { runServer } from '../../src/cli/commands/serve.ts';
import { parseConfig } from '../../src/config.ts';
import { openDatabase, queryRows } from '../../src/db/client.ts';
import { seedDemoIfEmpty } from '../../src/features/demo/seed.ts';
import type { Services } from '../../src/features/services.ts';
import { countResponses } from '../../src/features/survey/survey.repo.ts';
import { createLogger } from '../../src/server/logger.ts';

export interface ServerInit {
  /** postgres://… or a PGlite folder. */
  url?: string;
  dataDir?: string;
  logLevel: string;
  /** PostgreSQL pool size (the application's default is 10). */
  poolSize?: number;
}

export interface ServerReady {
  type: 'ready';
  url: string;
  codes: string[];
  seedMs: number;
  /** Resident set after start-up and seeding, before any load. */
  rssMb: number;
}

export interface ServerStats {
  type: 'stats';
  rows: number;
  flags: Record<string, number>;
  rssMb: number;
  peakRssMb: number;
  /** CPU time (user + system) of the server process so far, ms. */
  cpuMs: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
/** resourceUsage().maxRSS is in kilobytes: the peak resident set of this process so far. */
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

const cpuMs = () => {
  const u = process.cpuUsage();
  return Math.round((u.user + u.system) / 1000);
};

async function main(): Promise<void> {
  const init = JSON.parse(process.argv[2] ?? '{}') as ServerInit;
  const config = parseConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: init.logLevel,
    NOKO_DEMO: '0',
    ...(init.url ? { DATABASE_URL: init.url } : { DATA_DIR: init.dataDir }),
  });
  const database = await openDatabase(
    init.url
      ? { url: init.url, ...(init.poolSize ? { maxConnections: init.poolSize } : {}) }
      : { dataDir: init.dataDir! },
  );
  let services: Services | undefined;
  let seedMs = 0;
  const server = await runServer({
    config,
    logger: createLogger(config),
    database,
    host: '127.0.0.1',
    port: 0,
    handleSignals: false,
    beforeListen: async (s) => {
      services = s;
      const t0 = performance.now();
      await seedDemoIfEmpty(s.deps.db, { now: new Date() });
      seedMs = Math.round(performance.now() - t0);
    },
  });
  const codes = (await services!.survey.activeSurveys()).map((s) => s.code);

  process.on('message', (m: { type: string }) => {
    void (async () => {
      if (m.type === 'stats') {
        const flagRows = await queryRows<{ flag: string; n: number }>(
          database.db,
          sql`select unnest(flags) as flag, count(*)::int as n from survey_responses group by 1`,
        );
        const stats: ServerStats = {
          type: 'stats',
          rows: await countResponses(database.db),
          flags: Object.fromEntries(flagRows.map((r) => [r.flag, Number(r.n)])),
          rssMb: mb(process.memoryUsage().rss),
          peakRssMb: peakRssMb(),
          cpuMs: cpuMs(),
        };
        process.send!(stats);
      } else if (m.type === 'stop') {
        await server.close(); // drains, then closes the database (onClose)
        process.send!({ type: 'stopped', peakRssMb: peakRssMb() }, () => process.exit(0));
      }
    })();
  });
  const ready: ServerReady = {
    type: 'ready',
    url: server.url,
    codes,
    seedMs,
    rssMb: mb(process.memoryUsage().rss),
  };
  process.send!(ready);
}

await main();
