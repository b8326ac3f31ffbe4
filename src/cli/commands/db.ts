// `noko db migrate` and `noko db status`: the configured database (DATABASE_URL or DATA_DIR).
import { config } from '../../config.ts';
import { openFromConfig, type Database } from '../../db/client.ts';
import { migrate, migrationStatus } from '../../db/migrate.ts';

const BACKEND_TITLES = { pglite: 'PGlite (встроенная)', postgres: 'PostgreSQL' } as const;

/** Opens the configured database, runs `fn`, and always closes it so the process can exit. */
async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openFromConfig(config());
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** `noko db migrate` (declared in db.command.ts). */
export async function dbMigrate(): Promise<void> {
  await withDatabase(async (database) => {
    print(`База данных: ${BACKEND_TITLES[database.kind]}, ${database.location}`);
    const applied = await migrate(database);
    if (applied.length === 0) print('Схема актуальна: новых миграций нет.');
    else {
      print(`Применено миграций: ${applied.length}`);
      for (const tag of applied) print(`  ${tag}`);
    }
  });
}

/** `noko db status [--json]` (declared in db.command.ts). */
export async function dbStatus(opts: { json?: boolean }): Promise<void> {
  await withDatabase(async (database) => {
    const status = await migrationStatus(database.db);
    if (opts.json) {
      print(
        JSON.stringify({
          kind: database.kind,
          location: database.location,
          applied: status.applied.map((m) => m.tag),
          pending: status.pending.map((m) => m.tag),
        }),
      );
      return;
    }
    print(`База данных: ${BACKEND_TITLES[database.kind]}`);
    print(`Расположение: ${database.location}`);
    print(`Применено миграций: ${status.applied.length}`);
    if (status.pending.length === 0) print('Схема актуальна.');
    else {
      print(`Не применено: ${status.pending.length} (выполните noko db migrate)`);
      for (const m of status.pending) print(`  ${m.tag}`);
    }
  });
}
