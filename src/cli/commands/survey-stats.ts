// `noko survey-stats [--campaign ID] [--json]`: per organization of a campaign its survey code,
// counted (valid), flagged and excluded responses, the required sample and the «Да» counts
// q1…q14 — `survey` is exactly the survey part of a `noko score` organization.
// Opens the configured database; with PGlite the folder lock makes it fail with an explanation
// while the server holds the folder (use PostgreSQL or stop the server).
import pino from 'pino';
import { config as loadConfig } from '../../config.ts';
import { openFromConfig } from '../../db/client.ts';
import { migrationStatus } from '../../db/migrate.ts';
import { AppError, ERROR_CODES } from '../../domain/errors.ts';
import { CLI_CALLER } from '../../features/context.ts';
import { createSurveyService } from '../../features/survey/survey.service.ts';
import type { SurveyStats } from '../../features/survey/survey.schema.ts';

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

export async function surveyStats(campaignId?: number): Promise<SurveyStats> {
  const c = loadConfig();
  const database = await openFromConfig(c);
  try {
    const status = await migrationStatus(database.db);
    if (status.pending.length > 0) {
      throw new AppError(
        ERROR_CODES.CONFIG,
        'Схема базы данных устарела: выполните noko db migrate и повторите.',
      );
    }
    const service = createSurveyService({
      db: database.db,
      config: c,
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
    });
    return await service.stats(CLI_CALLER, campaignId);
  } finally {
    await database.close();
  }
}

function printTable(stats: SurveyStats): void {
  const { campaign } = stats;
  print(`Кампания ${campaign.id} «${campaign.title}» (${campaign.status})`);
  print(`Выборка: min(${campaign.sample.cap}, ⌈${campaign.sample.share} × контингент⌉)`);
  for (const o of stats.organizations) {
    const short = o.valid < o.required ? ` — не хватает ${o.required - o.valid}` : '';
    const yes = Object.entries(o.survey)
      .filter(([k]) => k !== 'respondents')
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    print(
      `${o.code ?? '—'}  ${o.name}: учтено ${o.valid} из ${o.required}${short}; ` +
        `помечено ${o.flagged}, исключено ${o.excluded}; «Да»: ${yes}`,
    );
  }
  if (stats.organizations.length === 0) print('В перечне кампании нет включённых организаций.');
}

/** The action of `noko survey-stats` (declared in survey-stats.command.ts). */
export async function surveyStatsCommand(opts: { campaign?: string; json?: boolean }) {
  let id: number | undefined;
  if (opts.campaign !== undefined) {
    id = Number(opts.campaign);
    if (!Number.isSafeInteger(id) || id < 1) {
      throw AppError.validation(
        `--campaign: ожидается номер кампании (целое число), получено «${opts.campaign}»`,
      );
    }
  }
  const stats = await surveyStats(id);
  if (opts.json) print(JSON.stringify(stats, null, 2));
  else printTable(stats);
}
