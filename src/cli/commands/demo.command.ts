// Declaration of `noko demo`; the implementation (demo.ts) is imported only when it runs.
import type { Command } from 'commander';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'создать демонстрационный регион в пустой базе; --reset — стереть всё и создать заново',
    )
    .option(
      '--reset',
      'удалить ВСЕ данные (включая журнал аудита) и создать демонстрационный регион',
    )
    .option('--yes', 'подтвердить удаление настоящих данных (PostgreSQL — всегда)')
    .action(async (opts: { reset?: boolean; yes?: boolean }) =>
      (await import('./demo.ts')).demoCommand(opts),
    );
}
