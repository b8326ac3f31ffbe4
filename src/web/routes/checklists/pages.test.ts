// The checklist pages through the whole app (needs the pages build; skipped without it): the
// expert's section-by-section flow without JavaScript, errors that keep the answers, photos in the
// same multipart post, the organization's self-report and its limits, the review and confirmation.
import { beforeAll, expect, it } from 'vitest';
import type { ServerBuild } from 'react-router';
import { describeBackends } from '../../../../test/db.ts';
import {
  createTestApp,
  loadTestBuild,
  loginAs,
  postForm,
  type TestApp,
  type TestSession,
} from '../../../../test/app.ts';
import {
  EXE,
  JPEG,
  allItems,
  createChecklistCampaign,
  VISIT_DAY,
  type ChecklistCampaign,
} from '../../../features/checklists/checklists.test-support.ts';

const build: ServerBuild | undefined = await loadTestBuild();
const page = async (res: Response) => (await res.text()).replaceAll('<!-- -->', '');

describeBackends('checklist pages', ({ db }) => {
  let app: TestApp;
  let c: ChecklistCampaign;
  let expert: TestSession;
  let org: TestSession;
  beforeAll(async () => {
    app = createTestApp(db(), { now: VISIT_DAY, ...(build ? { build } : {}) });
    c = await createChecklistCampaign(db(), { orgs: [{ kind: 'school' }, { kind: 'preschool' }] });
    expert = await loginAs(app, db(), 'expert', { fullName: 'Эксперт Волков' });
    org = await loginAs(app, db(), 'organization', { organizationId: c.orgs[0]!.id });
  });
  const maybe = build ? it : it.skip;
  const base = (i = 0) => `/campaigns/${c.campaignId}/checklists/${c.orgs[i]!.id}`;
  const get = (who: TestSession, path: string) =>
    app.request(path, { headers: { cookie: who.cookie } });
  const multipart = (who: TestSession, path: string, fields: Record<string, string | File>) => {
    const form = new FormData();
    form.set('_csrf', who.csrfToken);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return app.request(path, { method: 'POST', headers: { cookie: who.cookie }, body: form });
  };
  const standFields = (kind: 'school' | 'preschool') =>
    Object.fromEntries(
      allItems(kind)
        .filter((i) => i.section === 'stand')
        .map((i) => [`answer.${i.key}`, 'yes']),
    );

  maybe('lists the campaign organizations for the expert', async () => {
    const html = await page(await get(expert, `/campaigns/${c.campaignId}/checklists`));
    expect(html).toContain('Чек-листы экспертов');
    expect(html).toContain(c.orgs[0]!.shortName);
    expect(html).toContain('Не начат — 2');
  });

  maybe('walks the sections without JavaScript, one per screen', async () => {
    const first = await page(await get(expert, base()));
    expect(first).toContain('name="_csrf"');
    expect(first).toMatch(/enctype="multipart\/form-data"/i);
    expect(first).toMatch(/<legend[^>]*>1\. Полное и сокращённое наименование/);
    expect(first).toContain('aria-current="step"');
    const saved = await multipart(expert, base(), {
      step: 'stand',
      intent: 'next',
      ...standFields('school'),
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get('location')).toBe(`${base()}?section=site&saved=stand`);
    const next = await page(await get(expert, saved.headers.get('location')!));
    expect(next).toContain('Раздел «Стенды» сохранён.');
    expect(next).toContain('Официальный сайт');
    expect(next).toContain('1. Стенды · 15 из 15');
  });

  maybe('keeps the answers and names the field when a save is refused', async () => {
    const res = await multipart(expert, `${base()}?section=comfort`, {
      step: 'comfort',
      intent: 'save',
      'answer.rest_area': 'yes',
      'answer.navigation': 'na',
      'reason.navigation': '',
    });
    expect(res.status).toBe(400);
    const html = await page(res);
    expect(html).toContain('Раздел не сохранён');
    expect(html).toContain('укажите причину, по которой пункт не применим');
    expect(html).toContain('href="#reason.navigation"');
    expect(html).toContain('name="answer.rest_area" checked="" value="yes"');
    expect(html).toContain('class="cl-item cl-invalid"');
  });

  maybe('takes photos with the answers and refuses a file that is not a photo', async () => {
    const bad = await multipart(expert, base(), {
      step: 'comfort',
      intent: 'save',
      'answer.toilets': 'yes',
      'file.toilets': new File([EXE], 'фото.jpg', { type: 'image/jpeg' }),
    });
    expect(bad.status).toBe(400);
    expect(await page(bad)).toContain('«фото.jpg» не принят');
    const good = await multipart(expert, base(), {
      step: 'comfort',
      intent: 'save',
      'answer.toilets': 'yes',
      'file.toilets': new File([JPEG], 'туалет.jpg', { type: 'image/jpeg' }),
    });
    expect(good.status).toBe(302);
    const html = await page(await get(expert, `${base()}?section=comfort`));
    expect(html).toContain('туалет.jpg');
    expect(html).toContain('(материалов: 1)');
  });

  maybe('sends the organization to its own self-report and keeps it out of others', async () => {
    const list = await get(org, `/campaigns/${c.campaignId}/checklists`);
    expect(list.status).toBe(302);
    expect(list.headers.get('location')).toBe(`${base()}/self-report`);
    expect((await get(org, `${base(1)}/self-report`)).status).toBe(403);
    expect((await get(org, base())).status).toBe(403);
    const html = await page(await get(org, `${base()}/self-report`));
    // The expert already started: the organization can only look.
    expect(html).toContain('изменения вносит эксперт');
  });

  maybe('lets an organization fill and send its self-report', async () => {
    const own = await loginAs(app, db(), 'organization', { organizationId: c.orgs[1]!.id });
    const url = `${base(1)}/self-report`;
    const saved = await app.request(
      url,
      postForm(own, { step: 'stand', intent: 'next', ...standFields('preschool') }),
    );
    expect(saved.headers.get('location')).toBe(`${url}?section=remoteChannels&saved=stand`);
    const send = await page(await get(own, `${url}?section=send`));
    expect(send).toContain('Осталось ответить на пункты (22)');
    const refused = await app.request(url, postForm(own, { intent: 'submit' }));
    expect(refused.status).toBe(400);
    for (const section of ['remoteChannels', 'comfort', 'premises', 'services'] as const) {
      const fields = Object.fromEntries(
        allItems('preschool')
          .filter((i) => i.section === section)
          .map((i) => [`answer.${i.key}`, 'yes']),
      );
      await app.request(url, postForm(own, { step: section, intent: 'next', ...fields }));
    }
    const sent = await app.request(url, postForm(own, { intent: 'submit' }));
    expect(sent.status).toBe(302);
    expect(await page(await get(own, `${url}?section=send`))).toContain(
      'Самообследование отправлено',
    );
  });

  maybe('shows declared versus confirmed and confirms from the review', async () => {
    const svc = app.services.checklists;
    await svc.save(expert.caller, c.campaignId, c.orgs[1]!.id, {
      side: 'confirmed',
      items: allItems('preschool', (_s, k) => (k === 'ramps' ? 'no' : 'yes')),
      channels: ['telephone', 'email', 'e_service', 'faq', 'quality_opinion', 'other'].map(
        (key) => ({
          key,
          listed: true,
        }),
      ),
    });
    const url = `${base(1)}/review`;
    const html = await page(await get(expert, url));
    expect(html).toContain('Расхождений заявленного и подтверждённого: 1');
    expect(html).toContain('Расхождение');
    const done = await app.request(url, postForm(expert, { intent: 'complete' }));
    expect(done.status).toBe(302);
    const after = await page(await get(expert, url));
    expect(after).toContain('Подтверждён экспертом');
    expect(after).toContain('Открыть заново');
    const noReason = await app.request(url, postForm(expert, { intent: 'reopen', reason: '' }));
    expect(noReason.status).toBe(400);
  });
});
