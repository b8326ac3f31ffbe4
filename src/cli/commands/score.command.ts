// Declaration of `noko score` (name, help, options). The implementation (score.ts) is imported
// only when the command runs, so `noko --help` and the other commands do not load it.
import type { Command } from 'commander';
import type { ScoreOptions } from './score.ts';

export function registerScore(program: Command): void {
  program
    .command('score')
    .description(
      'рассчитать показатели 1.1–5.3, критерии К1–К5 и итоговый балл по данным из JSON ' +
        '(методика Минтруда № 344н); результат — JSON на стандартный вывод',
    )
    .argument('<file>', 'JSON-файл с данными организаций или «-» для стандартного ввода')
    .option('--provenance', 'добавить происхождение каждого значения и версию методики')
    .addHelpText(
      'after',
      '\nФормат входа и выхода: спецификация methodology.md, раздел «Contract: noko score»;\n' +
        'пример: test/fixtures/score/worked-example.json.\n' +
        'Коды выхода: 0 — успех; 2 — неверные входные данные (сообщение называет поле, вывод пуст).',
    )
    .action(async (file: string, options: ScoreOptions) =>
      (await import('./score.ts')).scoreCommand(file, options),
    );
}
