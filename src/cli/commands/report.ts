// `noko report --campaign ID [--format F] [--out FILE] [--version N] [--organization ID]
// [--server URL --email E]`: a campaign document or export (or one organization's card) written
// to a file, progress on stderr.
//
// By default the command opens the configured database itself and acts as the regional
// administrator (CLI_CALLER). PGlite allows one process per data folder: while `noko serve` holds it,
// opening fails, and the command says how to proceed — `--server URL --email E` fetches the file
// through the running server's API as that user (password on stdin), or use PostgreSQL, or stop the
// server. With PostgreSQL both run side by side.
import fs from 'node:fs';
import { text } from 'node:stream/consumers';
import { AppError } from '../../domain/errors.ts';
import { REPORT_FORMATS, type ReportFormat } from '../../features/reports/reports.schema.ts';
import { downloadViaApi } from './report-api.ts';

export interface ReportFlags {
  campaign?: string;
  format?: string;
  out?: string;
  version?: string;
  organization?: string;
  server?: string;
  email?: string;
}

export interface ReportArgs {
  campaignId: number;
  format: ReportFormat;
  version?: number;
  organizationId?: number;
  out?: string;
}

export const progress = (m: string) => process.stderr.write(`noko report: ${m}\n`);

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1)
    throw AppError.validation(
      `--${name}: ожидается целое положительное число, получено «${value}»`,
    );
  return n;
}

export function parseReportArgs(flags: ReportFlags): ReportArgs {
  const campaignId = positive('campaign', flags.campaign);
  if (campaignId === undefined) throw AppError.validation('--campaign: укажите номер кампании');
  const organizationId = positive('organization', flags.organization);
  const raw = flags.format ?? (organizationId ? 'pdf' : 'docx');
  const format = (raw === 'busgov' ? 'busgov-xlsx' : raw) as ReportFormat;
  if (!REPORT_FORMATS.includes(format))
    throw AppError.validation(
      `--format: один из docx, pdf, xlsx, csv, json, busgov, busgov-csv (получено «${raw}»)`,
    );
  if (organizationId !== undefined && format !== 'pdf')
    throw AppError.validation('--organization: карточка организации бывает только в формате pdf');
  const version = positive('version', flags.version);
  return {
    campaignId,
    format,
    ...(version !== undefined ? { version } : {}),
    ...(organizationId !== undefined ? { organizationId } : {}),
    ...(flags.out ? { out: flags.out } : {}),
  };
}

async function viaServer(a: ReportArgs, server: string, email: string | undefined) {
  if (!email) throw AppError.validation('--server: укажите и --email (пароль читается из stdin)');
  if (process.stdin.isTTY) progress('введите пароль и нажмите Ctrl+D');
  const password = (await text(process.stdin)).replace(/\r?\n$/, '');
  if (!password) throw AppError.validation('Пароль не получен: передайте его на stdin');
  const query = a.version !== undefined ? `?version=${a.version}` : '';
  const path =
    a.organizationId !== undefined
      ? `/api/v1/campaigns/${a.campaignId}/reports/cards/${a.organizationId}${query}`
      : `/api/v1/campaigns/${a.campaignId}/reports/${a.format}${query}`;
  progress(`запрос к ${server}${path}`);
  return downloadViaApi(server, path, email, password);
}

/** The action of `noko report` (declared in report.command.ts). */
export async function reportCommand(flags: ReportFlags): Promise<void> {
  const a = parseReportArgs(flags);
  const started = performance.now();
  // The database, the documents and their libraries load only when the arguments are valid.
  const file = flags.server
    ? await viaServer(a, flags.server, flags.email)
    : await (await import('./report-direct.ts')).direct(a);
  const out = a.out ?? file.filename;
  if (out === '-') process.stdout.write(file.body);
  else fs.writeFileSync(out, file.body);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  progress(`готово: ${out === '-' ? 'stdout' : out} (${file.body.length} байт, ${seconds} с)`);
}
