import { sql } from 'drizzle-orm';
// Demo monitoring data: two monthly scheduled runs for the demo organizations, without network,
// readable through the service (history with a diff, report, ranking, stored page).
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { seedDemo } from '../demo/seed.ts';
import { SYSTEM_CALLER } from '../context.ts';
import { listRuns } from './monitor.repo.ts';
import { seedMonitorChecks } from './monitor.seed.ts';
import { createMonitorService } from './monitor.service.ts';
import { testDeps } from './monitor.test-support.ts';

const now = new Date('2026-11-22T10:00:00Z');

describeBackends('monitor demo seed', ({ db }) => {
  let summary: Awaited<ReturnType<typeof seedMonitorChecks>>;
  beforeAll(async () => {
    await seedDemo(db(), { now, organizations: 40 });
    // The demo seed already stores monitoring runs; start from none to measure this seed alone.
    await db().execute(
      sql`truncate monitor_check_pages, monitor_checks, monitor_runs, monitor_snapshots cascade`,
    );
    const started = performance.now();
    summary = await db().transaction((tx) => seedMonitorChecks(tx, { now }));
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('stores two done scheduled runs with a check per organization', async () => {
    expect(summary).toMatchObject({ runs: 2, checks: 80 });
    const runs = await listRuns(db(), { limit: 5 });
    expect(runs.map((r) => [r.trigger, r.status, r.total, r.done])).toEqual([
      ['schedule', 'done', 40, 40],
      ['schedule', 'done', 40, 40],
    ]);
    expect(runs.map((r) => r.startedAt?.toISOString())).toEqual([
      '2026-11-01T00:00:00.000Z',
      '2026-10-01T00:00:00.000Z',
    ]);
  });

  it('reads like real checks: ranking, history with changes, report with advice, a stored page', async () => {
    const monitor = createMonitorService(testDeps(db(), { now }));
    const s = await monitor.summary(SYSTEM_CALLER, {});
    expect(s.ranking).toHaveLength(40);
    expect(s.ranking[0]!.share).toBeGreaterThan(s.ranking.at(-1)!.share);
    const ok = s.ranking.find((r) => r.status === 'ok' && r.share < 1)!;
    const h = await monitor.history(SYSTEM_CALLER, ok.organizationId);
    expect(h.checks).toHaveLength(2);
    const r = await monitor.report(SYSTEM_CALLER, ok.checkId);
    expect(r.issues.length).toBe(ok.required - ok.present);
    expect(r.issues[0]!.howTo.length).toBeGreaterThan(20);
    const page = await monitor.snapshot(SYSTEM_CALLER, ok.checkId, 1);
    expect(page.text).toContain('<h1>Основные сведения</h1>');
  });
});
