// GET /api/v1/audit and the audit browser over a real database: filters, pages, local dates,
// permission. The caller comes from a test header until test/app.ts (accounts session) lands.
import { beforeAll, expect, it } from 'vitest';
import { Hono } from 'hono';
import pino from 'pino';
import { describeBackends } from '../../../test/db.ts';
import { auditLog } from '../../db/schema/index.ts';
import { isRole } from '../../domain/permissions/index.ts';
import { API_BASE, createApi } from '../../server/api.ts';
import { createErrorHandler } from '../../server/errors.ts';
import type { AppEnv } from '../../server/types.ts';
import { PUBLIC_CALLER } from '../context.ts';
import { createServices } from '../services.ts';
import { registerAuditRoutes } from './audit.routes.ts';
import { callerOf, seedDashboard, testDeps, type Seed } from './dashboard.test-support.ts';

describeBackends('audit API', ({ db }) => {
  let app: Hono<AppEnv>;
  let s: Seed;
  beforeAll(async () => {
    s = await seedDashboard(db());
    const services = createServices(testDeps(db(), { now: new Date('2026-03-20T10:00:00Z') }));
    const onError = createErrorHandler(pino({ level: 'silent' }));
    app = new Hono<AppEnv>();
    app.onError(onError);
    app.use(async (c, next) => {
      const role = c.req.header('X-Test-Role') ?? '';
      c.set('services', services);
      c.set(
        'caller',
        isRole(role) ? callerOf(role, { territoryId: 1, organizationId: 1 }) : PUBLIC_CALLER,
      );
      await next();
    });
    const api = createApi([registerAuditRoutes]);
    api.onError(onError);
    app.route(API_BASE, api);
    // 23:30 Moscow on 4 March is 20:30 UTC; 00:30 Moscow on 6 March is 21:30 UTC on the 5th.
    await db()
      .insert(auditLog)
      .values([
        {
          at: new Date('2026-03-04T20:30:00Z'),
          actorUserId: s.users.admin.id,
          actorLabel: 'Админ Тестовый',
          action: 'campaign.create',
          entityType: 'campaign',
          entityId: String(s.x.id),
          after: { title: 'НОК 2026', year: 2026 },
        },
        {
          at: new Date('2026-03-05T09:00:00Z'),
          actorUserId: s.users.admin.id,
          actorLabel: 'Админ Тестовый',
          action: 'campaign.update',
          entityType: 'campaign',
          entityId: String(s.x.id),
          before: { title: 'НОК 2026', year: 2026 },
          after: { title: 'НОК-2026', year: 2026 },
        },
        {
          at: new Date('2026-03-05T21:30:00Z'),
          actorUserId: s.users.clerk.id,
          actorLabel: 'Муниципал Тестовый',
          action: 'update',
          entityType: 'organization',
          entityId: String(s.orgs.d.id),
          before: { email: null },
          after: { email: 'd@d.example' },
        },
        {
          at: new Date('2026-03-06T10:00:00Z'),
          actorLabel: 'система',
          action: 'demo_seed',
          entityType: 'system',
          entityId: 'demo',
        },
      ]);
  });

  const get = (query: string, role = 'regional_admin') =>
    app.request(`${API_BASE}/audit${query}`, { headers: { 'X-Test-Role': role } });
  const ids = async (res: Response) =>
    ((await res.json()) as { rows: { action: string }[] }).rows.map((r) => r.action);

  it('lists newest first with Russian words', async () => {
    const res = await get('');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; rows: Record<string, unknown>[] };
    expect(body.total).toBe(4);
    expect(body.rows[0]).toMatchObject({
      action: 'demo_seed',
      actionTitle: 'заполнение демонстрационными данными',
    });
    expect(body.rows[3]).toMatchObject({
      action: 'campaign.create',
      entityTitle: 'кампания',
      after: { title: 'НОК 2026' },
    });
  });

  it.each([
    ['?entityType=campaign', ['campaign.update', 'campaign.create']],
    [`?entityType=organization&entityId=__D__`, ['update']],
    ['?action=demo_seed', ['demo_seed']],
    ['?actorUserId=__CLERK__', ['update']],
    // Local days: the 23:30 entry of 4 March is not on the 5th; 00:30 of the 6th is not either.
    ['?from=2026-03-05&to=2026-03-05', ['campaign.update']],
    ['?from=2026-03-06', ['demo_seed', 'update']],
    ['?to=2026-03-04', ['campaign.create']],
  ])('filters %s', async (query, expected) => {
    const q = query
      .replace('__D__', String(s.orgs.d.id))
      .replace('__CLERK__', String(s.users.clerk.id));
    const res = await get(q);
    expect(res.status).toBe(200);
    expect(await ids(res)).toEqual(expected);
  });

  it('pages', async () => {
    const body = (await (await get('?pageSize=3&page=2')).json()) as {
      total: number;
      page: number;
      rows: unknown[];
    };
    expect(body).toMatchObject({ total: 4, page: 2 });
    expect(body.rows).toHaveLength(1);
  });

  it('rejects bad filters in Russian', async () => {
    const res = await get('?from=05.03.2026&actorUserId=abc');
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; details: { issues: { path: string }[] } };
    };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.issues.map((i) => i.path).sort()).toEqual(['actorUserId', 'from']);
    const reversed = await get('?from=2026-03-06&to=2026-03-05');
    expect(reversed.status).toBe(400);
  });

  it.each(['municipal', 'operator', 'expert', 'council', 'organization', ''])(
    '403 for %s',
    async (role) => {
      const res = await get('', role);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    },
  );

  it('has no write methods', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await app.request(`${API_BASE}/audit`, {
        method,
        headers: { 'X-Test-Role': 'regional_admin' },
      });
      expect(res.status).toBeGreaterThanOrEqual(404);
    }
  });

  it('reads one entry and the filter choices (admin only)', async () => {
    const services = createServices(testDeps(db(), { now: new Date() }));
    const admin = callerOf('regional_admin');
    const page = await services.dashboard.auditLog(admin, { action: 'campaign.update' });
    const entry = await services.dashboard.auditEntry(admin, page.rows[0]!.id);
    expect(entry.before).toEqual({ title: 'НОК 2026', year: 2026 });
    await expect(services.dashboard.auditEntry(admin, 999_999)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      services.dashboard.auditEntry(callerOf('council'), entry.id),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const facets = await services.dashboard.auditFacets(admin);
    expect(facets.entityTypes).toEqual(['campaign', 'organization', 'system']);
    expect(facets.actors.map((a) => a.label)).toEqual(['Админ Тестовый', 'Муниципал Тестовый']);
  });
});
