// Issue 3 item 2: every role (and the public) against every protected API route and page. The
// expected answer comes from the permission table (src/domain/permissions `can`), so the test fails
// when a route checks something other than what the table says.
import { beforeAll, expect, it } from 'vitest';
import {
  can,
  ROLES,
  type Action,
  type Role,
  type Target,
} from '../src/domain/permissions/index.ts';
import {
  addCampaignOrganizations,
  createCampaign,
} from '../src/features/campaigns/campaigns.repo.ts';
import { SYSTEM_CALLER } from '../src/features/context.ts';
import { methodologyVersion } from '../src/domain/scoring/index.ts';
import { describeBackends } from './db.ts';
import {
  createTestApp,
  jsonRequest,
  loadTestBuild,
  loginAs,
  type TestApp,
  type TestSession,
} from './app.ts';
import { createOrganizationRow, createRegion } from './fixtures.ts';

interface Probe {
  method: 'GET' | 'POST';
  path: string;
  /** The permission the route checks, or 'signed-in' for pages any user may open. */
  action: Action | 'signed-in';
  target?: Target;
  body?: () => unknown;
  /** Roles the page sends elsewhere (302) although the action allows them. */
  redirects?: readonly Role[];
}

describeBackends('route permissions', ({ db }) => {
  let app: TestApp;
  const sessions = new Map<Role, TestSession>();
  let probes: Probe[] = [];
  let pages: Probe[] = [];
  let hasPages = false;

  beforeAll(async () => {
    const build = await loadTestBuild();
    hasPages = build !== undefined;
    app = createTestApp(db(), build ? { build } : {});
    const region = await createRegion(db());
    const org = await createOrganizationRow(db(), region);
    const campaign = await createCampaign(db(), {
      title: 'Проверка прав',
      year: 2031,
      territoryId: region.region.id,
      status: 'draft',
      methodology: methodologyVersion(),
    });
    for (const role of ROLES) {
      sessions.set(
        role,
        await loginAs(app, db(), role, {
          territoryId: region.municipalities[0].id,
          ...(role === 'organization' ? { organizationId: org.id } : {}),
        }),
      );
    }
    const own: Target = { municipalityId: org.municipalityId, organizationId: org.id };
    // A campaign with approved results: the results, dashboard and report pages have a run to show.
    const scored = await createCampaign(db(), {
      title: 'Проверка прав: результаты',
      year: 2032,
      territoryId: region.region.id,
      status: 'discussion',
      methodology: methodologyVersion(),
    });
    await addCampaignOrganizations(db(), scored.id, [
      { organizationId: org.id, status: 'included', mandatory: false, reason: 'проверка' },
    ]);
    await app.services.results.calculate(SYSTEM_CALLER, scored.id);
    await app.services.results.freeze(SYSTEM_CALLER, scored.id, {
      decisionNumber: '1',
      decisionDate: new Date().toISOString().slice(0, 10),
    });
    const results = `/campaigns/${scored.id}/results`;
    let year = 2040;
    probes = [
      { method: 'GET', path: '/api/v1/organizations', action: 'registry.view' },
      {
        method: 'GET',
        path: `/api/v1/organizations/${org.id}`,
        action: 'registry.view',
        target: own,
      },
      { method: 'GET', path: '/api/v1/organizations/export.xlsx', action: 'registry.export' },
      { method: 'GET', path: '/api/v1/territories', action: 'registry.view' },
      { method: 'GET', path: '/api/v1/authorities', action: 'registry.view' },
      {
        method: 'POST',
        path: `/api/v1/organizations/${org.id}/reactivate`,
        action: 'registry.edit',
        target: own,
      },
      { method: 'GET', path: '/api/v1/campaigns', action: 'campaign.view' },
      { method: 'GET', path: `/api/v1/campaigns/${campaign.id}`, action: 'campaign.view' },
      {
        method: 'GET',
        path: `/api/v1/campaigns/${campaign.id}/organizations`,
        action: 'campaign.view',
      },
      {
        method: 'POST',
        path: '/api/v1/campaigns',
        action: 'campaign.create',
        body: () => ({ title: 'Новая кампания', year: (year += 1) }),
      },
      { method: 'POST', path: `/api/v1/campaigns/${campaign.id}/propose`, action: 'campaign.edit' },
      { method: 'GET', path: '/api/v1/audit', action: 'audit.view' },
      { method: 'GET', path: '/api/v1/feedback/summary', action: 'survey.feedback' },
      {
        method: 'GET',
        path: `/api/v1/campaigns/${campaign.id}/survey-progress`,
        action: 'survey.progress',
      },
      {
        method: 'GET',
        path: `/api/v1/campaigns/${campaign.id}/flagged-responses`,
        action: 'survey.moderate',
      },
      {
        method: 'GET',
        path: `/api/v1/campaigns/${campaign.id}/paper/batches`,
        action: 'survey.enterPaper',
      },
      {
        method: 'GET',
        path: `/api/v1/campaigns/${campaign.id}/paper/mismatches`,
        action: 'survey.enterPaper',
      },
      { method: 'GET', path: `/api/v1${results}`, action: 'results.view' },
      { method: 'GET', path: `/api/v1${results}/runs`, action: 'results.view' },
      { method: 'GET', path: `/api/v1${results}/aggregates`, action: 'results.view' },
      {
        method: 'GET',
        path: `/api/v1${results}/organizations/${org.id}`,
        action: 'results.view',
        target: own,
      },
      { method: 'POST', path: `/api/v1${results}/calculate`, action: 'results.calculate' },
      {
        method: 'GET',
        path: `/api/v1/campaigns/${scored.id}/reports/csv`,
        action: 'results.view',
      },
    ];
    pages = [
      { method: 'GET', path: '/dashboard', action: 'signed-in' },
      { method: 'GET', path: '/registry', action: 'registry.view' },
      { method: 'GET', path: '/registry/import', action: 'registry.import' },
      { method: 'GET', path: '/campaigns', action: 'campaign.view' },
      { method: 'GET', path: '/campaigns/new', action: 'campaign.create' },
      { method: 'GET', path: `/campaigns/${campaign.id}/approve`, action: 'campaign.approveList' },
      { method: 'GET', path: `/campaigns/${campaign.id}/stages`, action: 'campaign.edit' },
      { method: 'GET', path: '/admin/audit', action: 'audit.view' },
      { method: 'GET', path: '/feedback', action: 'survey.feedback' },
      { method: 'GET', path: '/admin/users', action: 'users.manage' },
      { method: 'GET', path: '/admin/outbox', action: 'outbox.view' },
      { method: 'GET', path: `/campaigns/${campaign.id}/survey`, action: 'survey.progress' },
      { method: 'GET', path: `/campaigns/${campaign.id}/moderation`, action: 'survey.moderate' },
      { method: 'GET', path: `/campaigns/${campaign.id}/paper`, action: 'survey.enterPaper' },
      {
        method: 'GET',
        path: `/campaigns/${campaign.id}/paper/double-entry`,
        action: 'survey.enterPaper',
      },
      {
        method: 'GET',
        path: `/campaigns/${campaign.id}/survey-import`,
        action: 'survey.enterPaper',
      },
      { method: 'GET', path: results, action: 'results.view' },
      { method: 'GET', path: `${results}/organizations/${org.id}`, action: 'results.view' },
      {
        method: 'GET',
        path: `/campaigns/${scored.id}/dashboard`,
        action: 'results.view',
        // Organization staff are sent to their organization's result page instead.
        redirects: ['organization'],
      },
      {
        method: 'GET',
        path: `/campaigns/${scored.id}/organizations/${org.id}/results`,
        action: 'results.view',
      },
      { method: 'GET', path: `/campaigns/${scored.id}/reports`, action: 'results.view' },
    ];
  });

  const request = (p: Probe, who: TestSession | null) =>
    app.request(
      p.path,
      jsonRequest(who, p.method, p.body?.() ?? (p.method === 'POST' ? {} : undefined)),
    );

  it('API: every role gets exactly what the permission table allows', async () => {
    const mismatches: string[] = [];
    for (const role of ROLES) {
      const who = sessions.get(role)!;
      for (const p of probes) {
        const allowed = can(who.caller, p.action as Action, p.target);
        const res = await request(p, who);
        // Allowed: anything but a refusal (409 «already active» is an allowed call that changed nothing).
        const ok = allowed ? res.status !== 401 && res.status !== 403 : res.status === 403;
        if (!ok)
          mismatches.push(
            `${role} ${p.method} ${p.path}: ${res.status}, expected ${allowed ? '2xx' : 403}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('API: the public gets 401 or 403 everywhere', async () => {
    for (const p of probes) {
      const res = await request(p, null);
      expect([401, 403], `${p.method} ${p.path}`).toContain(res.status);
    }
  });

  it('pages: allowed roles see the page, others get 403, the public is sent to log in', async () => {
    expect(hasPages, 'test/build-setup.ts builds the pages').toBe(true);
    const mismatches: string[] = [];
    for (const role of ROLES) {
      const who = sessions.get(role)!;
      for (const p of pages) {
        const allowed = p.action === 'signed-in' || can(who.caller, p.action, p.target);
        const res = await app.request(p.path, { headers: { cookie: who.cookie } });
        const ok = p.redirects?.includes(role)
          ? res.status === 302
          : allowed
            ? res.status === 200
            : res.status === 403;
        if (!ok)
          mismatches.push(`${role} ${p.path}: ${res.status}, expected ${allowed ? 200 : 403}`);
      }
    }
    expect(mismatches).toEqual([]);
    for (const p of pages) {
      const res = await app.request(p.path);
      expect(res.status, p.path).toBe(302);
      expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(p.path)}`);
    }
  });
});
