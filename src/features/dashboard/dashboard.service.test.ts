// Dashboards per role over a seeded region (dashboard.test-support.ts), with an injected clock.
import { beforeAll, describe, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { PUBLIC_CALLER } from '../context.ts';
import { createDashboardService } from './dashboard.service.ts';
import {
  callerOf,
  seedDashboard,
  SURVEY_CODE,
  testDeps,
  type Seed,
} from './dashboard.test-support.ts';

const count = (d: { sections: { counts: { key: string; count: number }[] }[] }, key: string) =>
  d.sections.flatMap((s) => s.counts).find((c) => c.key === key)?.count;

describeBackends('dashboard service', ({ db }) => {
  const clock = { now: new Date('2026-03-20T10:00:00Z') };
  let s: Seed;
  let service: ReturnType<typeof createDashboardService>;
  beforeAll(async () => {
    s = await seedDashboard(db());
    service = createDashboardService(testDeps(db(), clock));
    await appendAudit(
      db(),
      Array.from({ length: 12 }, (_, i) => ({
        actorLabel: 'система',
        action: 'update',
        entityType: 'organization',
        entityId: i + 1,
      })),
    );
  });

  it('refuses the public', async () => {
    await expect(service.forCaller(PUBLIC_CALLER)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('regional admin: drafts, late stages, registry gaps, overdue, recent audit', async () => {
    const d = await service.forCaller(callerOf('regional_admin'));
    expect(d.today).toBe('2026-03-20');
    expect(d.referenceYear).toBe(2026);
    expect(count(d, 'drafts')).toBe(1);
    expect(d.lateStages.map((x) => x.key)).toEqual(['list_approval']);
    expect(count(d, 'late')).toBe(1);
    expect([
      count(d, 'website'),
      count(d, 'email'),
      count(d, 'contingent'),
      count(d, 'head'),
    ]).toEqual([2, 1, 1, 1]);
    expect([count(d, 'must'), count(d, 'overdue'), count(d, 'never')]).toEqual([2, 1, 1]);
    expect(
      d.overdueByMunicipality.map((m) => [
        m.name,
        m.organizations,
        m.mustThisYear,
        m.overdue,
        m.neverAssessed,
      ]),
    ).toEqual(
      [
        [s.m1.name, 3, 2, 1, 1],
        [s.m2.name, 1, 0, 0, 0],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(d.recentAudit).toHaveLength(10);
    expect(d.campaign).toMatchObject({ id: s.x.id, included: 1, status: 'collecting' });
    const states = Object.fromEntries(d.campaign!.stages.map((x) => [x.key, x.state]));
    expect(states).toMatchObject({
      list_approval: 'late',
      terms_of_reference: 'done',
      data_collection: 'active',
      calculation: 'upcoming',
    });
    expect(d.sections.flatMap((x) => x.counts).find((c) => c.key === 'drafts')?.href).toBe(
      `/campaigns/${s.z.id}/list`,
    );
  });

  it('municipal: only its municipality, no audit', async () => {
    const d = await service.forCaller(callerOf('municipal', { territoryId: s.m2.id }));
    expect([
      count(d, 'website'),
      count(d, 'email'),
      count(d, 'contingent'),
      count(d, 'head'),
    ]).toEqual([1, 1, 0, 1]);
    expect(d.overdueByMunicipality.map((m) => m.municipalityId)).toEqual([s.m2.id]);
    expect([count(d, 'must'), count(d, 'overdue')]).toEqual([0, 0]);
    expect(d.recentAudit).toEqual([]);
    expect(d.sections.flatMap((x) => x.counts).find((c) => c.key === 'website')?.href).toBe(
      `/registry?missing=website&municipalityId=${s.m2.id}`,
    );
  });

  it.each(['operator', 'expert'] as const)('%s: the collecting campaign', async (role) => {
    const d = await service.forCaller(callerOf(role));
    expect(count(d, 'included')).toBe(1);
    expect(count(d, 'late')).toBe(1);
    expect(d.overdueByMunicipality).toEqual([]);
  });

  it('late stages follow the clock', async () => {
    clock.now = new Date('2026-10-05T10:00:00Z');
    try {
      const d = await service.forCaller(callerOf('operator'));
      expect(d.lateStages.map((x) => x.key)).toEqual(['list_approval', 'data_collection']);
      expect(d.campaign!.stages.find((x) => x.key === 'calculation')?.state).toBe('active');
    } finally {
      clock.now = new Date('2026-03-20T10:00:00Z');
    }
  });

  it('council: the list to approve and the coming discussion', async () => {
    const d = await service.forCaller(callerOf('council'));
    expect(d.sections[0]!.counts).toEqual([
      expect.objectContaining({ count: 1, href: `/campaigns/${s.z.id}/approve` }),
    ]);
    expect(d.councilStages.map((x) => [x.key, x.state])).toEqual([
      ['council_discussion', 'upcoming'],
    ]);
  });

  describe('organization', () => {
    it('included while collecting: survey link and its own gaps', async () => {
      const d = await service.forCaller(callerOf('organization', { organizationId: s.orgs.b.id }));
      expect(d.participation).toEqual([
        expect.objectContaining({
          campaignId: s.x.id,
          rowStatus: 'included',
          surveyUrl: `/s/${SURVEY_CODE}`,
        }),
      ]);
      expect(d.missingFields.map((f) => f.key)).toEqual(['website']);
      expect(d.cardHref).toBe(`/registry/${s.orgs.b.id}`);
      expect(d.overdueByMunicipality).toEqual([]);
    });

    it('excluded: no survey link', async () => {
      const d = await service.forCaller(callerOf('organization', { organizationId: s.orgs.c.id }));
      expect(d.participation).toEqual([
        expect.objectContaining({ rowStatus: 'excluded', surveyUrl: null }),
      ]);
      expect(d.missingFields.map((f) => f.key)).toEqual(['contingent']);
    });
  });
});
