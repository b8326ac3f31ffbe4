// Declaration of `noko db migrate` and `noko db status`; the implementation (db.ts, which opens
// the database) is imported only when one of them runs.
import type { Command } from 'commander';

export function registerDb(program: Command): void {
  const db = program.command('db').description('база данных: миграции и состояние');

  db.command('migrate')
    .description('применить миграции схемы к настроенной базе данных (DATABASE_URL или DATA_DIR)')
    .action(async () => (await import('./db.ts')).dbMigrate());

  db.command('status')
    .description('показать тип и расположение базы данных и состояние миграций')
    .option('--json', 'вывести в формате JSON')
    .action(async (opts: { json?: boolean }) => (await import('./db.ts')).dbStatus(opts));
}
