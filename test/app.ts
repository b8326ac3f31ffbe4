// The whole HTTP app over a test database, and signed-in sessions of any role. API tests:
//
//   const app = createTestApp(db());                       // services + Hono app, clock settable
//   const admin = await loginAs(app, db(), 'regional_admin');
//   const res = await app.request('/api/v1/campaigns', {
//     method: 'POST',
//     headers: { ...admin.headers, 'content-type': 'application/json' },
//     body: JSON.stringify({ … }),
//   });
//   await app.request('/some/page', postForm(admin, { field: 'value' }));   // form post with _csrf
//
// loginAs creates the user (with a municipality or an organization from test/fixtures.ts when the
// role needs one) and a session straight through the service — no pages build needed.
// Pages: pass `build: await loadTestBuild()` (undefined when build/ is missing → pages answer 503).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hono } from 'hono';
import pino from 'pino';
import type { ServerBuild } from 'react-router';
import { parseConfig, type Config } from '../src/config.ts';
import type { Db, Executor } from '../src/db/client.ts';
import type { Role } from '../src/domain/permissions/index.ts';
import { toCurrentUser } from '../src/features/accounts/auth.service.ts';
import { cookieNames, isHttps } from '../src/features/accounts/cookies.ts';
import { hashPassword } from '../src/features/accounts/password.ts';
import { createUser } from '../src/features/accounts/users.repo.ts';
import { callerFromUser, type Caller, type CurrentUser } from '../src/features/context.ts';
import { createServices, type Services } from '../src/features/services.ts';
import { FEATURE_API_ROUTES } from '../src/server/api-routes.ts';
import { createApp } from '../src/server/app.ts';
import type { ApiRoutes, AppEnv } from '../src/server/types.ts';
import { createOrganizationRow, createRegion } from './fixtures.ts';

export interface TestClock {
  now: Date;
}

export interface TestAppOptions {
  /** Start time of the settable clock (default: the real time at creation). */
  now?: Date;
  /** Extra environment for parseConfig, e.g. { PUBLIC_URL: 'https://nok.example.ru' }. */
  env?: Record<string, string>;
  /** API routes (default: every feature's, src/server/api-routes.ts). */
  apiRoutes?: readonly ApiRoutes[];
  /** React Router server build (loadTestBuild()); absent: pages answer 503. */
  build?: ServerBuild;
}

/** The Hono app plus what tests need beside it. `app.clock.now = …` moves time for services. */
export type TestApp = Hono<AppEnv> & {
  services: Services;
  clock: TestClock;
  config: Config;
};

export function createTestApp(db: Db, options: TestAppOptions = {}): TestApp {
  const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env });
  const logger = pino({ level: 'silent' });
  const clock: TestClock = { now: options.now ?? new Date() };
  const services = createServices({ db, config, logger, now: () => clock.now });
  const app = createApp({
    config,
    logger,
    services,
    apiRoutes: options.apiRoutes ?? FEATURE_API_ROUTES,
    clientDir: '/nonexistent',
    ...(options.build ? { build: options.build } : {}),
  });
  return Object.assign(app, { services, clock, config });
}

/** The built pages (build/server/index.js) when present, else undefined. */
export async function loadTestBuild(): Promise<ServerBuild | undefined> {
  const file = path.resolve(import.meta.dirname, '../build/server/index.js');
  if (!existsSync(file)) return undefined;
  return (await import(pathToFileURL(file).href)) as ServerBuild;
}

export interface LoginScope {
  /** Municipality of a municipal user (default: a new region's first municipality). */
  territoryId?: number;
  /** Organization of an organization user (default: a new school in a new region). */
  organizationId?: number;
  authorityId?: number;
  email?: string;
  fullName?: string;
  /** Default TEST_PASSWORD. */
  password?: string;
}

export interface TestSession {
  /** `noko_session=<token>` for the Cookie header. */
  cookie: string;
  csrfToken: string;
  /** { cookie, 'x-csrf-token' }: spread into request headers. */
  headers: { cookie: string; 'x-csrf-token': string };
  user: CurrentUser;
  caller: Caller;
  /** The user's password (for tests of the sign-in form). */
  password: string;
  sessionId: string;
}

export const TEST_PASSWORD = 'test-password-2026';
let testHash: Promise<string> | undefined;
let seq = 0;

/** Creates a user of `role` (with the scope the role needs) and a session for it. */
export async function loginAs(
  app: TestApp,
  db: Executor,
  role: Role,
  scope: LoginScope = {},
): Promise<TestSession> {
  const password = scope.password ?? TEST_PASSWORD;
  const passwordHash =
    password === TEST_PASSWORD
      ? await (testHash ??= hashPassword(TEST_PASSWORD))
      : await hashPassword(password);
  let { territoryId, organizationId } = scope;
  if (role === 'municipal' && territoryId === undefined) {
    territoryId = (await createRegion(db)).municipalities[0].id;
  }
  if (role === 'organization' && organizationId === undefined) {
    const org = await createOrganizationRow(db, await createRegion(db));
    organizationId = org.id;
    territoryId ??= org.municipalityId;
  }
  const n = ++seq;
  const row = await createUser(db, {
    email: scope.email ?? `${role}-${n}-${process.pid}@test.noko`,
    fullName: scope.fullName ?? `Тестовый пользователь ${n} (${role})`,
    role,
    passwordHash,
    territoryId: territoryId ?? null,
    organizationId: organizationId ?? null,
    authorityId: scope.authorityId ?? null,
  });
  const started = await app.services.auth.startSession(row.id);
  const cookie = `${cookieNames(isHttps(app.config.publicUrl)).session}=${started.token}`;
  const user = toCurrentUser(row);
  return {
    cookie,
    csrfToken: started.csrfToken,
    headers: { cookie, 'x-csrf-token': started.csrfToken },
    user,
    caller: callerFromUser(user),
    password,
    sessionId: started.sessionId,
  };
}

/** A visitor without a session: the anonymous CSRF cookie and token from a page view. */
export async function anonymousVisitor(
  app: TestApp,
): Promise<{ cookie: string; csrfToken: string }> {
  const res = await app.request('/login');
  const name = cookieNames(isHttps(app.config.publicUrl)).csrf;
  const set = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!set) throw new Error('no anonymous CSRF cookie was issued');
  const value = set.split(';')[0]!.slice(name.length + 1);
  return { cookie: `${name}=${value}`, csrfToken: value };
}

/** RequestInit of a form post (urlencoded) carrying `_csrf`; `who` null = no cookies at all. */
export function postForm(
  who: { cookie: string; csrfToken: string } | null,
  fields: Record<string, string> = {},
): RequestInit {
  const body = new URLSearchParams({ ...(who ? { _csrf: who.csrfToken } : {}), ...fields });
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(who ? { cookie: who.cookie } : {}),
    },
    body: body.toString(),
  };
}

/** RequestInit of a JSON call with the session's cookie and X-CSRF-Token. */
export function jsonRequest(
  who: { cookie: string; csrfToken: string } | null,
  method: string,
  body?: unknown,
): RequestInit {
  return {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrfToken } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}
