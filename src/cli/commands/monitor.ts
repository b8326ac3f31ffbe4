// `noko monitor URL --kind KIND [--json] [--allow-private]`: checks one site now
// (site-monitoring.md «Contract: noko monitor»). Readable Russian report by default, the contract
// object with --json; progress on stderr. Exit codes: 0 the check ran (even if the site fails it),
// 2 bad arguments, 3 the site could not be reached at all.
import { config } from '../../config.ts';
import { AppError } from '../../domain/errors.ts';
import { createSiteMonitor } from '../../features/monitor/crawler.ts';
import { MonitorArgsSchema } from '../../features/monitor/monitor.schema.ts';
import { isLocalHostname } from '../../features/monitor/net-guard.ts';
import { renderReport } from '../../features/monitor/report.ts';

export interface MonitorFlags {
  kind?: string;
  json?: boolean;
  allowPrivate?: boolean;
}

export const EXIT_UNREACHABLE = 3;

function parseArgs(url: string, flags: MonitorFlags) {
  const parsed = MonitorArgsSchema.safeParse({ url, kind: flags.kind ?? '' });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.join('.') || 'url',
      message: i.message,
    }));
    throw AppError.validation(issues.map((i) => i.message).join('; '), issues);
  }
  return parsed.data;
}

/** The action of `noko monitor` (declared in monitor.command.ts). */
export async function monitorCommand(url: string, flags: MonitorFlags): Promise<void> {
  const args = parseArgs(url, flags);
  const allowPrivate = Boolean(flags.allowPrivate) || config().NOKO_MONITOR_ALLOW_PRIVATE;
  if (!allowPrivate && isLocalHostname(new URL(args.url).hostname)) {
    throw AppError.validation(
      `адрес ${args.url} относится к частной сети или localhost; проверка таких адресов выключена ` +
        '(--allow-private или NOKO_MONITOR_ALLOW_PRIVATE=1)',
      [{ path: 'url', message: 'частный адрес' }],
    );
  }
  const monitor = createSiteMonitor({ publicUrl: config().publicUrl, allowPrivate });
  try {
    const result = await monitor.check(args.url, {
      kind: args.kind,
      onProgress: (m) => process.stderr.write(`noko monitor: ${m}\n`),
    });
    process.stdout.write(
      flags.json ? `${JSON.stringify(result, null, 2)}\n` : renderReport(result),
    );
    if (!result.reachable) process.exitCode = EXIT_UNREACHABLE;
  } finally {
    monitor.close();
  }
}
