// Shared by the campaigns tests: service dependencies with a settable clock, callers of each role,
// protocol file bytes and a quick way to move a campaign to a status.
import pino from 'pino';
import { parseConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Role } from '../../domain/permissions/index.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import type { createCampaignsService } from './campaigns.service.ts';

export interface TestClock {
  now: Date;
}

export function testDeps(db: Db, clock: TestClock): ServiceDeps {
  return {
    db,
    config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    logger: pino({ level: 'silent' }),
    now: () => clock.now,
  };
}

export function callerOf(role: Role, label = `Тест (${role})`): Caller {
  return { role, label, territoryId: null, organizationId: null };
}

export const admin = callerOf('regional_admin', 'Администратор');
export const council = callerOf('council', 'Член совета');
export const operator = callerOf('operator', 'Оператор');

/** A tiny valid-looking PDF (the signature is what counts). */
export const PDF_BYTES = new Uint8Array([
  ...new TextEncoder().encode('%PDF-1.4\n'),
  0x00,
  0xff,
  0x10,
  ...new TextEncoder().encode('протокол\n%%EOF'),
]);

export const protocol = (bytes: Uint8Array = PDF_BYTES, name = 'protocol.pdf') => ({
  name,
  type: 'application/pdf',
  bytes,
});

export type Campaigns = ReturnType<typeof createCampaignsService>;
