// `noko demo [--reset]`: the demo region (src/features/demo) on the configured database, and the
// start-up text of `noko serve` that lists the demo logins. Reset wipes everything, the audit log
// included — its trigger rejects DELETE and TRUNCATE on purpose, so reset recreates the database:
//   - embedded PGlite: the data folder's contents are deleted, then created, migrated and seeded;
//   - PostgreSQL: `drop schema public cascade` (drops the trigger with the tables), then the same.
import fs from 'node:fs';
import path from 'node:path';
import { analyzeDatabase } from '../../jobs/analyze.job.ts';
import { sql } from 'drizzle-orm';
import { config as loadConfig, type Config } from '../../config.ts';
import { openDatabase, openFromConfig, queryRows, type Database } from '../../db/client.ts';
import { lockFolder } from '../../db/lock.ts';
import { migrate } from '../../db/migrate.ts';
import { AppError, ERROR_CODES, isAppError } from '../../domain/errors.ts';
import { ROLE_TITLES } from '../../domain/permissions/index.ts';
import {
  DEMO_EMAIL_DOMAIN,
  DEMO_PASSWORD,
  findDemoLogins,
  type DemoLogin,
} from '../../features/demo/logins.ts';
import {
  hasApplicationData,
  seedDemo,
  seedDemoIfEmpty,
  type SeedSummary,
} from '../../features/demo/seed.ts';
import type { Services } from '../../features/services.ts';

function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/**
 * `noko serve`'s beforeListen: seeds the demo region on an empty database when NOKO_DEMO is on,
 * then returns the demo logins still valid (none on a real installation).
 */
export async function prepareDemo(services: Services): Promise<DemoLogin[]> {
  const { db, config, logger, now } = services.deps;
  if (config.NOKO_DEMO) {
    const summary = await seedDemoIfEmpty(db, { now: now() });
    if (summary) {
      // Fresh statistics for the planner: PGlite has no autovacuum to gather them (db.analyze).
      await analyzeDatabase({ db });
      logger.info({ ...summary }, 'demo region seeded');
    }
  }
  return findDemoLogins(db);
}

/** The Russian text printed once the server listens: the address and, for a demo, the logins. */
export function startupText(url: string, logins: readonly DemoLogin[]): string {
  const lines = [`noko работает: ${url}`];
  if (logins.length > 0) {
    lines.push('', ...loginLines(logins));
  }
  return `${lines.join('\n')}\n`;
}

function loginLines(logins: readonly DemoLogin[]): string[] {
  const width = Math.max(...logins.map((l) => ROLE_TITLES[l.role].length));
  return [
    'Демонстрационный регион «Приозёрская область». Учётные записи для входа:',
    ...logins.map((l) => `  ${ROLE_TITLES[l.role].padEnd(width)}  ${l.email}`),
    `Пароль для всех учётных записей: ${DEMO_PASSWORD}`,
    'Данные вымышлены. Для настоящей работы начните с пустой базой и NOKO_DEMO=0.',
  ];
}

function printSummary(s: SeedSummary): void {
  print(
    `Создано: территорий ${s.territories}, органов управления ${s.authorities}, ` +
      `организаций ${s.organizations}, пользователей ${s.users}, кампаний ${s.campaigns} ` +
      `(в кампании ${s.year} года — ${s.included} организаций) за ${(s.ms / 1000).toFixed(1)} с`,
  );
}

/** True when `dir` holds a PGlite database (PostgreSQL's data folder marker). */
export function isPgliteFolder(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'PG_VERSION'));
}

/** Refuses a folder that exists, is not empty and is not a PGlite database: never delete it. */
export function assertDataFolder(dir: string): void {
  if (!fs.existsSync(dir) || isPgliteFolder(dir)) return;
  const foreign = fs.readdirSync(dir).filter((f) => f !== 'noko.lock');
  if (foreign.length > 0) {
    throw AppError.validation(
      `Папка ${dir} не пуста и не похожа на базу данных noko (нет файла PG_VERSION). ` +
        'Проверьте DATA_DIR: noko не удаляет и не заменяет чужие файлы.',
    );
  }
}

/** A database noko may reset without --yes: empty, or holding the demo logins. */
export async function isDemoDatabase(database: Database): Promise<boolean> {
  if (!(await hasApplicationData(database.db))) return true;
  const rows = await queryRows<{ n: number | string }>(
    database.db,
    sql`select count(*) as n from users where email like ${`%@${DEMO_EMAIL_DOMAIN}`}`,
  );
  return Number(rows[0]?.n ?? 0) > 0;
}

function refuseRealData(where: string): never {
  throw AppError.validation(
    `В базе данных (${where}) есть данные, и это не демонстрационный регион. Сброс удалит их ` +
      'безвозвратно. Сделайте резервную копию и повторите команду с --yes.',
  );
}

async function wipePglite(dir: string, yes: boolean): Promise<void> {
  assertDataFolder(dir);
  if (!isPgliteFolder(dir)) return;
  print('Проверяю текущую базу…');
  // Opening takes the folder lock: a running server makes this fail with the lock's message.
  const current = await openDatabase({ dataDir: dir });
  try {
    if (!yes && !(await isDemoDatabase(current))) refuseRealData(dir);
  } finally {
    await current.close();
  }
  print(`Удаляю базу в папке ${dir}…`);
  const lock = lockFolder(dir);
  try {
    for (const entry of fs.readdirSync(dir)) {
      if (entry !== 'noko.lock') fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
    }
  } finally {
    lock.release();
  }
}

async function wipePostgres(database: Database, yes: boolean): Promise<void> {
  if (!yes) {
    throw AppError.validation(
      `Сброс удалит все данные в PostgreSQL (${database.location}): схемы public, drizzle и ` +
        'pgboss. Сделайте резервную копию (pg_dump) и повторите команду с --yes.',
    );
  }
  print(`Удаляю схемы public, drizzle и pgboss в ${database.location}…`);
  // One transaction: either everything is dropped or nothing is. The audit trigger goes with
  // its table (`cascade`); TRUNCATE would be rejected by it.
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`drop schema if exists pgboss cascade`);
    await tx.execute(sql`drop schema if exists drizzle cascade`);
    await tx.execute(sql`drop schema if exists public cascade`);
    await tx.execute(sql`create schema public`);
  });
}

async function migrateAndSeed(database: Database, reset: boolean): Promise<void> {
  print('Применяю миграции…');
  const applied = await migrate(database);
  print(applied.length > 0 ? `Применено миграций: ${applied.length}` : 'Схема актуальна.');
  print('Создаю демонстрационный регион…');
  const summary = reset
    ? await seedDemo(database.db)
    : await seedDemoIfEmpty(database.db, { now: new Date() });
  if (!summary) {
    print('В базе уже есть данные: демонстрационный регион не создан (сброс: noko demo --reset).');
    return;
  }
  printSummary(summary);
  print();
  for (const line of loginLines(await findDemoLogins(database.db))) print(line);
}

export async function runDemo(opts: { reset?: boolean; yes?: boolean }, c: Config): Promise<void> {
  const reset = opts.reset === true;
  const yes = opts.yes === true;
  if (!c.DATABASE_URL) {
    const dir = path.resolve(c.DATA_DIR);
    print(`База данных: PGlite (встроенная), папка ${dir}`);
    if (reset) await wipePglite(dir, yes);
    else assertDataFolder(dir);
    if (reset) print('Создаю базу заново…');
    const database = await openDatabase({ dataDir: dir });
    try {
      await migrateAndSeed(database, reset);
    } finally {
      await database.close();
    }
    return;
  }
  const database = await openFromConfig(c);
  try {
    print(`База данных: PostgreSQL, ${database.location}`);
    if (reset) await wipePostgres(database, yes);
    await migrateAndSeed(database, reset);
  } finally {
    await database.close();
  }
}

/**
 * A folder held by a running server (or a concurrent command) is an expected situation, not a
 * bug: its Russian message and exit code 1, without the stack trace main.ts adds to failures.
 */
export async function withoutTrace(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (!isAppError(e) || e.code !== ERROR_CODES.CONFLICT) throw e;
    process.stderr.write(`noko: ${e.message}\n`);
    process.exitCode = 1;
  }
}

/** The action of `noko demo` (declared in demo.command.ts). */
export async function demoCommand(opts: { reset?: boolean; yes?: boolean }): Promise<void> {
  await withoutTrace(async () => {
    await runDemo(opts, loadConfig());
    print('Готово.');
  });
}
