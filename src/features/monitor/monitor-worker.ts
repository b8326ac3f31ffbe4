// The worker thread of the isolated monitor (isolated-monitor.ts): it owns a site monitor (one
// fetcher with its politeness limits) and runs every check it is sent, concurrently, answering
// with the result. Checks never throw (checkSite returns `error` sections); a crash of this
// thread — out of memory on a hostile page — is handled by the parent.
import { parentPort, workerData } from 'node:worker_threads';
import type {
  Applicability,
  MonitorResult,
  OrgKind,
} from '../../domain/site-requirements/index.ts';
import { createSiteMonitor, failedResult } from './crawler.ts';
import type { MonitorOptions } from './crawler.ts';
import { staticResolver } from './net-guard.ts';

export interface WorkerInit {
  options: Omit<MonitorOptions, 'resolve'> & { hosts?: Readonly<Record<string, string>> };
}

export interface CheckRequest {
  type: 'check';
  id: number;
  url: string;
  check: {
    kind: OrgKind;
    now?: Date;
    applicability?: Applicability;
    surveyUrlPrefixes?: readonly string[];
    progress: boolean;
  };
}

export type WorkerReply =
  | { type: 'progress'; id: number; message: string }
  | { type: 'result'; id: number; result: MonitorResult };

const port = parentPort;
if (port) {
  const { hosts, ...options } = (workerData as WorkerInit).options;
  const monitor = createSiteMonitor({
    ...options,
    ...(hosts ? { resolve: staticResolver(hosts) } : {}),
  });
  const reply = (m: WorkerReply) => port.postMessage(m);
  port.on('message', (m: CheckRequest) => {
    if (m.type !== 'check') return;
    const { progress, ...check } = m.check;
    const onProgress = progress
      ? (message: string) => reply({ type: 'progress', id: m.id, message })
      : undefined;
    monitor
      .check(m.url, { ...check, ...(onProgress ? { onProgress } : {}) })
      .catch((e: unknown) =>
        failedResult(
          m.url,
          check.kind,
          check.now ?? new Date(),
          `внутренняя ошибка проверки: ${e instanceof Error ? e.message : String(e)}`,
        ),
      )
      .then(
        (result) => reply({ type: 'result', id: m.id, result }),
        () => {},
      );
  });
}
