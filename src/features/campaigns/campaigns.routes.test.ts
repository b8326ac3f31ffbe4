// The campaigns API over a real database. Until the session middleware and test/app.ts exist, the
// caller is set by a test middleware from the X-Test-Role header (the routes read c.get('caller')).
import { beforeAll, expect, it } from 'vitest';
import { Hono } from 'hono';
import pino from 'pino';
import { describeBackends } from '../../../test/db.ts';
import { createOrganizationRow, createRegion, type RegionFixture } from '../../../test/fixtures.ts';
import { isRole } from '../../domain/permissions/index.ts';
import { API_BASE, createApi } from '../../server/api.ts';
import { createErrorHandler } from '../../server/errors.ts';
import type { AppEnv } from '../../server/types.ts';
import { createServices } from '../services.ts';
import { PUBLIC_CALLER } from '../context.ts';
import { registerCampaignRoutes } from './campaigns.routes.ts';
import { PDF_BYTES, callerOf, testDeps } from './campaigns.test-support.ts';

describeBackends('campaigns API', ({ db }) => {
  let app: Hono<AppEnv>;
  let r: RegionFixture;
  beforeAll(async () => {
    const services = createServices(testDeps(db(), { now: new Date('2026-03-01T09:00:00Z') }));
    const onError = createErrorHandler(pino({ level: 'silent' }));
    app = new Hono<AppEnv>();
    app.onError(onError);
    app.use(async (c, next) => {
      const role = c.req.header('X-Test-Role') ?? '';
      c.set('services', services);
      c.set('caller', isRole(role) ? callerOf(role) : PUBLIC_CALLER);
      await next();
    });
    const api = createApi([registerCampaignRoutes]);
    api.onError(onError);
    app.route(API_BASE, api);
    r = await createRegion(db());
  });

  const call = (method: string, path: string, role: string, body?: unknown) =>
    app.request(`${API_BASE}${path}`, {
      method,
      headers: { 'X-Test-Role': role, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it('runs a campaign from creation to collecting', async () => {
    const created = await call('POST', '/campaigns', 'regional_admin', {
      title: 'НОК 2026',
      year: 2026,
      territoryId: r.region.id,
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const orgs = [
      await createOrganizationRow(db(), r),
      await createOrganizationRow(db(), r, { lastAssessedYear: 2025 }),
    ];

    expect((await call('POST', `/campaigns/${id}/propose`, 'regional_admin')).status).toBe(200);
    const add = await call('POST', `/campaigns/${id}/organizations`, 'regional_admin', {
      query: orgs[1]!.inn,
    });
    expect(add.status).toBe(201);
    const excluded = await call(
      'POST',
      `/campaigns/${id}/organizations/${orgs[0]!.id}/exclude`,
      'regional_admin',
      {},
    );
    expect(excluded.status).toBe(400);
    expect(await excluded.json()).toMatchObject({
      error: { code: 'validation_failed', details: { issues: [{ path: 'reason' }] } },
    });

    const list = await call('GET', `/campaigns/${id}/organizations?status=proposed`, 'operator');
    expect(((await list.json()) as { rows: unknown[] }).rows).toHaveLength(2);

    const form = new FormData();
    form.set('decisionNumber', '5');
    form.set('decisionDate', '2026-02-25');
    form.set('protocol', new File([PDF_BYTES], 'Протокол 5.pdf', { type: 'application/pdf' }));
    const forbidden = await app.request(`${API_BASE}/campaigns/${id}/approve`, {
      method: 'POST',
      headers: { 'X-Test-Role': 'operator' },
      body: form,
    });
    expect(forbidden.status).toBe(403);
    const approved = await app.request(`${API_BASE}/campaigns/${id}/approve`, {
      method: 'POST',
      headers: { 'X-Test-Role': 'council' },
      body: form,
    });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({
      included: 2,
      campaign: { status: 'list_approved' },
    });

    const file = await call('GET', `/campaigns/${id}/protocol`, 'operator');
    expect(file.headers.get('Content-Type')).toBe('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(PDF_BYTES))).toBe(true);

    const wrong = await call('POST', `/campaigns/${id}/status`, 'regional_admin', { to: 'closed' });
    expect(wrong.status).toBe(409);
    expect(await wrong.json()).toMatchObject({ error: { code: 'invalid_state' } });
    const go = await call('POST', `/campaigns/${id}/status`, 'regional_admin', {
      to: 'collecting',
    });
    expect(await go.json()).toMatchObject({ status: 'collecting' });

    const details = await call('GET', `/campaigns/${id}`, 'organization');
    expect(await details.json()).toMatchObject({
      status: 'collecting',
      methodologyFrozen: true,
      counts: { included: 2 },
      nextStatuses: ['calculating'],
      stages: expect.arrayContaining([
        expect.objectContaining({ key: 'list_approval', state: 'done' }),
      ]),
    });
    const frozen = await call('PATCH', `/campaigns/${id}`, 'regional_admin', { sampleCap: 10 });
    expect(frozen.status).toBe(409);
  });

  it('answers 403 to the public and 400 with field issues to bad input', async () => {
    expect((await call('GET', '/campaigns', 'public')).status).toBe(403);
    expect((await call('POST', '/campaigns', 'operator', { title: 'X', year: 2026 })).status).toBe(
      403,
    );
    const bad = await call('POST', '/campaigns', 'regional_admin', { title: '', year: 1990 });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { details: { issues: { path: string }[] } } };
    expect(body.error.details.issues.map((i) => i.path).sort()).toEqual(['title', 'year']);
    const stages = await call('PUT', '/campaigns/1/stages', 'regional_admin', {
      stages: [{ key: 'report', plannedStart: '2026-11-10', plannedEnd: '2026-11-01' }],
    });
    expect(stages.status).toBe(400);
    expect((await call('GET', '/campaigns/99999', 'operator')).status).toBe(404);
    const list = await call('GET', '/campaigns', 'council');
    expect(((await list.json()) as { campaigns: unknown[] }).campaigns.length).toBeGreaterThan(0);
  });
});
