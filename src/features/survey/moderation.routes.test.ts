// Sample control and moderation API through the whole HTTP app (sessions, CSRF, error mapping).
import { beforeAll, expect, it } from 'vitest';
import { createTestApp, jsonRequest, loginAs, type TestApp } from '../../../test/app.ts';
import { describeBackends } from '../../../test/db.ts';
import { HALF_WINDOW, progressDataset } from './progress.test-support.ts';
import type { SurveyCampaign } from './survey.test-support.ts';

describeBackends('survey moderation API', ({ db }) => {
  let app: TestApp;
  let c: SurveyCampaign;
  beforeAll(async () => {
    app = createTestApp(db(), { now: HALF_WINDOW });
    c = await progressDataset(db());
  });
  const base = () => `/api/v1/campaigns/${c.campaignId}`;

  it('GET survey-progress: numbers and lagging', async () => {
    const op = await loginAs(app, db(), 'operator');
    const res = await app.request(
      `${base()}/survey-progress?laggingOnly=true`,
      jsonRequest(op, 'GET'),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      totals: Record<string, number>;
      organizations: Array<{ organizationId: number }>;
    };
    expect(body.totals).toMatchObject({ required: 664, counted: 239, lagging: 2 });
    expect(body.organizations.map((o) => o.organizationId)).toEqual([c.orgs[1]!.id, c.orgs[2]!.id]);
    const bad = await app.request(
      `${base()}/survey-progress?tolerance=abc`,
      jsonRequest(op, 'GET'),
    );
    expect(bad.status).toBe(400);
  });

  it('GET flagged-responses and POST decide (reason required, audited)', async () => {
    const admin = await loginAs(app, db(), 'regional_admin');
    const list = await app.request(
      `${base()}/flagged-responses?flag=burst`,
      jsonRequest(admin, 'GET'),
    );
    expect(list.status).toBe(200);
    const { rows, total } = (await list.json()) as { rows: Array<{ id: number }>; total: number };
    expect(total).toBe(3);
    const ids = rows.map((r) => r.id);
    const noReason = await app.request(
      `${base()}/flagged-responses/decide`,
      jsonRequest(admin, 'POST', { ids, decision: 'excluded' }),
    );
    expect(noReason.status).toBe(400);
    const err = (await noReason.json()) as { error: { code: string; message: string } };
    expect(err.error).toMatchObject({ code: 'validation_failed', message: /причину/ });
    const res = await app.request(
      `${base()}/flagged-responses/decide`,
      jsonRequest(admin, 'POST', { ids, decision: 'excluded', reason: 'Накрутка' }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ decided: 3, decision: 'excluded' });
    const audit = await app.request(
      `/api/v1/audit?action=survey.moderate`,
      jsonRequest(admin, 'GET'),
    );
    expect(audit.status).toBe(200);
    expect(JSON.stringify(await audit.json())).toContain('Накрутка');
    const after = await app.request(`${base()}/flagged-responses`, jsonRequest(admin, 'GET'));
    expect(((await after.json()) as { total: number }).total).toBe(2);
  });

  it('POST decide without the CSRF token is refused', async () => {
    const op = await loginAs(app, db(), 'operator');
    const res = await app.request(`${base()}/flagged-responses/decide`, {
      method: 'POST',
      headers: { cookie: op.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [1], decision: 'excluded', reason: 'x' }),
    });
    expect(res.status).toBe(403);
  });

  it.each(['expert', 'council', 'organization', 'municipal'] as const)(
    '%s gets 403 on all three',
    async (role) => {
      const who = await loginAs(app, db(), role);
      for (const [method, path, body] of [
        ['GET', '/survey-progress', undefined],
        ['GET', '/flagged-responses', undefined],
        ['POST', '/flagged-responses/decide', { ids: [1], decision: 'x' }],
      ] as const) {
        // Municipal authorities read their own municipality's progress (progress.municipal.test.ts).
        if (role === 'municipal' && path === '/survey-progress') continue;
        const res = await app.request(`${base()}${path}`, jsonRequest(who, method, body));
        expect(res.status, `${method} ${path}`).toBe(403);
      }
    },
  );

  it('the public gets 401', async () => {
    const res = await app.request(`${base()}/survey-progress`);
    expect([401, 403]).toContain(res.status);
  });
});
