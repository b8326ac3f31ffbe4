// Municipal authorities see the survey progress of their own municipality only (issue 4 item 6):
// through the service and the API, organizations and totals are narrowed to the municipality;
// without a municipality the call is refused. Dataset: progress.test-support.ts (A, B, D in the
// first municipality, C in another region's).
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createTestApp, jsonRequest, loginAs, type TestApp } from '../../../test/app.ts';
import { describeBackends } from '../../../test/db.ts';
import { organizations } from '../../db/schema/index.ts';
import type { Caller } from '../context.ts';
import { HALF_WINDOW, progressDataset } from './progress.test-support.ts';
import type { SurveyCampaign } from './survey.test-support.ts';

describeBackends('survey progress for a municipal authority', ({ db }) => {
  let app: TestApp;
  let c: SurveyCampaign;
  let own: number;
  let other: number;
  beforeAll(async () => {
    app = createTestApp(db(), { now: HALF_WINDOW });
    c = await progressDataset(db());
    own = c.orgs[0]!.municipalityId;
    // progressDataset moved C in the database; the returned row still has its first municipality.
    const [moved] = await db()
      .select({ m: organizations.municipalityId })
      .from(organizations)
      .where(eq(organizations.id, c.orgs[2]!.id));
    other = moved!.m;
  });
  const municipal = (territoryId: number | null): Caller => ({
    role: 'municipal',
    userId: 1,
    territoryId,
    label: 'МОУО',
  });

  it('service: own municipality only, totals of it alone', async () => {
    const p = await app.services.surveyModeration.progress(municipal(own), c.campaignId);
    expect(p.organizations.map((o) => o.organizationId).sort()).toEqual(
      [c.orgs[0]!.id, c.orgs[1]!.id, c.orgs[3]!.id].sort(),
    );
    expect(p.municipalities.map((m) => m.municipalityId)).toEqual([own]);
    expect(p.totals).toMatchObject({ organizations: 3, lagging: 1, required: 64, counted: 39 });
    const theirs = await app.services.surveyModeration.progress(municipal(other), c.campaignId);
    expect(theirs.organizations.map((o) => o.organizationId)).toEqual([c.orgs[2]!.id]);
    expect(theirs.totals).toMatchObject({ organizations: 1, required: 600, counted: 200 });
  });

  it('service: a municipal user without a municipality is refused', async () => {
    await expect(
      app.services.surveyModeration.progress(municipal(null), c.campaignId),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('API: the same narrowing; moderation stays closed to municipal users', async () => {
    const who = await loginAs(app, db(), 'municipal', { territoryId: other });
    const res = await app.request(
      `/api/v1/campaigns/${c.campaignId}/survey-progress`,
      jsonRequest(who, 'GET'),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      organizations: Array<{ organizationId: number }>;
      totals: { organizations: number };
    };
    expect(body.organizations.map((o) => o.organizationId)).toEqual([c.orgs[2]!.id]);
    expect(body.totals.organizations).toBe(1);
    const flagged = await app.request(
      `/api/v1/campaigns/${c.campaignId}/flagged-responses`,
      jsonRequest(who, 'GET'),
    );
    expect(flagged.status).toBe(403);
  });
});
