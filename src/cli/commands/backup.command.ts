// Declaration of `noko backup` and `noko restore`; the implementation (backup.ts, PGlite) is
// imported only when one of them runs.
import type { Command } from 'commander';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description(
      'резервная копия встроенной базы (PGlite) в файл .tar.gz; сервер должен быть остановлен',
    )
    .argument('<file>', 'файл копии, например noko-2026-11-23.tar.gz')
    .option('--force', 'заменить существующий файл')
    .action(async (file: string, opts: { force?: boolean }) =>
      (await import('./backup.ts')).backupCommand(file, opts),
    );
  program
    .command('restore')
    .description(
      'восстановить встроенную базу (PGlite) из копии noko backup; сервер должен быть остановлен',
    )
    .argument('<file>', 'файл копии')
    .option('--force', 'заменить существующую базу (она переименовывается в <папка>.bak-<время>)')
    .action(async (file: string, opts: { force?: boolean }) =>
      (await import('./backup.ts')).restoreCommand(file, opts),
    );
}
