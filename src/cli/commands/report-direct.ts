// `noko report` without --server: the configured database opened by this process, the reports
// service acting as the regional administrator (CLI_CALLER). PGlite allows one process per data
// folder; while a server holds it, the error says how to get the file through the server instead.
import pino from 'pino';
import { config as loadConfig } from '../../config.ts';
import { openFromConfig } from '../../db/client.ts';
import { migrationStatus } from '../../db/migrate.ts';
import { AppError, ERROR_CODES, isAppError } from '../../domain/errors.ts';
import { CLI_CALLER } from '../../features/context.ts';
import { createReportsService } from '../../features/reports/reports.service.ts';
import { progress, type ReportArgs } from './report.ts';

function lockHeld(e: unknown): boolean {
  return (
    isAppError(e) &&
    e.code === ERROR_CODES.CONFLICT &&
    typeof (e.details as { lockFile?: unknown } | undefined)?.lockFile === 'string'
  );
}

export async function direct(a: ReportArgs): Promise<{ filename: string; body: Buffer }> {
  const c = loadConfig();
  let database;
  try {
    database = await openFromConfig(c);
  } catch (e) {
    if (!lockHeld(e)) throw e;
    throw new AppError(
      ERROR_CODES.CONFLICT,
      `${(e as Error).message}\nЧтобы получить файл, пока сервер работает: noko report --campaign ${a.campaignId} --format ${a.format} --server ${c.publicUrl} --email <ваш e-mail> < файл-с-паролем — файл возьмётся через API сервера с правами этого пользователя (у командной строки нет своего доступа к API). Или скачайте его на странице ${c.publicUrl}/campaigns/${a.campaignId}/reports.`,
    );
  }
  try {
    const status = await migrationStatus(database.db);
    if (status.pending.length > 0)
      throw new AppError(
        ERROR_CODES.CONFIG,
        'Схема базы данных устарела: выполните noko db migrate и повторите.',
      );
    const deps = {
      db: database.db,
      config: c,
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
    };
    const service = createReportsService(deps, { onProgress: progress });
    const version = a.version !== undefined ? { version: a.version } : {};
    return a.organizationId !== undefined
      ? await service.buildCard(CLI_CALLER, {
          campaignId: a.campaignId,
          organizationId: a.organizationId,
          ...version,
        })
      : await service.buildReport(CLI_CALLER, {
          campaignId: a.campaignId,
          format: a.format,
          ...version,
        });
  } finally {
    await database.close();
  }
}
