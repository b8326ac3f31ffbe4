// Sign-in, throttling, sessions and logout over a real database (both backends).
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { describeBackends } from '../../../test/db.ts';
import { parseConfig } from '../../config.ts';
import { loginAttempts, sessions, users } from '../../db/schema/index.ts';
import { DEFAULT_THROTTLE } from '../../domain/accounts/throttle.ts';
import {
  DEFAULT_AFTER_LOGIN,
  INACTIVE_MESSAGE,
  LOGIN_FAILED_MESSAGE,
  safeNextPath,
} from './accounts.schema.ts';
import { createAuthService } from './auth.service.ts';
import { hashPassword } from './password.ts';
import { IP_THROTTLE } from './session-policy.ts';
import { recordAttempt } from './sessions.repo.ts';
import { sha256Hex } from './tokens.ts';
import { createUser } from './users.repo.ts';

const PASSWORD = 'correct-horse-2026';

describeBackends('auth service', ({ db }) => {
  const clock = { now: new Date('2026-03-02T08:00:00Z') };
  let auth: ReturnType<typeof createAuthService>;
  let hash: string;
  beforeAll(async () => {
    auth = createAuthService({
      db: db(),
      config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      logger: pino({ level: 'silent' }),
      now: () => clock.now,
    });
    hash = await hashPassword(PASSWORD);
  });
  let n = 0;
  const user = (extra: { active?: boolean } = {}) =>
    createUser(db(), {
      email: `User${++n}@Example.RU`,
      fullName: `Пользователь ${n}`,
      role: 'operator',
      passwordHash: hash,
      ...extra,
    });

  it('signs in with any letter case of the e-mail and stores only the token hash', async () => {
    const u = await user();
    const s = await auth.login({ email: ` USER${n}@example.ru `, password: PASSWORD });
    expect(s.user).toMatchObject({ id: u.id, role: 'operator' });
    expect(s.token).toMatch(/^[\w-]{43}$/);
    const [row] = await db()
      .select()
      .from(sessions)
      .where(eq(sessions.id, sha256Hex(s.token)));
    expect(row?.userId).toBe(u.id);
    expect(JSON.stringify(row)).not.toContain(s.token);
    expect((await auth.resolve(s.token))?.user.id).toBe(u.id);
    const [after] = await db().select().from(users).where(eq(users.id, u.id));
    expect(after?.lastLoginAt).toEqual(clock.now);
  });

  it.each([
    ['wrong password', (e: string) => ({ email: e, password: 'nope-nope-nope' })],
    ['unknown e-mail', () => ({ email: 'nobody@example.ru', password: PASSWORD })],
    ['empty input', () => ({ email: '', password: '' })],
  ])('refuses a %s with the one generic message', async (_label, input) => {
    const u = await user();
    await expect(auth.login(input(u.email))).rejects.toMatchObject({
      code: 'unauthenticated',
      message: LOGIN_FAILED_MESSAGE,
    });
  });

  it('refuses an inactive user (only after the right password)', async () => {
    const u = await user({ active: false });
    await expect(auth.login({ email: u.email, password: 'wrong-wrong' })).rejects.toMatchObject({
      message: LOGIN_FAILED_MESSAGE,
    });
    await expect(auth.login({ email: u.email, password: PASSWORD })).rejects.toMatchObject({
      code: 'forbidden',
      message: INACTIVE_MESSAGE,
    });
  });

  it('drops the session of a user deactivated later', async () => {
    const u = await user();
    const s = await auth.login({ email: u.email, password: PASSWORD });
    await db().update(users).set({ active: false }).where(eq(users.id, u.id));
    expect(await auth.resolve(s.token)).toBeNull();
  });

  it('throttles an e-mail after repeated failures, even for the right password', async () => {
    const u = await user();
    for (let i = 0; i < DEFAULT_THROTTLE.maxFailures; i++) {
      await expect(auth.login({ email: u.email, password: 'bad-password' })).rejects.toMatchObject({
        code: 'unauthenticated',
      });
    }
    await expect(auth.login({ email: u.email, password: PASSWORD })).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/Слишком много неудачных попыток входа/),
    });
    const keys = await db()
      .select()
      .from(loginAttempts)
      .where(eq(loginAttempts.key, `email:${u.email}`));
    expect(keys).toHaveLength(DEFAULT_THROTTLE.maxFailures);
    clock.now = new Date(clock.now.getTime() + DEFAULT_THROTTLE.windowMs + 1000);
    expect((await auth.login({ email: u.email, password: PASSWORD })).user.id).toBe(u.id);
  });

  it('throttles a client address across e-mails', async () => {
    const clientHash = sha256Hex('client:198.51.100.7');
    // The first failures straight into the attempt log (each real one costs an argon2id
    // verification); the last ones through login, each with another e-mail.
    for (let i = 0; i < IP_THROTTLE.maxFailures - 3; i++)
      await recordAttempt(db(), `ip:${clientHash}`, clock.now, false);
    for (let i = 0; i < 3; i++) {
      await expect(
        auth.login({ email: `guess${i}@example.ru`, password: 'x', clientHash }),
      ).rejects.toMatchObject({ code: 'unauthenticated' });
    }
    const u = await user();
    await expect(
      auth.login({ email: u.email, password: PASSWORD, clientHash }),
    ).rejects.toMatchObject({ code: 'rate_limited' });
    // Another address is not affected.
    const other = sha256Hex('client:198.51.100.8');
    expect(
      (await auth.login({ email: u.email, password: PASSWORD, clientHash: other })).user.id,
    ).toBe(u.id);
  });

  it('logs out by deleting the session', async () => {
    const u = await user();
    const s = await auth.login({ email: u.email, password: PASSWORD });
    await auth.logout(auth.sessionIdFor(s.token));
    expect(await auth.resolve(s.token)).toBeNull();
    expect(await db().select().from(sessions).where(eq(sessions.id, s.sessionId))).toEqual([]);
  });

  it('purges expired sessions', async () => {
    const u = await user();
    const s = await auth.startSession(u.id);
    clock.now = new Date(clock.now.getTime() + 8 * 24 * 60 * 60_000);
    expect(await auth.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await db().select().from(sessions).where(eq(sessions.id, s.sessionId))).toEqual([]);
  });
});

describe('safeNextPath', () => {
  it.each([
    ['/campaigns/3?tab=list', '/campaigns/3?tab=list'],
    ['/admin/users#top', '/admin/users#top'],
    [null, DEFAULT_AFTER_LOGIN],
    ['', DEFAULT_AFTER_LOGIN],
    ['https://evil.example/', DEFAULT_AFTER_LOGIN],
    ['//evil.example/path', DEFAULT_AFTER_LOGIN],
    ['/\\evil.example', DEFAULT_AFTER_LOGIN],
    ['\\\\evil.example', DEFAULT_AFTER_LOGIN],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['javascript:alert(1)', DEFAULT_AFTER_LOGIN],
    ['/\t/evil.example', DEFAULT_AFTER_LOGIN],
    ['/login?next=/x', DEFAULT_AFTER_LOGIN],
    ['dashboard', DEFAULT_AFTER_LOGIN],
  ])('%s → %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});
