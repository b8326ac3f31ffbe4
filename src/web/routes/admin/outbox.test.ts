// The outbox pages through the built app: the administrator reads the list (Moscow time, Russian
// state words) and a message in full; other roles get 403, visitors go to the sign-in page.
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { mailOutbox } from '../../../db/schema/index.ts';
import {
  createTestApp,
  loadTestBuild,
  loginAs,
  type TestApp,
  type TestSession,
} from '../../../../test/app.ts';
import { describeBackends } from '../../../../test/db.ts';
import { ROLES } from '../../../domain/permissions/index.ts';

describeBackends('outbox pages', ({ db }) => {
  let app: TestApp;
  let admin: TestSession;
  let id: number;
  beforeAll(async () => {
    const build = await loadTestBuild();
    if (!build) throw new Error('build/ is missing: test/build-setup.ts builds the pages');
    app = createTestApp(db(), { build });
    admin = await loginAs(app, db(), 'regional_admin');
    const sent = await app.services.mail.send(undefined, {
      to: 'director@school.example.ru',
      subject: 'Напоминание об анкетировании',
      text: 'Здравствуйте!\nОсталось три дня.',
    });
    id = sent.id;
    // 2026-03-01 09:05 UTC is 12:05 in Moscow.
    await db()
      .update(mailOutbox)
      .set({ createdAt: new Date('2026-03-01T09:05:00Z') })
      .where(eq(mailOutbox.id, id));
  });
  const get = (path: string, who?: TestSession) =>
    app.request(path, who ? { headers: { cookie: who.cookie } } : {});

  it('lists messages with Moscow time, recipient, subject and state', async () => {
    const res = await get('/admin/outbox', admin);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Исходящие письма');
    expect(html).toContain('01.03.2026, 12:05');
    expect(html).toContain('director@school.example.ru');
    expect(html).toContain('Напоминание об анкетировании');
    expect(html).toContain('Не отправлялось (только здесь)');
    expect(html).toContain(`href="/admin/outbox/${id}"`);
    expect(html).toContain('Почтовый сервер не настроен');
  });

  it('shows one message in full', async () => {
    const res = await get(`/admin/outbox/${id}`, admin);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`Письмо № <!-- -->${id}`);
    expect(html).toContain('Здравствуйте!\nОсталось три дня.');
    expect((await get('/admin/outbox/999999', admin)).status).toBe(404);
    expect((await get('/admin/outbox/abc', admin)).status).toBe(404);
  });

  it('refuses every other role (403) and sends visitors to sign in', async () => {
    for (const role of ROLES.filter((r) => r !== 'regional_admin')) {
      const who = await loginAs(app, db(), role);
      expect((await get('/admin/outbox', who)).status, role).toBe(403);
      expect((await get(`/admin/outbox/${id}`, who)).status, role).toBe(403);
    }
    const anon = await get('/admin/outbox');
    expect(anon.status).toBe(302);
    expect(anon.headers.get('location')).toBe('/login?next=%2Fadmin%2Foutbox');
  });
});
