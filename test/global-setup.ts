// Vitest global setup: migrate once, then every suite starts from the migrated state instead of
// running the migrations again (test/db.ts).
// - PGlite: one in-memory database is migrated and dumped to a tar file in the temp folder; its
//   path is provided to the workers, which load it with `loadDataDir`.
// - PostgreSQL (TEST_DATABASE_URL set): a template database `<db>_tpl` is migrated; each suite
//   then runs `CREATE DATABASE … TEMPLATE <db>_tpl`. Teardown drops the template.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import {
  suitePrefix,
  templateName,
  testDatabaseUrl,
  urlFor,
  withAdmin,
} from './pg-test-databases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the migrated PGlite dump (uncompressed tar). */
    pgliteDump: string;
    /** Name of the migrated PostgreSQL template, when TEST_DATABASE_URL is set. */
    pgTemplate: string | null;
  }
}

async function dumpMigratedPglite(): Promise<string> {
  const database = await openDatabase({ inMemory: true });
  try {
    await migrate(database);
    // Uncompressed: loading skips gunzip, which is most of the load time of a compressed dump.
    const dump = await database.pglite!.dumpDataDir('none');
    const file = path.join(os.tmpdir(), `noko-test-pglite-${process.pid}-${Date.now()}.tar`);
    fs.writeFileSync(file, new Uint8Array(await dump.arrayBuffer()));
    return file;
  } finally {
    await database.close();
  }
}

async function dropLeftovers(url: string): Promise<void> {
  await withAdmin(url, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname = $1 or starts_with(datname, $2)`,
      [templateName(url), suitePrefix(url)],
    );
    for (const { datname } of rows)
      await admin.query(`drop database if exists "${datname}" with (force)`);
  });
}

async function createTemplate(url: string): Promise<string> {
  const tpl = templateName(url);
  await dropLeftovers(url);
  await withAdmin(url, (admin) => admin.query(`create database "${tpl}"`));
  // The pool must be closed before the template is copied: PostgreSQL refuses to copy a database
  // that has open connections.
  const database = await openDatabase({ url: urlFor(url, tpl), maxConnections: 2 });
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
  return tpl;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = testDatabaseUrl();
  const [dump, tpl] = await Promise.all([dumpMigratedPglite(), url ? createTemplate(url) : null]);
  project.provide('pgliteDump', dump);
  project.provide('pgTemplate', tpl);
  return async () => {
    fs.rmSync(dump, { force: true });
    if (url) await dropLeftovers(url);
  };
}
