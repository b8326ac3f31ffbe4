// Run by queue.test.ts in a child process: start the queue, run one job, stop, close — then the
// process must exit by itself (the test fails on a timeout). Argument: a postgres:// URL of a
// migrated database, or nothing for an in-memory PGlite.
import pino from 'pino';
import { parseConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { startJobs } from './queue.ts';

const url = process.argv[2];
const database = await openDatabase(url ? { url, maxConnections: 2 } : { inMemory: true });
await migrate(database);
let handled = 0;
const jobs = await startJobs({
  database,
  config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
  logger: pino({ level: 'silent' }),
  handlers: [{ name: 'exit.check', handler: async () => void handled++ }],
  pollingIntervalSeconds: 0.5,
});
await jobs.send('exit.check', { n: 1 });
const deadline = Date.now() + 10_000;
while (handled === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
await jobs.stop();
await database.close();
console.log(`handled ${handled}`);
