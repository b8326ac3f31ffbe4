// The sign-in, sign-out and user administration pages through the whole app (needs the pages
// build: `node scripts/ensure-build.ts`; skipped without it).
import { beforeAll, expect, it } from 'vitest';
import type { ServerBuild } from 'react-router';
import { describeBackends } from '../../../../test/db.ts';
import {
  anonymousVisitor,
  createTestApp,
  loadTestBuild,
  loginAs,
  postForm,
  type TestApp,
} from '../../../../test/app.ts';

const build: ServerBuild | undefined = await loadTestBuild();

describeBackends('accounts pages', ({ db }) => {
  let app: TestApp;
  beforeAll(() => {
    app = createTestApp(db(), { build: build! });
  });
  const maybe = build ? it : it.skip;

  maybe('signs in, keeps the e-mail on failure and redirects only within the site', async () => {
    const s = await loginAs(app, db(), 'operator');
    const page = await app.request('/login?next=/campaigns');
    const html = await page.text();
    expect(html).toContain('name="_csrf"');
    expect(html).toContain('value="/campaigns"');
    const visitor = await anonymousVisitor(app);

    const bad = await app.request(
      '/login',
      postForm(visitor, { email: s.user.email, password: 'wrong-password' }),
    );
    expect(bad.status).toBe(401);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Неверный адрес электронной почты или пароль');
    expect(badHtml).toContain(`value="${s.user.email}"`);
    expect(badHtml).toContain('role="alert"');

    for (const [next, location] of [
      ['/campaigns?x=1', '/campaigns?x=1'],
      ['https://evil.example/', '/dashboard'],
      ['//evil.example', '/dashboard'],
    ] as const) {
      const ok = await app.request(
        '/login',
        postForm(visitor, { email: s.user.email, password: s.password, next }),
      );
      expect(ok.status).toBe(302);
      expect(ok.headers.get('location')).toBe(location);
      const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('noko_session='));
      expect(cookie).toMatch(/HttpOnly; SameSite=Lax/);
    }
  });

  maybe('refuses a login form post without the CSRF token', async () => {
    const res = await app.request('/login', postForm(null, { email: 'a@b.ru', password: 'x' }));
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Обновите страницу');
  });

  maybe('logs out', async () => {
    const s = await loginAs(app, db(), 'expert');
    const res = await app.request('/logout', postForm(s));
    expect(res.status).toBe(302);
    expect(res.headers.getSetCookie().join()).toMatch(/noko_session=;.*Max-Age=0/);
    expect(await app.services.auth.resolve(s.cookie.split('=')[1])).toBeNull();
  });

  maybe('guards /admin/users: login redirect, 403, then the list', async () => {
    const anon = await app.request('/admin/users?role=expert');
    expect(anon.status).toBe(302);
    expect(anon.headers.get('location')).toBe('/login?next=%2Fadmin%2Fusers%3Frole%3Dexpert');
    const op = await loginAs(app, db(), 'operator');
    const forbidden = await app.request('/admin/users', { headers: { cookie: op.cookie } });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toContain('Недостаточно прав');
    const admin = await loginAs(app, db(), 'regional_admin', { fullName: 'Соколова Ирина' });
    const list = await app.request('/admin/users', { headers: { cookie: admin.cookie } });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('Соколова Ирина');
  });

  maybe('creates a user from the form and shows the password once', async () => {
    const admin = await loginAs(app, db(), 'regional_admin');
    const res = await app.request(
      '/admin/users/new',
      postForm(admin, {
        email: 'new.expert@example.ru',
        fullName: 'Новиков Н. Н.',
        role: 'expert',
      }),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Пароль показан один раз');
  });
});
