// Declaration of `noko report`; the implementation (report.ts: database or server API, documents)
// is imported only when the command runs.
import type { Command } from 'commander';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'документы и выгрузки результатов кампании: аналитический отчёт (DOCX, PDF), таблица XLSX, открытые данные (CSV, JSON), таблица для bus.gov.ru, карточка организации',
    )
    .requiredOption('--campaign <id>', 'номер кампании')
    .option(
      '--format <format>',
      'docx (по умолчанию) | pdf | xlsx | csv | json | busgov (= busgov-xlsx) | busgov-csv; карточка — pdf',
    )
    .option('--out <file>', 'куда записать файл («-» — в stdout); по умолчанию — имя документа')
    .option(
      '--version <n>',
      'версия результатов (по умолчанию утверждённая, для оператора — текущая)',
    )
    .option('--organization <id>', 'карточка результатов этой организации (PDF) вместо отчёта')
    .option(
      '--server <url>',
      'взять файл у работающего сервера noko через API (нужно, пока сервер держит базу PGlite)',
    )
    .option('--email <email>', 'с --server: вход под этим пользователем; пароль читается из stdin')
    .action(async (opts: Record<string, string | undefined>) =>
      (await import('./report.ts')).reportCommand(opts),
    );
}
