// The public survey form through the whole app (needs the pages build: `node
// scripts/ensure-build.ts`; skipped without it): JS-off flow, 303 to the thank-you page, error
// summary, skip logic on the server, 404/410 pages, CSRF, page weight.
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import { RouterContextProvider } from 'react-router';
import { beforeAll, expect, it } from 'vitest';
import { appContext } from '../../context.ts';
import { action, loader } from './form.ts';
import type { ServerBuild } from 'react-router';
import { describeBackends } from '../../../../test/db.ts';
import {
  anonymousVisitor,
  createTestApp,
  loadTestBuild,
  postForm,
  type TestApp,
} from '../../../../test/app.ts';
import { countFeedback } from '../../../features/feedback/feedback.repo.ts';
import { countResponses } from '../../../features/survey/survey.repo.ts';
import {
  IN_WINDOW,
  createSurveyCampaign,
  type SurveyCampaign,
} from '../../../features/survey/survey.test-support.ts';

const build: ServerBuild | undefined = await loadTestBuild();

/** The minimal valid answers as form fields. */
const fields = (): Record<string, string> => ({
  q1: 'no',
  q3: 'no',
  q5: 'yes',
  q6: 'no',
  q8: 'yes',
  q9: 'yes',
  q10: 'no',
  q12: 'yes',
  q13: 'yes',
  q14: 'yes',
});

describeBackends('survey pages', ({ db }) => {
  let app: TestApp;
  let c: SurveyCampaign;
  beforeAll(async () => {
    app = createTestApp(db(), { build: build!, now: IN_WINDOW });
    c = await createSurveyCampaign(db());
  });
  const maybe = build ? it : it.skip;

  maybe('shows the light form: fieldsets, legends, labels, CSRF, under 30 KB', async () => {
    const res = await app.request(`/s/${c.codes[0]}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    const raw = new Uint8Array(await res.arrayBuffer());
    const encoded = res.headers.get('content-encoding') === 'gzip';
    const html = new TextDecoder().decode(
      encoded ? (await import('node:zlib')).gunzipSync(raw) : raw,
    );
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('name="_csrf"');
    expect(html).toContain(c.orgs[0]!.fullName.replaceAll('«', '&#171;').slice(0, 10));
    expect(html.match(/<fieldset>/g)).toHaveLength(16); // q1–q14, q16, q18
    expect(html).toContain('Отвечайте, только если на вопрос 1 Вы ответили «Да».');
    expect(html).toContain('<label for="q17">');
    expect(html).not.toMatch(/<link rel="stylesheet"|<script src/);
    const transferred = encoded ? raw.byteLength : gzipSync(raw).byteLength;
    expect(transferred).toBeLessThan(30 * 1024);
    expect(raw.byteLength).toBeLessThan(encoded ? 10 * 1024 : 60 * 1024);
  });

  maybe('a valid post answers 303 to the thank-you page and sets the browser cookie', async () => {
    const visitor = await anonymousVisitor(app);
    const before = await countResponses(db());
    const res = await app.request(
      `/s/${c.codes[0]}`,
      postForm(visitor, { ...fields(), q15: 'Спасибо', _key: 'k1' }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/s/${c.codes[0]}/thanks`);
    expect(res.headers.getSetCookie().join()).toMatch(/noko_survey=[\w-]+; Path=\/s\//);
    expect(await countResponses(db())).toBe(before + 1);
    // The same form posted twice (double click, back and resubmit) stores once.
    const again = await app.request(
      `/s/${c.codes[0]}`,
      postForm(visitor, { ...fields(), q15: 'Спасибо', _key: 'k1' }),
    );
    expect(again.status).toBe(303);
    expect(await countResponses(db())).toBe(before + 1);
    const thanks = await app.request(`/s/${c.codes[0]}/thanks`);
    expect(thanks.status).toBe(200);
    expect(await thanks.text()).toContain('Спасибо! Ваш ответ');
  });

  maybe('an incomplete post shows the error summary and keeps the answers', async () => {
    const visitor = await anonymousVisitor(app);
    const before = await countResponses(db());
    const { q14: _q14, ...rest } = fields();
    const res = await app.request(
      `/s/${c.codes[0]}`,
      postForm(visitor, { ...rest, q1: 'yes', q17: '7' }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="errors" role="alert"');
    expect(html).toContain('href="#q2-0">Вопрос 2: нужен ответ «Да» или «Нет»');
    expect(html).toContain('Вопрос 14: нужен ответ');
    expect(html).toContain('Вопрос 17: возраст должен быть от 14 до 100 лет');
    expect(html).toMatch(/name="q1" value="yes" checked/);
    expect(await countResponses(db())).toBe(before);
  });

  maybe('without JavaScript an answer under a «Нет» filter is dropped, not stored', async () => {
    const visitor = await anonymousVisitor(app);
    const res = await app.request(
      `/s/${c.codes[1]}`,
      postForm(visitor, { ...fields(), q2: 'yes' }),
    );
    expect(res.status).toBe(303);
    const stats = await app.services.survey.stats(
      { role: 'regional_admin', label: 't' },
      c.campaignId,
    );
    expect(stats.organizations.find((o) => o.code === c.codes[1])!.survey.q2).toBe(0);
  });

  maybe('a post without the CSRF token is refused', async () => {
    const before = await countResponses(db());
    const res = await app.request(`/s/${c.codes[0]}`, postForm(null, fields()));
    expect(res.status).toBe(403);
    expect(await countResponses(db())).toBe(before);
  });

  maybe('unknown and not yet open codes get Russian 404 and 410 pages', async () => {
    const unknown = await app.request('/s/ZZZZZZZZ');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Анкета не найдена');
    const closed = await createSurveyCampaign(db(), { status: 'list_approved', organizations: 1 });
    const gone = await app.request(`/s/${closed.codes[0]}`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('Анкета закрыта');
    const visitor = await anonymousVisitor(app);
    const post = await app.request(`/s/${closed.codes[0]}`, postForm(visitor, fields()));
    expect(post.status).toBe(410);
  });

  maybe(
    'outside the collection window the form says so and keeps the answer, flagged',
    async () => {
      const late = await createSurveyCampaign(db(), { end: '2026-04-01', organizations: 1 });
      const page = await app.request(`/s/${late.codes[0]}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(
        'Сроки сбора ответов об этой организации: с 01.03.2026 по 01.04.2026',
      );
      const visitor = await anonymousVisitor(app);
      const res = await app.request(`/s/${late.codes[0]}`, postForm(visitor, fields()));
      expect(res.status).toBe(303);
      const stats = await app.services.survey.stats(
        { role: 'regional_admin', label: 't' },
        late.campaignId,
      );
      expect(stats.organizations[0]).toMatchObject({ valid: 0, flagged: 1 });
    },
  );

  maybe(
    'after collection the same address takes feedback, marked clearly, never counted',
    async () => {
      const done = await createSurveyCampaign(db(), { status: 'published', organizations: 1 });
      const page = await app.request(`/s/${done.codes[0]}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Сбор данных независимой оценки завершён; ваш отзыв будет передан');
      expect(html).toContain('Отзыв получателя услуг');
      const visitor = await anonymousVisitor(app);
      const responses = await countResponses(db());
      const feedback = await countFeedback(db());
      const res = await app.request(
        `/s/${done.codes[0]}`,
        postForm(visitor, { ...fields(), _key: 'fb-form-1' }),
      );
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/s/${done.codes[0]}/thanks`);
      expect(await countResponses(db())).toBe(responses);
      expect(await countFeedback(db())).toBe(feedback + 1);
      const thanks = await app.request(`/s/${done.codes[0]}/thanks`);
      expect(await thanks.text()).toContain('Спасибо! Ваш отзыв сохранён.');
      // Invalid feedback gets the error summary like a questionnaire.
      const bad = await app.request(`/s/${done.codes[0]}`, postForm(visitor, { q1: 'yes' }));
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('id="errors" role="alert"');
      expect(await countFeedback(db())).toBe(feedback + 1);
    },
  );
});

// The dev server reaches the same handlers through React Router's loader and action.
describeBackends('survey page route module', ({ db }) => {
  it('the loader and action of /s/:code answer like the production fast path', async () => {
    const app = createTestApp(db(), { now: IN_WINDOW });
    const c = await createSurveyCampaign(db(), { organizations: 1 });
    const context = new RouterContextProvider();
    context.set(appContext, {
      config: app.config,
      logger: pino({ level: 'silent' }),
      requestId: 'r',
      cspNonce: 'n',
      services: app.services,
      caller: { role: 'public', label: 'гость' },
      user: null,
      csrfToken: 'token',
    });
    const url = `http://localhost/s/${c.codes[0]}`;
    const params = { code: c.codes[0]! };
    const page = await loader({ request: new Request(url), params, context } as never);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="_csrf" value="token"');
    const before = await countResponses(db());
    const posted = await action({
      request: new Request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields()).toString(),
      }),
      params,
      context,
    } as never);
    expect(posted.status).toBe(303);
    expect(await countResponses(db())).toBe(before + 1);
  });
});
