// The client, the migrator and the test helpers themselves: migrations are all applied in the
// suite's database, PGlite folders are locked against a second opener, timings are reported.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { describeBackends, freshDatabase, testBackends } from '../../test/db.ts';
import { openDatabase, queryRows, redactUrl } from './client.ts';
import { committedMigrations, migrate, migrationStatus } from './migrate.ts';

describeBackends('database', ({ db, database, backend }) => {
  it('has every committed migration applied and none pending', async () => {
    const status = await migrationStatus(db());
    expect(status.pending).toEqual([]);
    expect(status.applied.map((m) => m.tag)).toEqual(committedMigrations().map((m) => m.tag));
    expect(await migrate(database())).toEqual([]);
  });

  it('runs on the expected backend with a UTF-8 locale that folds Cyrillic', async () => {
    expect(database().kind).toBe(backend);
    const [row] = await queryRows<{ l: string }>(db(), sql`select lower('ЁЛКА Школа') as l`);
    expect(row?.l).toBe('ёлка школа');
  });

  it('rolls back a failed transaction', async () => {
    await expect(
      db().transaction(async (tx) => {
        await tx.execute(
          sql`insert into territories (code, name, kind) values ('tx', 'Т', 'region')`,
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await queryRows(db(), sql`select 1 from territories where code = 'tx'`)).toEqual([]);
  });
});

describe('test helpers', () => {
  it.each(testBackends())('give a fresh database quickly (%s)', async (backend) => {
    const started = performance.now();
    const a = await freshDatabase(backend);
    const ms = performance.now() - started;
    const b = await freshDatabase(backend);
    try {
      await a.db.execute(
        sql`insert into territories (code, name, kind) values ('only-a', 'А', 'region')`,
      );
      expect(await queryRows(b.db, sql`select 1 from territories where code = 'only-a'`)).toEqual(
        [],
      );
    } finally {
      await a.close();
      await b.close();
    }
    console.info(`fresh ${backend} database: ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('PGlite folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'noko-pglite-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const dump = () => new Blob([fs.readFileSync(inject('pgliteDump'))]);

  it('is created, locked against a second opener, and reopened after close', async () => {
    const folder = path.join(dir, 'nested', 'data');
    const first = await openDatabase({ dataDir: folder, loadDataDir: dump() });
    expect(first.location).toBe(folder);
    expect(fs.existsSync(path.join(folder, 'noko.lock'))).toBe(true);
    await expect(openDatabase({ dataDir: folder })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('уже открыта'),
    });
    await first.db.execute(
      sql`insert into territories (code, name, kind) values ('kept', 'К', 'region')`,
    );
    await first.close();
    expect(fs.existsSync(path.join(folder, 'noko.lock'))).toBe(false);

    const second = await openDatabase({ dataDir: folder });
    try {
      expect(await queryRows(second.db, sql`select code from territories`)).toEqual([
        { code: 'kept' },
      ]);
    } finally {
      await second.close();
    }
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const folder = path.join(dir, 'stale');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(
      path.join(folder, 'noko.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), since: 'x' }),
    );
    const opened = await openDatabase({ dataDir: folder, loadDataDir: dump() });
    await opened.close();
  });
});

describe('redactUrl', () => {
  it('hides the password', () => {
    expect(redactUrl('postgres://noko:secret@db:5432/noko')).toBe(
      'postgres://noko:***@db:5432/noko',
    );
    expect(redactUrl('postgres://postgres@127.0.0.1/x')).toBe('postgres://postgres@127.0.0.1/x');
  });
});
