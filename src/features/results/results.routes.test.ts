// The results API for every role: who may calculate, freeze and read (the answer comes from the
// permission table, src/domain/permissions `can`), what readers see before and after the council's
// decision, and organization staff limited to their own organization.
import { beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  createTestApp,
  jsonRequest,
  loginAs,
  type TestApp,
  type TestSession,
} from '../../../test/app.ts';
import { describeBackends } from '../../../test/db.ts';
import { campaigns } from '../../db/schema/index.ts';
import { can, ROLES, type Role } from '../../domain/permissions/index.ts';
import {
  WORKED_SURVEY,
  createResultsCampaign,
  insertSurveyCounts,
  type ResultsCampaign,
} from './results.test-support.ts';

const SIGNED_IN: readonly Role[] = ROLES;

describeBackends('results API', ({ db }) => {
  let app: TestApp;
  let c: ResultsCampaign;
  const sessions = new Map<Role, TestSession>();
  const call = (role: Role | null, method: string, path: string, body?: unknown) =>
    app.request(
      `/api/v1/campaigns/${c.campaignId}${path}`,
      jsonRequest(role ? sessions.get(role)! : null, method, body),
    );

  beforeAll(async () => {
    app = createTestApp(db(), { now: new Date('2026-11-20T09:00:00Z') });
    c = await createResultsCampaign(db(), { status: 'reporting', orgs: [{}, {}] });
    await insertSurveyCounts(db(), c.campaignId, c.orgs[0]!.id, WORKED_SURVEY);
    for (const role of SIGNED_IN)
      sessions.set(
        role,
        await loginAs(app, db(), role, {
          territoryId: c.region.municipalities[0].id,
          ...(role === 'organization' ? { organizationId: c.orgs[1]!.id } : {}),
        }),
      );
  });

  it('says there are no results yet', async () => {
    const res = await call('operator', 'GET', '/results');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { message: 'Результаты кампании ещё не рассчитаны' },
    });
  });

  it('lets exactly the roles with results.calculate calculate', async () => {
    expect((await call(null, 'POST', '/results/calculate', {})).status).toBeGreaterThanOrEqual(401);
    for (const role of SIGNED_IN) {
      const res = await call(role, 'POST', '/results/calculate', {});
      expect([role, res.status]).toEqual([
        role,
        can(sessions.get(role)!.caller, 'results.calculate') ? 200 : 403,
      ]);
    }
    const res = await call('operator', 'POST', '/results/calculate', {});
    expect(await res.json()).toMatchObject({
      stored: false,
      run: { version: 1, status: 'current' },
    });
  });

  it('shows the current run to operators and the council; other readers wait for approval', async () => {
    for (const role of SIGNED_IN) {
      const res = await call(role, 'GET', '/results?provenance=0');
      const who = sessions.get(role)!.caller;
      const expected = can(who, 'results.calculate') || can(who, 'results.approve') ? 200 : 404;
      expect([role, res.status]).toEqual([role, expected]);
    }
    const runs = await call('expert', 'GET', '/results/runs');
    expect(await runs.json()).toEqual({ runs: [] });
  });

  it('lets exactly the roles with results.approve freeze, in discussion', async () => {
    const decision = { decisionNumber: '7', decisionDate: '2026-11-19' };
    const early = await call('council', 'POST', '/results/freeze', decision);
    expect(early.status).toBe(409);
    await db()
      .update(campaigns)
      .set({ status: 'discussion' })
      .where(eq(campaigns.id, c.campaignId));
    const bad = await call('council', 'POST', '/results/freeze', { decisionNumber: '' });
    expect(bad.status).toBe(400);
    for (const role of SIGNED_IN.filter((r) => !can(sessions.get(r)!.caller, 'results.approve'))) {
      const res = await call(role, 'POST', '/results/freeze', decision);
      expect([role, res.status]).toEqual([role, 403]);
    }
    const res = await call('council', 'POST', '/results/freeze', decision);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      version: 1,
      status: 'frozen',
      frozenBasis: 'Решение общественного совета № 7 от 19.11.2026',
    });
  });

  it('shows the frozen run to every reader; organization staff see their own organization', async () => {
    for (const role of SIGNED_IN) {
      const res = await call(role, 'GET', '/results?provenance=0');
      expect([role, res.status]).toEqual([
        role,
        can(sessions.get(role)!.caller, 'results.view') ? 200 : 403,
      ]);
    }
    const own = (await (await call('organization', 'GET', '/results')).json()) as {
      organizations: { organizationId: number }[];
    };
    expect(own.organizations.map((o) => o.organizationId)).toEqual([c.orgs[1]!.id]);
    const other = await call('organization', 'GET', `/results/organizations/${c.orgs[0]!.id}`);
    expect(other.status).toBe(403);
    const detail = await call('municipal', 'GET', `/results/organizations/${c.orgs[0]!.id}`);
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({
      run: { version: 1 },
      organization: { organizationId: c.orgs[0]!.id, indicators: { '1.3': 92 } },
    });
    const aggregates = await call('expert', 'GET', '/results/aggregates?level=kind');
    expect(await aggregates.json()).toMatchObject({
      aggregates: [{ level: 'kind', key: 'school', organizations: 1 }],
    });
  });

  it('takes council proposals only from the council, on a current run', async () => {
    const path = `/results/organizations/${c.orgs[0]!.id}/proposals`;
    expect((await call('operator', 'PUT', path, { text: 'x' })).status).toBe(403);
    expect((await call('council', 'PUT', path, { text: 'x' })).status).toBe(409);
  });
});
