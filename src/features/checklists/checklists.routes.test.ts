// The checklists API through the whole app (sessions, CSRF, error mapping) on a real database.
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import {
  createTestApp,
  jsonRequest,
  loginAs,
  type TestApp,
  type TestSession,
} from '../../../test/app.ts';
import {
  EXE,
  JPEG,
  allItems,
  createChecklistCampaign,
  VISIT_DAY,
  type ChecklistCampaign,
} from './checklists.test-support.ts';

describeBackends('checklists API', ({ db }) => {
  let app: TestApp;
  let c: ChecklistCampaign;
  let expert: TestSession;
  let org: TestSession;
  let other: TestSession;
  beforeAll(async () => {
    app = createTestApp(db(), { now: VISIT_DAY });
    c = await createChecklistCampaign(db(), { orgs: [{ kind: 'school' }, { kind: 'vocational' }] });
    expert = await loginAs(app, db(), 'expert');
    org = await loginAs(app, db(), 'organization', { organizationId: c.orgs[0]!.id });
    other = await loginAs(app, db(), 'organization', { organizationId: c.orgs[1]!.id });
  });
  const url = (orgIndex = 0, tail = '') =>
    `/api/v1/campaigns/${c.campaignId}/checklists/${c.orgs[orgIndex]!.id}${tail}`;

  it('lists and reads checklists; an organization only its own', async () => {
    const list = await app.request(
      `/api/v1/campaigns/${c.campaignId}/checklists?status=not_started`,
      {
        headers: { cookie: expert.cookie },
      },
    );
    expect(await list.json()).toMatchObject({
      rows: [{ status: 'not_started' }, { status: 'not_started' }],
      totals: { not_started: 2 },
    });
    expect((await app.request(url(), { headers: { cookie: org.cookie } })).status).toBe(200);
    const foreign = await app.request(url(), { headers: { cookie: other.cookie } });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await app.request(url(), {})).status).toBe(403);
  });

  it('saves a self-report, sends it, and the expert confirms it', async () => {
    const declared = await app.request(
      url(),
      jsonRequest(org, 'PATCH', { side: 'declared', items: allItems('school') }),
    );
    expect(declared.status).toBe(200);
    const refused = await app.request(
      url(1),
      jsonRequest(org, 'PATCH', { side: 'declared', items: [] }),
    );
    expect(refused.status).toBe(403);
    expect((await app.request(url(0, '/submit'), jsonRequest(org, 'POST'))).status).toBe(200);

    const bad = await app.request(
      url(),
      jsonRequest(expert, 'PATCH', {
        side: 'confirmed',
        items: [{ section: 'stand', key: 'vacancies', answer: 'na' }],
      }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: {
        code: 'validation_failed',
        details: { issues: [{ path: 'items.stand.vacancies.reason' }] },
      },
    });

    const saved = await app.request(
      url(),
      jsonRequest(expert, 'PATCH', {
        side: 'confirmed',
        items: allItems('school', (_s, k) => (k === 'braille' ? 'no' : 'yes')),
        channels: ['telephone', 'email', 'e_service', 'faq', 'quality_opinion', 'other'].map(
          (key) => ({
            key,
            listed: key !== 'other',
          }),
        ),
      }),
    );
    expect(saved.status).toBe(200);
    const done = await app.request(url(0, '/complete'), jsonRequest(expert, 'POST'));
    expect(await done.json()).toMatchObject({
      status: 'confirmed',
      confirmedCounts: {
        stand: { present: 15, required: 15 },
        remoteChannels: 5,
        serviceAccessibility: 5,
      },
    });
    const diff = await app.request(url(0, '/differences'), { headers: { cookie: org.cookie } });
    expect(await diff.json()).toMatchObject({
      differences: [
        { key: 'other', declared: 'yes', confirmed: 'no' },
        { key: 'braille', declared: 'yes', confirmed: 'no' },
      ],
    });
    const reopen = await app.request(url(0, '/reopen'), jsonRequest(expert, 'POST', {}));
    expect(reopen.status).toBe(400);
  });

  it('takes photos as multipart, checks their signature, serves and deletes them', async () => {
    const send = (bytes: Uint8Array<ArrayBuffer>, name: string) => {
      const form = new FormData();
      form.set('side', 'confirmed');
      form.set('section', 'comfort');
      form.set('key', 'toilets');
      form.set('file', new File([bytes], name, { type: 'image/jpeg' }));
      return app.request(url(1, '/evidence'), {
        method: 'POST',
        headers: expert.headers,
        body: form,
      });
    };
    const bad = await send(EXE, 'photo.jpg');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { message: expect.stringMatching(/не принят/) },
    });
    const good = await send(JPEG, 'туалет.jpg');
    expect(good.status).toBe(201);
    const view = (await good.json()) as {
      sections: {
        section: string;
        items: { key: string; evidence: { id: number; href: string }[] }[];
      }[];
    };
    const ev = view.sections
      .find((s) => s.section === 'comfort')!
      .items.find((i) => i.key === 'toilets')!.evidence[0]!;
    const file = await app.request(ev.href, { headers: { cookie: expert.cookie } });
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('туалет.jpg'));
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(JPEG))).toBe(true);
    expect((await app.request(ev.href, { headers: { cookie: org.cookie } })).status).toBe(404);
    const del = await app.request(ev.href, jsonRequest(expert, 'DELETE'));
    expect(del.status).toBe(204);
    expect((await app.request(ev.href, { headers: { cookie: expert.cookie } })).status).toBe(404);
  });
});
