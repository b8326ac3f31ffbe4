// Database helpers for tests: a fresh, migrated database per suite on every backend.
//
//   describeBackends('organizations repository', ({ db }) => {
//     it('creates', async () => {
//       const org = await createOrganization(db(), { … });
//     });
//   });
//
// runs the suite on PGlite, and again on PostgreSQL when TEST_DATABASE_URL is set. The database is
// shared by the tests of one suite (they run in order); use `freshDatabase()` for more isolation.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase, type BackendKind, type Database, type Db } from '../src/db/client.ts';
import { suitePrefix, testDatabaseUrl, urlFor, withAdmin } from './pg-test-databases.ts';

export interface BackendContext {
  backend: BackendKind;
  /** The suite's database (available inside hooks and tests, not at collection time). */
  db: () => Db;
  /** The full handle (kind, location, pglite or pool) for tests that need the driver. */
  database: () => Database;
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export function testBackends(): BackendKind[] {
  return testDatabaseUrl() ? ['pglite', 'postgres'] : ['pglite'];
}

let dumpBytes: Uint8Array | undefined;
let counter = 0;

/** A new migrated database on `backend`; `close()` disposes of it (PostgreSQL: drops it). */
export async function freshDatabase(backend: BackendKind): Promise<Database> {
  if (backend === 'pglite') {
    // The dump is read once per worker; each database gets its own Blob over the same bytes.
    dumpBytes ??= new Uint8Array(fs.readFileSync(inject('pgliteDump')));
    return openDatabase({
      inMemory: true,
      loadDataDir: new Blob([dumpBytes as Uint8Array<ArrayBuffer>]),
    });
  }
  const url = testDatabaseUrl();
  const tpl = inject('pgTemplate');
  if (!url || !tpl) throw new Error('PostgreSQL backend requested without TEST_DATABASE_URL');
  const name = `${suitePrefix(url)}${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}_${++counter}`;
  await withAdmin(url, (admin) => admin.query(`create database "${name}" template "${tpl}"`));
  const database = await openDatabase({ url: urlFor(url, name), maxConnections: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await withAdmin(url, (admin) =>
        admin.query(`drop database if exists "${name}" with (force)`),
      );
    },
  };
}

/** Declares the suite once per backend, each with its own fresh database. */
export function describeBackends(title: string, fn: (ctx: BackendContext) => void): void {
  for (const backend of testBackends()) {
    describe(`${title} [${backend}]`, () => {
      let current: Database | undefined;
      beforeAll(async () => {
        current = await freshDatabase(backend);
      });
      afterAll(async () => {
        await current?.close();
        current = undefined;
      });
      const database = (): Database => {
        if (!current)
          throw new Error('База данных теста ещё не открыта: используйте db() внутри it/beforeAll');
        return current;
      };
      fn({ backend, db: () => database().db, database });
    });
  }
}
