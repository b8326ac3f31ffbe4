// User administration and own password change over a real database (both backends).
import { beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeBackends } from '../../../test/db.ts';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../../test/app.ts';
import { createOrganizationRow, createRegion, type RegionFixture } from '../../../test/fixtures.ts';
import { auditLog, sessions } from '../../db/schema/index.ts';
import { ROLES } from '../../domain/permissions/index.ts';

describeBackends('accounts service', ({ db }) => {
  let app: TestApp;
  let admin: TestSession;
  let r: RegionFixture;
  beforeAll(async () => {
    app = createTestApp(db(), { now: new Date('2026-03-02T08:00:00Z') });
    admin = await loginAs(app, db(), 'regional_admin');
    r = await createRegion(db());
  });
  const accounts = () => app.services.accounts;
  const auditOf = (id: number) =>
    db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, String(id))));

  it.each(ROLES.filter((role) => role !== 'regional_admin'))(
    'refuses user administration to %s',
    async (role) => {
      const s = await loginAs(app, db(), role);
      await expect(accounts().list(s.caller)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        accounts().create(s.caller, { email: 'x@example.ru', fullName: 'Икс Икс', role: 'expert' }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(accounts().deactivate(s.caller, admin.user.id)).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(accounts().resetPassword(s.caller, admin.user.id)).rejects.toMatchObject({
        code: 'forbidden',
      });
    },
  );

  it('creates users with a generated password shown once, audited', async () => {
    const { user, password } = await accounts().create(admin.caller, {
      email: 'Expert@Example.RU',
      fullName: 'Петров Пётр Петрович',
      role: 'expert',
    });
    expect(user).toMatchObject({ email: 'expert@example.ru', role: 'expert', active: true });
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const login = await app.services.auth.login({ email: user.email, password: password! });
    expect(login.user.id).toBe(user.id);
    const [entry] = await auditOf(user.id);
    expect(entry).toMatchObject({ action: 'user.create', actorUserId: admin.user.id });
    expect(JSON.stringify(entry)).not.toContain(password!);
    // A set password is not echoed back.
    const second = await accounts().create(admin.caller, {
      email: 'council2@example.ru',
      fullName: 'Сидорова Анна',
      role: 'council',
      password: 'a-long-password',
    });
    expect(second.password).toBeNull();
  });

  it('requires the scope of municipal and organization users', async () => {
    const org = await createOrganizationRow(db(), r);
    await expect(
      accounts().create(admin.caller, {
        email: 'mo@example.ru',
        fullName: 'Муниципал',
        role: 'municipal',
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ path: 'territoryId' }] },
    });
    await expect(
      accounts().create(admin.caller, {
        email: 'mo@example.ru',
        fullName: 'Муниципал',
        role: 'municipal',
        territoryId: r.region.id, // a region is not a municipality
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const mo = await accounts().create(admin.caller, {
      email: 'mo@example.ru',
      fullName: 'Муниципал',
      role: 'municipal',
      territoryId: String(r.municipalities[1].id),
    });
    expect(mo.user).toMatchObject({
      territoryId: r.municipalities[1].id,
      territoryName: r.municipalities[1].name,
    });
    await expect(
      accounts().create(admin.caller, {
        email: 'org@example.ru',
        fullName: 'Школа',
        role: 'organization',
        organization: '000',
      }),
    ).rejects.toMatchObject({ details: { issues: [{ path: 'organization' }] } });
    const school = await accounts().create(admin.caller, {
      email: 'org@example.ru',
      fullName: 'Директор школы',
      role: 'organization',
      organization: org.inn,
    });
    expect(school.user).toMatchObject({ organizationId: org.id, organizationName: org.shortName });
    await expect(
      accounts().create(admin.caller, {
        email: 'ORG@example.ru',
        fullName: 'Дубль',
        role: 'expert',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(
      (await accounts().list(admin.caller, { role: 'municipal' })).map((u) => u.email),
    ).toContain('mo@example.ru');
  });

  it('deactivates (ending sessions) and reactivates, audited; never oneself', async () => {
    const s = await loginAs(app, db(), 'operator');
    const off = await accounts().deactivate(admin.caller, s.user.id);
    expect(off.active).toBe(false);
    expect(await db().select().from(sessions).where(eq(sessions.userId, s.user.id))).toEqual([]);
    await expect(
      app.services.auth.login({ email: s.user.email, password: s.password }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await accounts().reactivate(admin.caller, s.user.id)).active).toBe(true);
    expect((await auditOf(s.user.id)).map((e) => e.action)).toEqual([
      'user.deactivate',
      'user.reactivate',
    ]);
    await expect(accounts().deactivate(admin.caller, admin.user.id)).rejects.toMatchObject({
      code: 'invalid_state',
    });
  });

  it('resets a password: the old one stops working, sessions end, audited', async () => {
    const s = await loginAs(app, db(), 'expert');
    const { password } = await accounts().resetPassword(admin.caller, s.user.id);
    expect(await app.services.auth.resolve(s.cookie.split('=')[1])).toBeNull();
    await expect(
      app.services.auth.login({ email: s.user.email, password: s.password }),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    expect((await app.services.auth.login({ email: s.user.email, password })).user.id).toBe(
      s.user.id,
    );
    expect((await auditOf(s.user.id)).map((e) => e.action)).toEqual([
      'user.resetPassword',
      'login',
    ]);
  });

  it('changes the own password, keeping only the current session, audited', async () => {
    const s = await loginAs(app, db(), 'council');
    const other = await app.services.auth.startSession(s.user.id);
    const input = {
      currentPassword: s.password,
      newPassword: 'new-password-1',
      confirmPassword: 'new-password-1',
    };
    await expect(
      accounts().changeOwnPassword(s.caller, s.sessionId, { ...input, currentPassword: 'wrong' }),
    ).rejects.toMatchObject({ details: { issues: [{ path: 'currentPassword' }] } });
    await expect(
      accounts().changeOwnPassword(s.caller, s.sessionId, {
        ...input,
        confirmPassword: 'other-one-1',
      }),
    ).rejects.toMatchObject({ details: { issues: [{ path: 'confirmPassword' }] } });
    await accounts().changeOwnPassword(s.caller, s.sessionId, input);
    expect(await app.services.auth.resolve(other.token)).toBeNull();
    expect((await app.services.auth.resolve(s.cookie.split('=')[1]))?.user.id).toBe(s.user.id);
    const [entry] = await auditOf(s.user.id);
    expect(entry).toMatchObject({ action: 'user.changePassword', actorUserId: s.user.id });
  });
});
