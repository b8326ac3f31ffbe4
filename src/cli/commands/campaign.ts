// `noko campaign score [--campaign ID] [--json]`: calculates a campaign's results from the
// database with the results service (a new version when the inputs changed) and prints them — as
// JSON in the `noko score` shape extended with names, ranks and the run, or as a table.
// Opens the configured database; with PGlite the folder lock makes it fail with an explanation
// while the server holds the folder (then recalculate through the server's page or API).
import pino from 'pino';
import { config as loadConfig } from '../../config.ts';
import { openFromConfig, type Database } from '../../db/client.ts';
import { migrationStatus } from '../../db/migrate.ts';
import { AppError, ERROR_CODES, isAppError } from '../../domain/errors.ts';
import { CLI_CALLER } from '../../features/context.ts';
import { latestCampaignId } from '../../features/results/results.repo.ts';
import type { CampaignResults, CalculationOutcome } from '../../features/results/results.schema.ts';
import { RESULT_FLAG_TITLES } from '../../features/results/results.schema.ts';
import { createResultsService } from '../../features/results/results.service.ts';
import { CRITERION_IDS, type CriterionId, type ScoreOutput } from '../../domain/scoring/index.ts';
import { renderScoreOutput } from './score.ts';

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

function campaignId(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id < 1)
    throw AppError.validation(
      `--campaign: ожидается номер кампании (целое число), получено «${raw}»`,
    );
  return id;
}

async function open(): Promise<Database> {
  try {
    return await openFromConfig(loadConfig());
  } catch (e) {
    if (isAppError(e) && e.code === ERROR_CODES.CONFLICT)
      throw new AppError(
        ERROR_CODES.CONFLICT,
        `${e.message}\nПересчитать результаты при работающем сервере можно на странице кампании ` +
          '«Результаты» (/campaigns/<id>/results) или запросом POST /api/v1/campaigns/<id>/results/calculate.',
      );
    throw e;
  }
}

export interface CampaignScore {
  outcome: CalculationOutcome;
  results: CampaignResults;
}

/** Calculates (storing a new version if the inputs changed) and reads the results back. */
export async function scoreCampaign(id?: number): Promise<CampaignScore> {
  const database = await open();
  try {
    const status = await migrationStatus(database.db);
    if (status.pending.length > 0)
      throw new AppError(
        ERROR_CODES.CONFIG,
        'Схема базы данных устарела: выполните noko db migrate и повторите.',
      );
    const target = id ?? (await latestCampaignId(database.db));
    if (target === null) throw AppError.notFound('Кампаний пока нет');
    const service = createResultsService({
      db: database.db,
      config: loadConfig(),
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
    });
    progress(`Кампания ${target}: читаю ответы, чек-листы и проверки сайтов…`);
    const outcome = await service.calculate(CLI_CALLER, target, {}, (p) => {
      if (p.stage === 'score') progress(`Рассчитано организаций: ${p.done} из ${p.total}`);
      if (p.stage === 'store') progress(`Сохраняю результаты (${p.total} организаций)…`);
    });
    progress(
      outcome.stored
        ? `Сохранена версия ${outcome.run.version} (${outcome.organizations} организаций, ${outcome.ms} мс).`
        : `Данные не изменились с версии ${outcome.run.version}: новая версия не нужна.`,
    );
    const results = await service.getCampaignResults(CLI_CALLER, {
      campaignId: target,
      version: outcome.run.version,
      withProvenance: false,
    });
    return { outcome, results };
  } finally {
    await database.close();
  }
}

const NO_CRITERIA = Object.fromEntries(CRITERION_IDS.map((id) => [id, null])) as Record<
  CriterionId,
  null
>;

/** The `noko score` output shape, each organization with its names, sample and ranks. */
export function scoreJson({
  outcome,
  results,
}: CampaignScore): ScoreOutput & Record<string, unknown> {
  const region = results.aggregates.find((a) => a.level === 'region');
  return {
    campaign: results.campaign,
    run: { ...results.run, stored: outcome.stored },
    methodology: results.run.methodology,
    organizations: results.organizations.map((o) => ({
      id: String(o.organizationId),
      inn: o.inn,
      name: o.shortName,
      fullName: o.fullName,
      kind: o.kind,
      municipality: o.municipalityName,
      indicators: o.indicators,
      criteria: o.criteria,
      total: o.total,
      band: o.band,
      respondents: o.respondents,
      requiredSample: o.requiredSample,
      belowSample: o.belowSample,
      ranked: o.ranked,
      ranks: o.ranks,
      flags: o.flags ?? [],
    })),
    aggregate: { criteria: region?.criteria ?? NO_CRITERIA, total: region?.total ?? null },
  };
}

function printTable({ outcome, results }: CampaignScore): void {
  const { campaign, run } = results;
  print(`Кампания ${campaign.id} «${campaign.title}» (${campaign.regionName}, ${campaign.year})`);
  print(
    `Версия ${run.version} (${run.status === 'frozen' ? `утверждена: ${run.frozenBasis}` : run.status === 'current' ? 'текущий расчёт' : 'заменена'})` +
      `${outcome.stored ? '' : ', данные не менялись'}`,
  );
  for (const o of results.organizations) {
    const place = o.ranks.kind === null ? '—' : String(o.ranks.kind);
    const total = o.total === null ? 'нет данных' : o.total.toFixed(2);
    const flags = (o.flags ?? []).map((f) => RESULT_FLAG_TITLES[f] ?? f).join(', ');
    print(
      `${place.padStart(4)}  ${total.padStart(10)}  ${o.shortName}${flags ? ` (${flags})` : ''}`,
    );
  }
  const region = results.aggregates.find((a) => a.level === 'region');
  print(`Среднее по региону: ${region?.total?.toFixed(2) ?? 'нет данных'}`);
}

/** The action of `noko campaign score` (declared in campaign.command.ts). */
export async function campaignScoreCommand(opts: { campaign?: string; json?: boolean }) {
  const score = await scoreCampaign(campaignId(opts.campaign));
  if (opts.json) print(renderScoreOutput(scoreJson(score)));
  else printTable(score);
}
