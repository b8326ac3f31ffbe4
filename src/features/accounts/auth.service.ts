// Signing in and out, and finding the session of a request. Sessions live in the database (any
// instance serves any request); the cookie carries a random 256-bit token and the database keeps
// only its sha256, so a copy of the database yields no usable cookies. Login attempts are
// throttled per e-mail and per client address (src/domain/accounts/throttle.ts).
import { AppError, ERROR_CODES } from '../../domain/errors.ts';
import {
  checkThrottle,
  throttleMessage,
  DEFAULT_THROTTLE,
} from '../../domain/accounts/throttle.ts';
import type { User } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { callerFromUser, type CurrentUser, type ServiceDeps } from '../context.ts';
import { INACTIVE_MESSAGE, LOGIN_FAILED_MESSAGE, LoginInput } from './accounts.schema.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { IP_THROTTLE, SESSION_ABSOLUTE_MS, needsTouch, sessionExpiry } from './session-policy.ts';
import {
  attemptsSince,
  deleteAttemptsBefore,
  deleteExpiredSessions,
  deleteSession,
  findLiveSession,
  insertSession,
  recordAttempt,
  touchSession,
} from './sessions.repo.ts';
import { newToken, sha256Hex } from './tokens.ts';
import { getUserByEmail, getUserById, normalizeEmail, recordLogin } from './users.repo.ts';

export function toCurrentUser(u: User): CurrentUser {
  return {
    id: u.id,
    email: u.email,
    fullName: u.fullName,
    role: u.role,
    territoryId: u.territoryId,
    authorityId: u.authorityId,
    organizationId: u.organizationId,
  };
}

export interface StartedSession {
  /** Goes into the cookie only; never stored. */
  token: string;
  sessionId: string;
  csrfToken: string;
  /** Cookie lifetime: the absolute session lifetime. */
  maxAgeSeconds: number;
}

export interface SessionInfo {
  user: CurrentUser;
  sessionId: string;
  csrfToken: string;
}

export interface LoginRequest {
  email: string;
  password: string;
  /** sha256 of the client address (src/server/session.ts); absent in tests and the CLI. */
  clientHash?: string | null;
  userAgent?: string | null;
}

// Verifying against a throw-away hash when the e-mail is unknown keeps the response time the same,
// so timing does not reveal which addresses have accounts.
let dummyHash: Promise<string> | undefined;

export function createAuthService(deps: ServiceDeps) {
  const { db, now } = deps;

  async function startSession(
    userId: number,
    meta: { clientHash?: string | null; userAgent?: string | null } = {},
  ): Promise<StartedSession> {
    const token = newToken();
    const at = now();
    const session = await insertSession(db, {
      id: sha256Hex(token),
      userId,
      csrfSecret: newToken(),
      createdAt: at,
      lastSeenAt: at,
      expiresAt: sessionExpiry(at, at),
      ipHash: meta.clientHash ?? null,
      userAgentHash: meta.userAgent ? sha256Hex(meta.userAgent) : null,
    });
    return {
      token,
      sessionId: session.id,
      csrfToken: session.csrfSecret,
      maxAgeSeconds: Math.floor(SESSION_ABSOLUTE_MS / 1000),
    };
  }

  async function refuseIfThrottled(keys: string[], at: Date): Promise<void> {
    for (const key of keys) {
      const policy = key.startsWith('ip:') ? IP_THROTTLE : DEFAULT_THROTTLE;
      const attempts = await attemptsSince(db, key, new Date(at.getTime() - policy.windowMs));
      const decision = checkThrottle(attempts, at.getTime(), policy);
      if (!decision.allowed) {
        throw new AppError(ERROR_CODES.RATE_LIMITED, throttleMessage(decision.retryAfterMs), {
          retryAfterMs: decision.retryAfterMs,
        });
      }
    }
  }

  return {
    startSession,

    /** Checks e-mail and password and opens a session; AppError with a Russian message otherwise. */
    async login(request: LoginRequest): Promise<StartedSession & { user: CurrentUser }> {
      const parsed = LoginInput.safeParse(request);
      if (!parsed.success) throw new AppError(ERROR_CODES.UNAUTHENTICATED, LOGIN_FAILED_MESSAGE);
      const at = now();
      const emailKey = `email:${normalizeEmail(parsed.data.email)}`;
      const keys = request.clientHash ? [emailKey, `ip:${request.clientHash}`] : [emailKey];
      await refuseIfThrottled(keys, at);
      const user = await getUserByEmail(db, parsed.data.email);
      const hash = user?.passwordHash ?? (await (dummyHash ??= hashPassword(newToken())));
      const ok = (await verifyPassword(parsed.data.password, hash)) && user?.passwordHash != null;
      if (!ok || !user) {
        for (const key of keys) await recordAttempt(db, key, at, false);
        deps.logger.info({ emailKey: sha256Hex(emailKey) }, 'login failed');
        throw new AppError(ERROR_CODES.UNAUTHENTICATED, LOGIN_FAILED_MESSAGE);
      }
      // The password is right, so saying that the account is disabled reveals nothing new.
      if (!user.active) throw AppError.forbidden(INACTIVE_MESSAGE);
      // A success clears the e-mail's failure count; the address count only ages out (an attacker
      // with one valid account must not reset the counter for guessing others).
      await recordAttempt(db, emailKey, at, true);
      await recordLogin(db, user.id, at);
      const started = await startSession(user.id, request);
      const current = toCurrentUser(user);
      // Who entered the system and when is part of the record the regulator can ask for.
      await recordAudit(db, callerFromUser(current), {
        action: 'login',
        entityType: 'user',
        entityId: user.id,
      });
      deps.logger.info({ userId: user.id }, 'login');
      return { ...started, user: current };
    },

    /** The live session of a cookie token (sliding its expiry), or null. */
    async resolve(token: string | null | undefined): Promise<SessionInfo | null> {
      if (!token || token.length > 100) return null;
      const id = sha256Hex(token);
      const at = now();
      const found = await findLiveSession(db, id, at);
      if (!found) return null;
      if (!found.user.active) {
        await deleteSession(db, id);
        return null;
      }
      if (needsTouch(found.session.lastSeenAt, at)) {
        await touchSession(db, id, at, sessionExpiry(found.session.createdAt, at));
      }
      return {
        user: toCurrentUser(found.user),
        sessionId: id,
        csrfToken: found.session.csrfSecret,
      };
    },

    /** The session id (sha256) of a cookie token: pages get the token, never the id. */
    sessionIdFor(token: string | null | undefined): string | null {
      return token ? sha256Hex(token) : null;
    },

    async logout(sessionId: string | null | undefined): Promise<void> {
      if (!sessionId) return;
      const userId = await deleteSession(db, sessionId);
      const user = userId === null ? null : await getUserById(db, userId);
      if (user) {
        await recordAudit(db, callerFromUser(toCurrentUser(user)), {
          action: 'logout',
          entityType: 'user',
          entityId: user.id,
        });
      }
    },

    /** Housekeeping: expired sessions and attempts older than a day (called at start-up/jobs). */
    async purgeExpired(): Promise<number> {
      const at = now();
      await deleteAttemptsBefore(db, new Date(at.getTime() - 24 * 60 * 60_000));
      return deleteExpiredSessions(db, at);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
