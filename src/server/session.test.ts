// Session and CSRF middleware over a real database (both backends), through the whole app.
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeBackends } from '../../test/db.ts';
import {
  anonymousVisitor,
  createTestApp,
  jsonRequest,
  loginAs,
  postForm,
  type TestApp,
} from '../../test/app.ts';
import { sessions } from '../db/schema/index.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../features/accounts/session-policy.ts';
import { CLIENT_HASH_HEADER } from '../features/accounts/cookies.ts';
import { anonymousCsrf } from './session.ts';
import type { Context } from 'hono';
import type { ApiRoutes, AppEnv } from './types.ts';

/** Echoes who the middleware decided the caller is. */
const whoami: ApiRoutes = (api) => {
  const handler = (c: Context<AppEnv>) =>
    c.json({
      role: c.get('caller').role,
      userId: c.get('user')?.id ?? null,
      hasCsrf: c.get('csrfToken') !== '',
      clientHash: c.req.header(CLIENT_HASH_HEADER) ?? null,
    });
  api.get('/whoami', handler);
  api.post('/whoami', handler);
  api.post('/public/ping', handler);
  api.post('/form', async (c) => c.json(Object.fromEntries(await c.req.formData())));
};

const T0 = new Date('2026-03-02T08:00:00Z');

describeBackends('session middleware', ({ db }) => {
  let app: TestApp;
  beforeAll(() => {
    app = createTestApp(db(), { now: T0, apiRoutes: [whoami] });
  });
  const who = async (init?: RequestInit, path = '/api/v1/whoami') =>
    (await (await app.request(path, init)).json()) as { role: string; userId: number | null };

  it('is public without a cookie and the user with one', async () => {
    expect(await who()).toMatchObject({ role: 'public', userId: null });
    const s = await loginAs(app, db(), 'operator');
    expect(await who({ headers: { cookie: s.cookie } })).toMatchObject({
      role: 'operator',
      userId: s.user.id,
    });
  });

  it('ignores unknown tokens and clears the stale cookie', async () => {
    const res = await app.request('/api/v1/whoami', { headers: { cookie: 'noko_session=nope' } });
    expect(((await res.json()) as { role: string }).role).toBe('public');
    expect(res.headers.getSetCookie().join()).toMatch(/noko_session=; Path=\/.*Max-Age=0/);
  });

  it('expires after idle time and after the absolute lifetime, sliding in between', async () => {
    app.clock.now = T0;
    const s = await loginAs(app, db(), 'expert');
    const at = (ms: number) => (app.clock.now = new Date(T0.getTime() + ms));
    at(SESSION_IDLE_MS - 60_000);
    expect((await who({ headers: { cookie: s.cookie } })).role).toBe('expert'); // slides
    at(2 * SESSION_IDLE_MS - 120_000);
    expect((await who({ headers: { cookie: s.cookie } })).role).toBe('expert');
    at(3 * SESSION_IDLE_MS);
    expect((await who({ headers: { cookie: s.cookie } })).role).toBe('public');

    app.clock.now = T0;
    const t = await loginAs(app, db(), 'expert');
    for (let ms = 0; ms < SESSION_ABSOLUTE_MS; ms += SESSION_IDLE_MS / 2) {
      at(ms);
      expect((await who({ headers: { cookie: t.cookie } })).role).toBe('expert');
    }
    at(SESSION_ABSOLUTE_MS + 1);
    expect((await who({ headers: { cookie: t.cookie } })).role).toBe('public');
    app.clock.now = T0;
  });

  it('throttles lastSeenAt writes', async () => {
    app.clock.now = T0;
    const s = await loginAs(app, db(), 'council');
    const seen = async () =>
      (await db().select().from(sessions).where(eq(sessions.id, s.sessionId)))[0]!.lastSeenAt;
    app.clock.now = new Date(T0.getTime() + 60_000);
    await who({ headers: { cookie: s.cookie } });
    expect(await seen()).toEqual(T0);
    app.clock.now = new Date(T0.getTime() + 10 * 60_000);
    await who({ headers: { cookie: s.cookie } });
    expect(await seen()).toEqual(app.clock.now);
    app.clock.now = T0;
  });

  describe('CSRF', () => {
    it.each([
      ['missing', undefined, 403],
      ['wrong', 'x'.repeat(43), 403],
      ['right', 'RIGHT', 200],
    ])('session API call with %s token → %i', async (_label, token, status) => {
      const s = await loginAs(app, db(), 'operator');
      const headers: Record<string, string> = { cookie: s.cookie };
      if (token) headers['x-csrf-token'] = token === 'RIGHT' ? s.csrfToken : token;
      const res = await app.request('/api/v1/whoami', { method: 'POST', headers });
      expect(res.status).toBe(status);
      if (status === 403) {
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('csrf_failed');
        expect(body.error.message).toMatch(/Обновите страницу/);
      }
    });

    it('checks the _csrf field of form posts and answers pages with a Russian page', async () => {
      const s = await loginAs(app, db(), 'operator');
      const bad = await app.request('/campaigns/1', postForm({ ...s, csrfToken: 'forged' }));
      expect(bad.status).toBe(403);
      expect(bad.headers.get('content-type')).toMatch(/text\/html/);
      expect(await bad.text()).toContain('Не удалось подтвердить отправку формы');
      const none = await app.request('/campaigns/1', postForm(null, {}));
      expect(none.status).toBe(403);
      // Right token: passes the middleware (pages are not built here → 503).
      expect((await app.request('/campaigns/1', postForm(s))).status).toBe(503);
    });

    it('protects anonymous forms with the signed double-submit cookie', async () => {
      const visitor = await anonymousVisitor(app);
      expect((await app.request('/login', postForm(visitor, { email: 'a@b.ru' }))).status).toBe(
        503,
      );
      const other = await anonymousVisitor(app);
      const mixed = { cookie: visitor.cookie, csrfToken: other.csrfToken };
      expect((await app.request('/login', postForm(mixed))).status).toBe(403);
      // A forged pair the server never signed.
      const forged = 'abc.def';
      expect(
        (
          await app.request(
            '/login',
            postForm({ cookie: `noko_csrf=${forged}`, csrfToken: forged }),
          )
        ).status,
      ).toBe(403);
      // Another process (another key) did not sign this one either.
      const foreign = anonymousCsrf('other key').issue();
      expect(
        (
          await app.request(
            '/login',
            postForm({ cookie: `noko_csrf=${foreign}`, csrfToken: foreign }),
          )
        ).status,
      ).toBe(403);
    });

    it('leaves the form body readable after checking its _csrf field', async () => {
      const s = await loginAs(app, db(), 'operator');
      const res = await app.request('/api/v1/form', postForm(s, { name: 'Школа № 1' }));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ _csrf: s.csrfToken, name: 'Школа № 1' });
    });

    it('lets cookie-less JSON clients and the public prefix through', async () => {
      expect((await app.request('/api/v1/whoami', jsonRequest(null, 'POST', {}))).status).toBe(200);
      const s = await loginAs(app, db(), 'operator');
      // With cookies a JSON call must carry the token.
      const withCookie = await app.request('/api/v1/whoami', {
        method: 'POST',
        headers: { cookie: s.cookie, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(withCookie.status).toBe(403);
      // text/plain is a "simple" type a cross-site page can send: checked even without cookies.
      const plain = await app.request('/api/v1/whoami', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'x',
      });
      expect(plain.status).toBe(403);
      const pub = await app.request('/api/v1/public/ping', {
        method: 'POST',
        headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'a=1',
      });
      expect(pub.status).toBe(200);
    });

    it('replaces a client-supplied address hash', async () => {
      const res = await app.request('/api/v1/whoami', {
        method: 'POST',
        headers: { [CLIENT_HASH_HEADER]: 'spoofed', 'x-forwarded-for': '203.0.113.9' },
      });
      const body = (await res.json()) as { clientHash: string };
      expect(body.clientHash).toMatch(/^[0-9a-f]{64}$/);
    });
  });
});

describe('cookies', () => {
  it.each([
    ['http://127.0.0.1:3000', 'noko_csrf=', false],
    ['https://nok.example.ru', '__Host-noko_csrf=', true],
  ])('for %s', async (url, prefix, secure) => {
    // No database needed: anonymous page views only.
    const app = createTestApp(null as never, { env: { PUBLIC_URL: url } });
    const res = await app.request('/login');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(prefix));
    expect(cookie).toBeDefined();
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie!.includes('Secure')).toBe(secure);
    // Only pages get one.
    expect((await app.request('/api/v1/meta')).headers.getSetCookie()).toEqual([]);
  });
});
