// Shared by the paper and import tests: service dependencies at a fixed moment and signed-in callers.
import pino from 'pino';
import { parseConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import type { Role } from '../../domain/permissions/index.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { IN_WINDOW } from './survey.test-support.ts';

export const testDeps = (db: Db): ServiceDeps => ({
  db,
  config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'https://nok.test' }),
  logger: pino({ level: 'silent' }),
  now: () => IN_WINDOW,
});

let userSeq = 0;
export async function userCaller(db: Db, role: Role, fullName: string): Promise<Caller> {
  const [u] = await db
    .insert(users)
    .values({ email: `paper${Date.now()}-${++userSeq}@example.ru`, fullName, role })
    .returning();
  return { role: role as Caller['role'], userId: u!.id, label: fullName };
}
