// Issue 5, bad input in the application: a run over sites that break every rule (a connection
// that never answers, an endless «1 GB» body, a redirect loop, subsections that attack the
// crawler, garbage) goes through the real job queue and the crawler's worker thread, and ends with
// every check stored — `error` with a reason where nothing could be read — never a hung job. A run
// can be stopped: its running checks end at once as `error` checks with the reason.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startJobs, type Jobs } from '../../jobs/queue.ts';
import { describeBackends } from '../../../test/db.ts';
import { createOrganizationRow, createRegion } from '../../../test/fixtures.ts';
import { FIXTURE_DATE, FIXTURE_SITES } from '../../../test/fixtures/sites/index.ts';
import { SYSTEM_CALLER, type ServiceDeps } from '../context.ts';
import { createMonitorJobs } from './monitor.jobs.ts';
import { checksOfRun } from './monitor.repo.ts';
import type { MonitorRuntime } from './monitor.runner.ts';
import { createMonitorService, type MonitorService } from './monitor.service.ts';
import {
  startMutableSites,
  testDeps,
  testRuntime,
  type MutableSites,
  type TestClock,
} from './monitor.test-support.ts';

const HOSTILE = ['hang', 'huge', 'loop', 'hostile', 'broken'] as const;

let sites: MutableSites;
beforeAll(async () => {
  sites = await startMutableSites();
  for (const name of HOSTILE) sites.sites.set(name, FIXTURE_SITES[name]!);
});
afterAll(async () => {
  await sites.server.close();
});

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`not in time: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeBackends('monitor: hostile sites in the application', ({ db, database }) => {
  const clock: TestClock = { now: FIXTURE_DATE };
  let deps: ServiceDeps;
  let jobs: Jobs | undefined;

  async function start(runtime: MonitorRuntime): Promise<MonitorService> {
    await jobs?.stop();
    jobs = await startJobs({
      database: database(),
      config: deps.config,
      logger: deps.logger,
      handlers: createMonitorJobs(deps, runtime),
      pollingIntervalSeconds: 0.5,
      stopTimeoutMs: 5_000,
    });
    return createMonitorService({ ...deps, jobs }, runtime);
  }

  beforeAll(() => {
    deps = testDeps(db(), clock);
  });
  afterAll(async () => {
    await jobs?.stop();
  });

  it('every hostile site ends as a stored check; nothing hangs', async () => {
    const monitor = await start(testRuntime(sites.server));
    const region = await createRegion(db());
    const orgs = new Map<number, string>();
    for (const name of HOSTILE) {
      const o = await createOrganizationRow(db(), region, { website: sites.server.url(name) });
      orgs.set(o.id, name);
    }
    const started = Date.now();
    const { run } = await monitor.startRun(SYSTEM_CALLER, {});
    const done = await until(
      async () => (await monitor.getRun(SYSTEM_CALLER, run.id)).run,
      (r) => r.status === 'done',
      60_000,
    );
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(done).toMatchObject({ total: 5, done: 5, errors: 3 });
    const checks = await checksOfRun(db(), run.id);
    const byName = Object.fromEntries(
      checks.map((c) => [
        orgs.get(c.organizationId),
        [c.status, c.errorReason, c.sections.filter((s) => s.status === 'error').length],
      ]),
    );
    expect(byName).toEqual({
      hang: ['error', 'нет ответа за 3 с', 14],
      huge: ['error', 'страница больше 2 МиБ', 14],
      loop: ['error', `циклическое перенаправление (${sites.server.url('loop')})`, 14],
      hostile: ['ok', null, 3],
      broken: ['ok', null, 3],
    });
  }, 90_000);

  it('a stopped run ends its running checks at once as errors with the reason', async () => {
    // Limits of production size: a site that never answers would hold its check for minutes.
    const monitor = await start({
      hosts: { '*.sites.test': '127.0.0.1' },
      fetcher: { allowPrivate: true, totalTimeoutMs: 120_000, retries: 0 },
      stopPollMs: 200,
    });
    const region = await createRegion(db());
    const hang = await createOrganizationRow(db(), region, { website: sites.server.url('hang') });
    const { run } = await monitor.startRun(SYSTEM_CALLER, { organizationId: hang.id });
    await until(
      async () => (await monitor.getRun(SYSTEM_CALLER, run.id)).run,
      (r) => r.status === 'running',
      20_000,
    );
    await new Promise((r) => setTimeout(r, 1_000)); // the check is waiting for the site
    const stoppedAt = Date.now();
    const stopped = await monitor.stopRun(SYSTEM_CALLER, run.id);
    expect(stopped).toMatchObject({
      status: 'failed',
      failureReason: 'проверка остановлена: система',
    });
    const [check] = await until(
      () => checksOfRun(db(), run.id),
      (c) => c.length === 1,
      10_000,
    );
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    expect(check).toMatchObject({ status: 'error', errorReason: 'проверка остановлена: система' });
    expect((await monitor.getRun(SYSTEM_CALLER, run.id)).run).toMatchObject({
      status: 'failed',
      done: 1,
      errors: 1,
    });
    // Stopping again changes nothing.
    expect((await monitor.stopRun(SYSTEM_CALLER, run.id)).status).toBe('failed');
  }, 60_000);
});
