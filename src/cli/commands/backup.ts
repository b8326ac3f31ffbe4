// `noko backup FILE` and `noko restore FILE`: a copy of the embedded PGlite database (its whole
// data folder as a gzip tar, PGlite's dumpDataDir) and its restoration into a fresh folder. The
// folder in use is never deleted: restore moves it aside to `<folder>.bak-<time>`. PostgreSQL has
// its own tools (pg_dump/pg_restore); for it these commands print what to run instead.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { config as loadConfig, type Config } from '../../config.ts';
import { openDatabase, queryRows, redactUrl, type Database } from '../../db/client.ts';
import { lockFolder } from '../../db/lock.ts';
import { migrate } from '../../db/migrate.ts';
import { AppError, ERROR_CODES } from '../../domain/errors.ts';
import { assertDataFolder, isPgliteFolder, withoutTrace } from './demo.ts';

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} МБ`;
}

/** A timestamp usable in a file name: 2026-11-23T10-15-00. */
function stamp(at = new Date()): string {
  return at.toISOString().slice(0, 19).replaceAll(':', '-');
}

function postgresInstead(c: Config, file: string): never {
  const url = redactUrl(c.DATABASE_URL ?? '');
  throw new AppError(
    ERROR_CODES.CONFIG,
    `noko backup и noko restore работают со встроенной базой (PGlite). Для PostgreSQL (${url}) ` +
      'используйте его средства:\n' +
      `  копия:          pg_dump --format=custom --file=${file} "$DATABASE_URL"\n` +
      `  восстановление: pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" ${file}\n` +
      'Перед восстановлением остановите все экземпляры noko (см. docs/deploy.md).',
  );
}

/** Row counts shown after a backup or restore, so the user sees what the copy holds. */
export async function contentCounts(database: Database): Promise<Record<string, number>> {
  const [row] = await queryRows<Record<string, string | number>>(
    database.db,
    sql`select (select count(*) from organizations) as organizations,
      (select count(*) from users) as users, (select count(*) from campaigns) as campaigns,
      (select count(*) from audit_log) as audit_log`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}

function describeCounts(c: Record<string, number>): string {
  return (
    `организаций ${c.organizations ?? 0}, пользователей ${c.users ?? 0}, ` +
    `кампаний ${c.campaigns ?? 0}, записей журнала аудита ${c.audit_log ?? 0}`
  );
}

export async function runBackup(file: string, opts: { force?: boolean }, c: Config) {
  if (c.DATABASE_URL) postgresInstead(c, file);
  const dir = path.resolve(c.DATA_DIR);
  const target = path.resolve(file);
  if (!isPgliteFolder(dir)) {
    throw AppError.validation(`В папке ${dir} нет базы данных noko: копировать нечего.`);
  }
  if (fs.existsSync(target) && !opts.force) {
    throw AppError.validation(
      `Файл ${target} уже существует. Укажите другое имя или добавьте --force, чтобы заменить его.`,
    );
  }
  print(`Открываю базу в папке ${dir}…`);
  // The folder lock makes a running server fail this with a clear message: PGlite allows one
  // process, and a copy of a folder another process is writing would be inconsistent.
  const database = await openDatabase({ dataDir: dir });
  try {
    const counts = await contentCounts(database);
    print('Создаю копию…');
    const started = performance.now();
    const dump = await database.pglite!.dumpDataDir('gzip');
    const bytes = new Uint8Array(await dump.arrayBuffer());
    // Written next to the target and renamed: an interrupted backup never leaves a half file.
    const partial = `${target}.partial-${process.pid}`;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(partial, bytes);
    fs.renameSync(partial, target);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    print(`Копия записана: ${target} (${megabytes(bytes.length)}, ${seconds} с)`);
    print(`В копии: ${describeCounts(counts)}`);
  } finally {
    await database.close();
  }
}

/** Unpacks a dump into a new folder with PGlite itself, then drops the dump's stale lock files. */
async function unpackInto(folder: string, dump: Blob): Promise<void> {
  const client = new PGlite({ dataDir: folder, loadDataDir: dump });
  await client.waitReady;
  await client.close();
  // The dump carries the lock of the process that made it (and PGlite's pid file); the restored
  // folder must start unlocked.
  for (const name of ['noko.lock', 'postmaster.pid']) {
    fs.rmSync(path.join(folder, name), { force: true });
  }
}

function readDump(file: string): Blob {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw AppError.validation(`Файл ${source} не найден.`);
  const bytes = fs.readFileSync(source);
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    throw AppError.validation(
      `Файл ${source} не похож на копию, сделанную noko backup (ожидается архив .tar.gz).`,
    );
  }
  print(`Копия: ${source} (${megabytes(bytes.length)})`);
  return new Blob([new Uint8Array(bytes)]);
}

/** Moves the current folder aside (after making sure no server holds it); returns where to. */
function moveAside(dir: string): string {
  const lock = lockFolder(dir);
  lock.release();
  const aside = `${dir}.bak-${stamp()}`;
  fs.renameSync(dir, aside);
  print(`Текущая база сохранена в ${aside}`);
  return aside;
}

export async function runRestore(file: string, opts: { force?: boolean }, c: Config) {
  if (c.DATABASE_URL) postgresInstead(c, file);
  const dir = path.resolve(c.DATA_DIR);
  assertDataFolder(dir);
  if (isPgliteFolder(dir) && !opts.force) {
    throw AppError.validation(
      `В папке ${dir} уже есть база данных. Восстановление заменит её: повторите команду с ` +
        `--force (текущая папка не удаляется, а переименовывается в ${path.basename(dir)}.bak-<время>).`,
    );
  }
  const dump = readDump(file);
  // Fails now, before any work, if a server holds the folder.
  if (fs.existsSync(dir)) lockFolder(dir).release();
  const staging = `${dir}.restoring-${stamp()}`;
  print('Распаковываю копию…');
  const started = performance.now();
  try {
    await unpackInto(staging, dump);
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  let aside: string | undefined;
  try {
    if (isPgliteFolder(dir)) aside = moveAside(dir);
    else fs.rmSync(dir, { recursive: true, force: true }); // empty or only a stale lock
    fs.renameSync(staging, dir);
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  const database = await openDatabase({ dataDir: dir });
  try {
    const applied = await migrate(database);
    if (applied.length > 0) print(`Применено миграций: ${applied.length}`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    print(
      `База восстановлена в ${dir} за ${seconds} с: ${describeCounts(await contentCounts(database))}`,
    );
    if (aside) print(`Прежняя база осталась в ${aside}; удалите папку, когда она не нужна.`);
  } finally {
    await database.close();
  }
}

/** `noko backup FILE` (declared in backup.command.ts). */
export function backupCommand(file: string, opts: { force?: boolean }): Promise<void> {
  return withoutTrace(() => runBackup(file, opts, loadConfig()));
}

/** `noko restore FILE` (declared in backup.command.ts). */
export function restoreCommand(file: string, opts: { force?: boolean }): Promise<void> {
  return withoutTrace(() => runRestore(file, opts, loadConfig()));
}
