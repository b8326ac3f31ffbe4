// What every service receives: its dependencies (database, configuration, logger, clock, mail) and,
// per call, the caller (who acts, with which role and scope). Services authorize with
// src/domain/permissions and write audit entries in the same transaction as the change.
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Actor, Role } from '../domain/permissions/index.ts';

export interface ServiceDeps {
  db: Db;
  config: Config;
  logger: Logger;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  /** Background jobs (src/jobs); absent where no queue runs (CLI one-offs, most tests). */
  jobs?: JobSender;
}

export interface SendJobOptions {
  /** Not before this moment. */
  startAfter?: Date;
  /** At most one queued job with this key per queue. */
  singletonKey?: string;
  /** Overrides the queue's retry limit for this job. */
  retryLimit?: number;
}

/** Enqueues a job for a handler registered at start-up; payloads are small (ids). */
export interface JobSender {
  send(name: string, data: object, options?: SendJobOptions): Promise<string | null>;
}

/** The logged-in user as pages and services see it (never the password hash). */
export interface CurrentUser {
  id: number;
  email: string;
  fullName: string;
  role: Role;
  territoryId: number | null;
  authorityId: number | null;
  organizationId: number | null;
}

/** Who performs a call: an actor for permission checks plus a label for the audit log. */
export interface Caller extends Actor {
  /** Shown in the audit log: the user's name, «система», «командная строка». */
  label: string;
  requestId?: string;
}

export const PUBLIC_CALLER: Caller = Object.freeze({ role: 'public', label: 'гость' });

/** Start-up tasks (migrations, demo seeding) act with full rights under this label. */
export const SYSTEM_CALLER: Caller = Object.freeze({ role: 'regional_admin', label: 'система' });

/** The command line acts as the regional administrator on the machine that holds the data. */
export const CLI_CALLER: Caller = Object.freeze({
  role: 'regional_admin',
  label: 'командная строка',
});

export function callerFromUser(user: CurrentUser, requestId?: string): Caller {
  return {
    role: user.role,
    userId: user.id,
    territoryId: user.territoryId,
    organizationId: user.organizationId,
    label: user.fullName,
    ...(requestId ? { requestId } : {}),
  };
}
