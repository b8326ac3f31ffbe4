// Test helpers of the monitor: fixture sites whose content a test can change between runs, the
// runtime that reaches them (loopback allowed, the fixture resolver, short limits), and a region
// with organizations pointing at them.
import pino from 'pino';
import { parseConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { authorities } from '../../db/schema/index.ts';
import { eq } from 'drizzle-orm';
import type { Organization } from '../../db/schema/index.ts';
import {
  startFixtureServer,
  TEST_LIMITS,
  type FixtureServer,
  type FixtureSite,
} from '../../../test/fixtures/sites/index.ts';
import { createOrganizationRow, createRegion, type RegionFixture } from '../../../test/fixtures.ts';
import type { ServiceDeps } from '../context.ts';
import type { MonitorRuntime } from './monitor.runner.ts';

export interface MutableSites {
  server: FixtureServer;
  /** Site name → what it serves now (replace entries between runs). */
  sites: Map<string, () => FixtureSite>;
}

export async function startMutableSites(): Promise<MutableSites> {
  const sites = new Map<string, () => FixtureSite>();
  const server = await startFixtureServer({ sites: (name) => sites.get(name)?.() });
  return { server, sites };
}

export function testRuntime(_server: FixtureServer): MonitorRuntime {
  return {
    // Longer per-request limits than the crawler's own tests: these suites crawl good sites
    // through the worker and the queue, and a 1 s limit turns a busy CI machine into flakes.
    fetcher: { ...TEST_LIMITS, connectTimeoutMs: 3_000, totalTimeoutMs: 3_000, allowPrivate: true },
    // The crawler's worker thread cannot take a resolver function: fixture names by wildcard.
    hosts: { '*.sites.test': '127.0.0.1' },
    siteDeadlineMs: 10_000,
    hardTimeoutMs: 20_000,
  };
}

export interface TestClock {
  now: Date;
}

export function testDeps(db: Db, clock: TestClock, env: Record<string, string> = {}): ServiceDeps {
  return {
    db,
    config: parseConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'https://nok.example.ru',
      ...env,
    }),
    logger: pino({ level: 'silent' }),
    now: () => clock.now,
  };
}

export interface MonitorFixture {
  region: RegionFixture;
  /** school (changes between runs), kindergarten, a site that never answers, no website. */
  school: Organization;
  kindergarten: Organization;
  hanging: Organization;
  noSite: Organization;
}

/** Four organizations of one new region; the founder (municipal department) has an e-mail. */
export async function monitorOrganizations(db: Db, server: FixtureServer): Promise<MonitorFixture> {
  const region = await createRegion(db);
  await db
    .update(authorities)
    .set({ email: 'uo@founder.example.ru' })
    .where(eq(authorities.id, region.department.id));
  const org = (over: Parameters<typeof createOrganizationRow>[2]) =>
    createOrganizationRow(db, region, over);
  return {
    region,
    school: await org({ website: server.url('school'), email: 'school@org.example.ru' }),
    kindergarten: await org({
      kind: 'preschool',
      shortName: 'МБДОУ Детский сад № 5',
      website: server.url('kindergarten'),
      email: 'sad5@org.example.ru',
      municipalityId: region.municipalities[1].id,
    }),
    hanging: await org({ website: server.url('hang'), email: 'hang@org.example.ru' }),
    noSite: await org({ website: null, email: null }),
  };
}
