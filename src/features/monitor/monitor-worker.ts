// The worker thread of the isolated monitor (isolated-monitor.ts): it owns a site monitor (one
// fetcher with its politeness limits, shared by every check it runs) and runs every check it is
// sent, concurrently, answering with the result and, when asked, the pages read as evidence
// (compressed here, so the parent receives compressed bytes only). Checks never throw (checkSite
// returns `error` sections); a crash of this thread — out of memory on a hostile page — is
// handled by the parent. A `cancel` stops a check from fetching further pages.
import { parentPort, workerData } from 'node:worker_threads';
import type {
  Applicability,
  MonitorResult,
  OrgKind,
} from '../../domain/site-requirements/index.ts';
import { checkSite, createSiteMonitor, failedResult } from './crawler.ts';
import type { MonitorOptions } from './crawler.ts';
import { recordingFetcher, type CaptureLimits, type CapturedPage } from './monitor.snapshots.ts';
import { staticResolver } from './net-guard.ts';

export interface WorkerInit {
  options: Omit<MonitorOptions, 'resolve'> & { hosts?: Readonly<Record<string, string>> };
}

export type WorkerRequest =
  | {
      type: 'check';
      id: number;
      url: string;
      check: {
        kind: OrgKind;
        now?: Date;
        applicability?: Applicability;
        surveyUrlPrefixes?: readonly string[];
        progress: boolean;
        /** Keep the pages read (evidence of the check) within these limits. */
        capture?: CaptureLimits;
      };
    }
  | { type: 'cancel'; id: number; reason: string };

/** A check request. */
export type CheckRequest = Extract<WorkerRequest, { type: 'check' }>;

export type WorkerReply =
  | { type: 'progress'; id: number; message: string }
  | { type: 'result'; id: number; result: MonitorResult; pages?: CapturedPage[] };

const port = parentPort;
if (port) {
  const { hosts, ...options } = (workerData as WorkerInit).options;
  const monitor = createSiteMonitor({
    ...options,
    ...(hosts ? { resolve: staticResolver(hosts) } : {}),
  });
  const running = new Map<number, AbortController>();
  const reply = (m: WorkerReply) => {
    // The compressed pages are moved, not copied, to the parent.
    const transfer = m.type === 'result' ? (m.pages ?? []).map((p) => p.data.buffer) : [];
    port.postMessage(m, transfer as ArrayBuffer[]);
  };

  async function run(m: CheckRequest): Promise<WorkerReply> {
    const { progress, capture, ...check } = m.check;
    const controller = new AbortController();
    running.set(m.id, controller);
    const onProgress = progress
      ? (message: string) => reply({ type: 'progress', id: m.id, message })
      : undefined;
    const recording = capture ? recordingFetcher(monitor.fetcher, capture) : null;
    try {
      const result = await checkSite(recording?.fetcher ?? monitor.fetcher, m.url, {
        ...check,
        ...monitor.limits,
        signal: controller.signal,
        ...(onProgress ? { onProgress } : {}),
      });
      const pages = recording ? await recording.pages() : undefined;
      return { type: 'result', id: m.id, result, ...(pages ? { pages } : {}) };
    } catch (e) {
      const reason = `внутренняя ошибка проверки: ${e instanceof Error ? e.message : String(e)}`;
      const result = failedResult(m.url, check.kind, check.now ?? new Date(), reason);
      return { type: 'result', id: m.id, result };
    } finally {
      running.delete(m.id);
    }
  }

  port.on('message', (m: WorkerRequest) => {
    if (m.type === 'cancel') running.get(m.id)?.abort(new Error(m.reason));
    else if (m.type === 'check') void run(m).then(reply, () => {});
  });
}
