// Shared by the registry tests: service dependencies with a settable clock, callers of each role
// and a small XLSX builder for import files.
import pino from 'pino';
import { parseConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Role } from '../../domain/permissions/index.ts';
import { IMPORT_COLUMNS } from '../../domain/registry/import.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { writeWorkbook } from './spreadsheet.ts';

export function testDeps(db: Db, now = new Date('2026-03-01T09:00:00Z')): ServiceDeps {
  return {
    db,
    config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    logger: pino({ level: 'silent' }),
    now: () => now,
  };
}

export function callerOf(role: Role, scope: Partial<Caller> = {}): Caller {
  return { role, label: `Тест (${role})`, territoryId: null, organizationId: null, ...scope };
}

export const admin = callerOf('regional_admin');

export type ImportRow = Partial<Record<(typeof IMPORT_COLUMNS)[number]['field'], string | number>>;

/** An XLSX import file with the template's header and the given rows. */
export function importXlsx(rows: ImportRow[]): Promise<Uint8Array> {
  return writeWorkbook([
    {
      name: 'Организации',
      headers: IMPORT_COLUMNS.map((c) => c.header),
      rows: rows.map((r) => IMPORT_COLUMNS.map((c) => r[c.field] ?? null)),
    },
  ]);
}

/** A CSV import file (`;`, UTF-8 with a byte order mark, as Russian Excel saves it). */
export function importCsv(rows: ImportRow[], delimiter = ';'): Uint8Array {
  const quote = (v: string) => (/[";,\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [
    IMPORT_COLUMNS.map((c) => quote(c.header)).join(delimiter),
    ...rows.map((r) => IMPORT_COLUMNS.map((c) => quote(String(r[c.field] ?? ''))).join(delimiter)),
  ];
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
