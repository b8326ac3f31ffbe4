// The isolated monitor: the same result as the in-process crawler, progress forwarded, many
// checks at once through checkSites, and a worker that dies (out of memory) giving `error`
// results instead of a crash or a hang.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitorResult } from '../../domain/site-requirements/index.ts';
import {
  FIXTURE_DATE,
  startFixtureServer,
  startFixtureSites,
  TEST_LIMITS,
  testMonitor,
} from '../../../test/fixtures/sites/index.ts';
import type { FixtureServer } from '../../../test/fixtures/sites/index.ts';
import { checkSites } from './crawler.ts';
import { createIsolatedMonitor } from './isolated-monitor.ts';

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureSites();
});
afterAll(async () => {
  await server.close();
});

const options = {
  publicUrl: 'http://noko.test',
  allowPrivate: true,
  hosts: { '*.sites.test': '127.0.0.1' },
  ...TEST_LIMITS,
};

describe('isolated monitor (worker thread)', () => {
  it('gives the in-process result, with progress', async () => {
    const isolated = createIsolatedMonitor(options);
    const local = testMonitor(server);
    try {
      const progress: string[] = [];
      const check = { kind: 'school' as const, now: FIXTURE_DATE };
      const a = await isolated.check(server.url('scans'), {
        ...check,
        onProgress: (m) => progress.push(m),
      });
      const b = await local.check(server.url('scans'), check);
      expect(a).toEqual(b);
      expect(progress[0]).toBe(`главная страница: ${server.url('scans')}`);
      expect(progress).toContain('документы PDF: проверено 3');
    } finally {
      await isolated.close();
      local.close();
    }
  });

  it('runs many checks at once through checkSites', async () => {
    const isolated = createIsolatedMonitor(options);
    const sites = ['school', 'bitrix', 'loop', 'kindergarten', 'nolink', 'cp1251'];
    const results: [number, MonitorResult][] = [];
    try {
      await checkSites(
        isolated,
        sites.map((s) => ({
          url: server.url(s),
          options: { kind: s === 'kindergarten' ? 'preschool' : 'school', now: FIXTURE_DATE },
        })),
        (r, i) => void results.push([i, r]),
        3,
      );
    } finally {
      await isolated.close();
    }
    const byIndex = results
      .sort((x, y) => x[0] - y[0])
      .map(([, r]) => [r.reachable, r.score.share]);
    expect(byIndex).toEqual([
      [true, 1],
      [true, 1],
      [false, 0],
      [true, 1],
      [true, 1],
      [true, 1],
    ]);
  });

  it('a worker out of memory gives an error result, never a crash; the next check starts a new one', async () => {
    // 12,000 marked paragraphs of 1,000 letters: a 23 MB page whose model outgrows 24 MB of heap.
    const hog = `<html><body>${`<p itemprop="fio">${'слово '.repeat(170)}</p>`.repeat(12_000)}</body></html>`;
    const hogServer = await startFixtureServer({
      sites: () => ({ routes: { '/': { body: hog }, '/ok': { body: '<p>Школа</p>' } } }),
    });
    const starved = createIsolatedMonitor({
      ...options,
      maxBytes: 32 * 1024 * 1024,
      totalTimeoutMs: 30_000,
      heap: { youngMb: 8, oldMb: 24 },
    });
    try {
      const check = { kind: 'school' as const, now: FIXTURE_DATE };
      const r = await starved.check(hogServer.url('hog'), check);
      expect(r).toMatchObject({
        reachable: false,
        reason: 'проверка прервана: не хватило памяти (слишком большая или вредоносная страница)',
      });
      expect(r.sections.every((s) => s.status === 'error')).toBe(true);
      expect((await starved.check(`${hogServer.url('hog')}ok`, check)).reachable).toBe(true);
    } finally {
      await starved.close();
      await hogServer.close();
    }
  });

  it('close() ends the checks still running with an error result', async () => {
    const isolated = createIsolatedMonitor(options);
    const running = isolated.check(server.url('hang'), { kind: 'school', now: FIXTURE_DATE });
    await isolated.close();
    expect(await running).toMatchObject({
      reachable: false,
      reason: 'проверка прервана: монитор остановлен',
    });
  });
});
