// Declaration of `noko campaign …`; the implementation (campaign.ts: the database and the results
// service) is imported only when a subcommand runs.
import type { Command } from 'commander';

export function registerCampaign(program: Command): void {
  const campaign = program
    .command('campaign')
    .description('результаты кампаний НОК УООД')
    .helpCommand('help [command]', 'справка по подкоманде');
  campaign
    .command('score')
    .description(
      'рассчитать результаты кампании по данным базы (анкеты, чек-листы, проверки сайтов) и ' +
        'сохранить новую версию, если данные изменились',
    )
    .option('--campaign <id>', 'номер кампании (по умолчанию — последняя)')
    .option('--json', 'вывести результат в JSON (формат noko score с названиями организаций)')
    .addHelpText(
      'after',
      '\nХод расчёта печатается в стандартный поток ошибок. Со встроенной базой (PGlite) команда\n' +
        'работает, только когда сервер noko остановлен; при работающем сервере пересчитайте\n' +
        'результаты на странице кампании «Результаты» или запросом\n' +
        'POST /api/v1/campaigns/<id>/results/calculate.',
    )
    .action(async (opts: { campaign?: string; json?: boolean }) =>
      (await import('./campaign.ts')).campaignScoreCommand(opts),
    );
}
