// Declaration of `noko survey-stats`; the implementation (survey-stats.ts, the database and the
// survey service) is imported only when the command runs.
import type { Command } from 'commander';

export function registerSurveyStats(program: Command): void {
  program
    .command('survey-stats')
    .description('ответы анкеты по организациям кампании (входные данные опроса для noko score)')
    .option('--campaign <id>', 'номер кампании (по умолчанию — идущая сейчас, иначе последняя)')
    .option('--json', 'вывести в формате JSON')
    .action(async (opts: { campaign?: string; json?: boolean }) =>
      (await import('./survey-stats.ts')).surveyStatsCommand(opts),
    );
}
