// The monitoring API: start a run (202, monitor.run), follow it, read history, report and summary;
// refused roles get 403 and bad input 400 with a Russian message.
import { beforeAll, expect, it } from 'vitest';
import { createTestApp, jsonRequest, loginAs, type TestApp } from '../../../test/app.ts';
import { describeBackends } from '../../../test/db.ts';
import { createOrganizationRow, createRegion } from '../../../test/fixtures.ts';

describeBackends('monitor API', ({ db }) => {
  let app: TestApp;
  let orgId: number;
  beforeAll(async () => {
    app = createTestApp(db());
    const region = await createRegion(db());
    orgId = (await createOrganizationRow(db(), region, { website: null })).id;
  });

  it('an operator starts a run for one organization and reads the results', async () => {
    const operator = await loginAs(app, db(), 'operator');
    const res = await app.request(
      '/api/v1/monitor/runs',
      jsonRequest(operator, 'POST', { organizationId: orgId }),
    );
    expect(res.status).toBe(202);
    const { run } = (await res.json()) as { run: { id: number; status: string } };
    expect(run.status).toBe('done');
    const got = (await (
      await app.request(`/api/v1/monitor/runs/${run.id}`, jsonRequest(operator, 'GET'))
    ).json()) as { run: { done: number; errors: number }; checks: { id: number }[] };
    expect(got.run).toMatchObject({ done: 1, errors: 1 });
    const history = await app.request(
      `/api/v1/monitor/organizations/${orgId}/checks`,
      jsonRequest(operator, 'GET'),
    );
    expect(((await history.json()) as { checks: unknown[] }).checks).toHaveLength(1);
    const report = await app.request(
      `/api/v1/monitor/checks/${got.checks[0]!.id}`,
      jsonRequest(operator, 'GET'),
    );
    expect(await report.json()).toMatchObject({
      check: { status: 'error', errorReason: 'адрес сайта не указан в реестре' },
    });
    const summary = await app.request('/api/v1/monitor/summary', jsonRequest(operator, 'GET'));
    expect(((await summary.json()) as { ranking: unknown[] }).ranking.length).toBeGreaterThan(0);
  });

  it('refuses roles without monitor.run and explains bad input', async () => {
    const expert = await loginAs(app, db(), 'expert');
    const refused = await app.request(
      '/api/v1/monitor/runs',
      jsonRequest(expert, 'POST', { organizationId: orgId }),
    );
    expect(refused.status).toBe(403);
    const admin = await loginAs(app, db(), 'regional_admin');
    const bad = await app.request(
      '/api/v1/monitor/runs',
      jsonRequest(admin, 'POST', { organizationId: 'abc' }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe(
      'validation_failed',
    );
  });
});
