// Opening the database: embedded PGlite (default) or PostgreSQL (DATABASE_URL). Both give the
// same Drizzle API over the same schema, typed as `Db`, so repositories never know which it is.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Config } from '../config.ts';
import * as schema from './schema/index.ts';
import { lockFolder, type FolderLock } from './lock.ts';

export type Schema = typeof schema;
/** The database as repositories see it, whichever backend is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction (`db.transaction(async (tx) => …)`). */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What repositories accept: the database or a transaction (a Tx is a Db). */
export type Executor = Db | Tx;

/**
 * Independent reads: concurrently on the pool (each on its own connection), one after another
 * inside a transaction, which has a single connection — node-postgres deprecates a query sent
 * while its client is still executing another (and queues it anyway).
 */
export async function readAll<T extends readonly unknown[]>(
  ex: Executor,
  reads: { [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  if (!(ex instanceof PgTransaction))
    return Promise.all(reads.map((r) => r())) as unknown as Promise<T>;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as unknown as T;
}

export type BackendKind = 'pglite' | 'postgres';

export interface OpenOptions {
  /** postgres://… selects PostgreSQL; otherwise PGlite. */
  url?: string;
  /** PGlite folder (created if missing). */
  dataDir?: string;
  /** PGlite in memory (tests, `noko score`-like one-offs). */
  inMemory?: boolean;
  /** PGlite: start from a dump made by `dumpDataDir()` (tests load a migrated database). */
  loadDataDir?: Blob | File;
  /** PostgreSQL pool size (default 10). */
  maxConnections?: number;
}

export interface Database {
  db: Db;
  kind: BackendKind;
  /** Human-readable location: the folder, "memory" or the URL without the password. */
  location: string;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
}

const casing = 'snake_case' as const;

/** Opens PGlite or PostgreSQL. Call `close()` when done, or the process will not exit. */
export async function openDatabase(opts: OpenOptions = {}): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.maxConnections ?? 10);
  return openPglite(opts);
}

/** Opens the database the configuration names (DATABASE_URL or DATA_DIR). */
export function openFromConfig(c: Config): Promise<Database> {
  return c.DATABASE_URL
    ? openDatabase({ url: c.DATABASE_URL })
    : openDatabase({ dataDir: c.DATA_DIR });
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  const inMemory = opts.inMemory === true || opts.dataDir === undefined;
  let lock: FolderLock | undefined;
  let dir: string | undefined;
  if (!inMemory && opts.dataDir !== undefined) {
    dir = path.resolve(opts.dataDir);
    fs.mkdirSync(dir, { recursive: true });
    lock = lockFolder(dir);
  }
  try {
    // Options object only: `new PGlite(undefined, options)` ignores the options.
    const client = new PGlite({
      ...(dir !== undefined ? { dataDir: dir } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    });
    await client.waitReady;
    const db: Db = drizzlePglite({ client, schema, casing });
    return {
      db,
      kind: 'pglite',
      location: dir ?? 'memory',
      pglite: client,
      close: async () => {
        try {
          if (!client.closed) await client.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client whose connection the server ends (restart, pg_terminate_backend, DROP DATABASE
  // … WITH FORCE) is dropped by pg and replaced on the next query. Without a listener Node treats
  // the pool's 'error' event as fatal and the whole process exits.
  pool.on('error', () => {});
  // Fail now with the real reason (wrong password, no such database) rather than at first query.
  try {
    const conn = await pool.connect();
    conn.release();
  } catch (e) {
    await pool.end();
    throw e;
  }
  const db: Db = drizzlePg({ client: pool, schema, casing });
  let closed = false;
  return {
    db,
    kind: 'postgres',
    location: redactUrl(url),
    pool,
    close: async () => {
      if (closed) return;
      closed = true;
      await endPool(pool);
    },
  };
}

/**
 * Ends the pool and waits until every connection has really closed: `pool.end()` resolves as soon
 * as the clients are detached, while their sockets are still open, so a caller that drops the
 * database next would terminate live backends.
 */
async function endPool(pool: pg.Pool): Promise<void> {
  const open = pool.totalCount;
  let removed = 0;
  const allClosed = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    pool.on('remove', () => {
      if (++removed >= open) resolve();
    });
    setTimeout(resolve, 5000).unref();
  });
  await pool.end();
  await allClosed;
}

/** The URL with its password replaced, for messages and `noko db status`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * Runs raw SQL and returns its rows. The drivers' result shapes differ (PGlite `Results`,
 * node-postgres `QueryResult`) but both carry `rows`.
 */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Readiness probe for /healthz: the database answers a trivial query. */
export async function isDatabaseReachable(database: Database): Promise<boolean> {
  await queryRows(database.db, sql`select 1`);
  return true;
}
