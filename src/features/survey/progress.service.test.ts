// Sample control on both backends with a hand-built dataset (progress.test-support.ts): exact
// numbers per organization and municipality, the lagging rule under an injected clock, refusals.
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { parseConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Role } from '../../domain/permissions/index.ts';
import { CLI_CALLER, type Caller, type ServiceDeps } from '../context.ts';
import { createModerationService, type ModerationService } from './moderation.service.ts';
import {
  elapsedShare,
  isLagging,
  LAGGING_SILENT_AFTER,
  LAGGING_TOLERANCE,
} from './progress.schema.ts';
import { HALF_WINDOW, progressDataset } from './progress.test-support.ts';
import type { SurveyCampaign } from './survey.test-support.ts';

const rule = { tolerance: LAGGING_TOLERANCE, silentAfter: LAGGING_SILENT_AFTER };

describe('elapsedShare (Europe/Moscow, window 2026-03-01 … 2026-05-31 = 92 days)', () => {
  it.each([
    ['before the window', '2026-02-28T20:59:59Z', 0],
    ['first local midnight', '2026-02-28T21:00:00Z', 0],
    ['half', '2026-04-15T21:00:00Z', 0.5],
    ['a quarter', '2026-03-23T21:00:00Z', 23 / 92],
    ['end of the last day', '2026-05-31T21:00:00Z', 1],
    ['after', '2026-07-01T00:00:00Z', 1],
  ])('%s', (_, at, share) => {
    expect(elapsedShare('2026-03-01', '2026-05-31', new Date(at), 'Europe/Moscow')).toBeCloseTo(
      share,
      10,
    );
  });
  it('is null without dates', () => {
    expect(elapsedShare(null, '2026-05-31', HALF_WINDOW, 'Europe/Moscow')).toBeNull();
  });
});

describe('isLagging', () => {
  it.each([
    ['window not open', 0, 40, 0, false],
    ['no dates', 0, 40, null, false],
    ['on track at half', 16, 40, 0.5, false],
    ['below 0.8 × half', 15, 40, 0.5, true],
    ['silent at a quarter', 0, 40, 0.25, true],
    ['nothing required', 0, 0, 0.9, false],
    ['after the window, met', 40, 40, 1, false],
  ] as const)('%s', (_, counted, required, elapsed, expected) => {
    expect(isLagging(counted, required, elapsed, rule)).toBe(expected);
  });
  it('silent rule on its own (tolerance 0)', () => {
    const silentOnly = { tolerance: 0, silentAfter: 0.25 };
    expect(isLagging(0, 20, 0.2, silentOnly)).toBe(false);
    expect(isLagging(0, 20, 0.25, silentOnly)).toBe(true);
    expect(isLagging(1, 20, 0.9, silentOnly)).toBe(false);
  });
});

const clock = { now: HALF_WINDOW };
const deps = (db: Db): ServiceDeps => ({
  db,
  config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
  logger: pino({ level: 'silent' }),
  now: () => clock.now,
});
const as = (role: Role): Caller => ({
  role,
  userId: 1,
  territoryId: role === 'municipal' ? 1 : null,
  organizationId: role === 'organization' ? 1 : null,
  label: role,
});

describeBackends('survey progress', ({ db }) => {
  let service: ModerationService;
  let c: SurveyCampaign;
  beforeAll(async () => {
    service = createModerationService(deps(db()));
    c = await progressDataset(db());
  });

  it('gives exact numbers per organization, municipality and in total', async () => {
    clock.now = HALF_WINDOW;
    const p = await service.progress(as('operator'), c.campaignId);
    expect(p.window).toEqual({
      start: '2026-03-01',
      end: '2026-05-31',
      timezone: 'Europe/Moscow',
      elapsed: 0.5,
    });
    const [a, b, cc, d] = c.orgs.map((o) => p.organizations.find((x) => x.organizationId === o.id));
    expect(a).toMatchObject({ required: 40, counted: 33, flagged: 5, excluded: 2, lagging: false });
    expect(a!.share).toBeCloseTo(33 / 40);
    expect(b).toMatchObject({ required: 20, counted: 0, flagged: 0, excluded: 0, lagging: true });
    expect(cc).toMatchObject({ required: 600, counted: 200, lagging: true });
    expect(d).toMatchObject({ required: 4, counted: 6, share: 1, lagging: false });
    expect(p.municipalities).toHaveLength(2);
    const [m1, m2] = p.municipalities;
    expect(m1).toMatchObject({
      organizations: 3,
      lagging: 1,
      required: 64,
      counted: 39,
      flagged: 5,
      excluded: 2,
    });
    // Surplus of D does not cover A's shortfall: (33 + 0 + 4) / 64.
    expect(m1!.share).toBeCloseTo(37 / 64);
    expect(m2).toMatchObject({ organizations: 1, lagging: 1, required: 600, counted: 200 });
    expect(p.totals).toMatchObject({
      organizations: 4,
      lagging: 2,
      required: 664,
      counted: 239,
      flagged: 5,
      excluded: 2,
    });
    expect(p.totals.share).toBeCloseTo(237 / 664);
  });

  it('lists only the lagging ones on request', async () => {
    const p = await service.progress(as('regional_admin'), c.campaignId, { laggingOnly: true });
    expect(p.organizations.map((o) => o.organizationId)).toEqual([c.orgs[1]!.id, c.orgs[2]!.id]);
    expect(p.totals.organizations).toBe(4);
  });

  it.each([
    ['before the window: nobody lags', '2026-02-20T12:00:00Z', []],
    ['20 % of the window: only below 0.8 × 0.2 × required', '2026-03-19T09:00:00Z', [1]],
    ['after the window: everyone below 0.8 × required', '2026-06-10T12:00:00Z', [1, 2]],
  ])('%s', async (_, at, lagging) => {
    clock.now = new Date(at);
    const p = await service.progress(CLI_CALLER, c.campaignId, { laggingOnly: true });
    expect(p.organizations.map((o) => o.organizationId)).toEqual(lagging.map((i) => c.orgs[i]!.id));
  });

  it('takes a configurable rule (strings from a query are accepted)', async () => {
    clock.now = HALF_WINDOW;
    const p = await service.progress(CLI_CALLER, c.campaignId, {
      rule: { tolerance: '0.5', silentAfter: '0.9' },
      laggingOnly: true,
    });
    // 0.5 × 0.5 × 600 = 150 ≤ 200: C is on track; B has 0 < 0.5 × 0.5 × 20.
    expect(p.organizations.map((o) => o.organizationId)).toEqual([c.orgs[1]!.id]);
    await expect(
      service.progress(CLI_CALLER, c.campaignId, { rule: { tolerance: '2' } }),
    ).rejects.toMatchObject({ code: 'validation_failed', message: /tolerance/ });
  });

  it('unknown campaign → not_found', async () => {
    await expect(service.progress(CLI_CALLER, 999_999)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  // Municipal authorities see their own municipality: progress.municipal.test.ts.
  it.each(['expert', 'council', 'organization'] as const)('%s is refused', async (role) => {
    await expect(service.progress(as(role), c.campaignId)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
