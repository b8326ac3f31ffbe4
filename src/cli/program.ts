// The `noko` command tree; errors are reported in Russian on stderr with exit code 2 for bad input,
// 1 otherwise. Each command is declared (name, help, arguments, options) in
// src/cli/commands/<name>.command.ts, which imports only commander types; its action loads the
// implementation, src/cli/commands/<name>.ts, with `await import()`. So `noko --help` or
// `noko score` never load the database, the server or the crawler (startup ~1 s → ~0.2 s).
import { Command, CommanderError } from 'commander';
import { isAppError, ERROR_CODES } from '../domain/errors.ts';
import { registerScore } from './commands/score.command.ts';
import { registerDb } from './commands/db.command.ts';
import { registerServe } from './commands/serve.command.ts';
import { registerDemo } from './commands/demo.command.ts';
import { registerBackup } from './commands/backup.command.ts';
import { registerMonitor } from './commands/monitor.command.ts';
import { registerSurveyStats } from './commands/survey-stats.command.ts';
import { registerCampaign } from './commands/campaign.command.ts';
import { registerReport } from './commands/report.command.ts';

export function buildProgram(): Command {
  const program = new Command('noko')
    .description(
      'noko — независимая оценка качества условий осуществления образовательной деятельности (НОК УООД)',
    )
    .version('0.1.0', '-V, --version', 'показать версию')
    .helpOption('-h, --help', 'показать справку')
    .helpCommand('help [command]', 'справка по команде')
    .showHelpAfterError()
    .exitOverride();
  registerScore(program);
  registerDb(program);
  registerServe(program);
  registerDemo(program);
  registerBackup(program);
  registerMonitor(program);
  registerSurveyStats(program);
  registerCampaign(program);
  registerReport(program);
  return program;
}

/** Exit code for a failure: 2 for bad input or arguments, 1 for everything else. */
export function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
  if (isAppError(e) && (e.code === ERROR_CODES.VALIDATION || e.code === ERROR_CODES.CONFIG))
    return 2;
  return 1;
}
