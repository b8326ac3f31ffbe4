// A site monitor whose crawling runs in a worker thread with its own, bounded heap: for batch
// crawls (a region's thousand sites). Three reasons (issue 5 item 6, bench/monitor.bench.ts):
// - memory: V8 sizes a busy isolate's young generation from the host's RAM (128 MB of new space on
//   a 24 GB machine), so an in-process crawl's RSS depends on the host; the worker's
//   `resourceLimits` fix it, and the crawl's garbage never reaches the web server's heap;
// - the event loop: parsing a 15 MiB page takes about a second of CPU, which must not stall the
//   HTTP server;
// - failure: a page that exhausts the worker's heap kills the worker, not the process. Its checks
//   come back as `error` results and the next check starts a fresh worker.
// Same interface as createSiteMonitor (check/close), so checkSites takes either.
import { Worker } from 'node:worker_threads';
import type { MonitorResult } from '../../domain/site-requirements/index.ts';
import { failedResult } from './crawler.ts';
import type { CheckOptions, MonitorOptions } from './crawler.ts';
import type { CaptureLimits, CapturedPage } from './monitor.snapshots.ts';
import type { CheckRequest, WorkerInit, WorkerReply, WorkerRequest } from './monitor-worker.ts';

export interface IsolatedMonitorOptions extends Omit<MonitorOptions, 'resolve'> {
  /** Name → address instead of DNS (`*.suffix` wildcards): fixture sites in tests and benches. */
  hosts?: Readonly<Record<string, string>>;
  /** Heap limits of the crawler's isolate, MB. */
  heap?: { youngMb?: number; oldMb?: number };
}

/**
 * 32 MB of young generation: the balance of GC time and RSS measured by the benchmark (16 MB
 * costs ~15 % more CPU, 64 MB ~40 MB more RSS), the same on every host. 512 MB of old generation:
 * a 20 MiB page (the size limit) with its model fits many times over; a page needing more is
 * hostile.
 */
export const DEFAULT_WORKER_HEAP = { youngMb: 32, oldMb: 512 } as const;

/** A check of the isolated monitor: the crawler's options, and evidence capture. */
export interface IsolatedCheckOptions extends CheckOptions {
  /** Keep the pages read (compressed, in the worker) within these limits. */
  capture?: CaptureLimits;
}

export interface IsolatedOutcome {
  result: MonitorResult;
  /** The pages read, when capture was asked for (none when the check failed or was stopped). */
  pages: CapturedPage[];
}

interface Pending {
  url: string;
  check: CheckOptions;
  resolve: (r: IsolatedOutcome) => void;
}

export function createIsolatedMonitor(options: IsolatedMonitorOptions) {
  const { heap, ...monitorOptions } = options;
  const init: WorkerInit = { options: monitorOptions };
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let nextId = 1;

  function failAll(reason: string): void {
    for (const [id, p] of pending) {
      pending.delete(id);
      p.resolve(failed(p.url, p.check, reason));
    }
  }

  function failed(url: string, check: CheckOptions, reason: string): IsolatedOutcome {
    return { result: failedResult(url, check.kind, check.now ?? new Date(), reason), pages: [] };
  }

  function start(): Worker {
    const w = new Worker(new URL('./monitor-worker.ts', import.meta.url), {
      workerData: init,
      resourceLimits: {
        maxYoungGenerationSizeMb: heap?.youngMb ?? DEFAULT_WORKER_HEAP.youngMb,
        maxOldGenerationSizeMb: heap?.oldMb ?? DEFAULT_WORKER_HEAP.oldMb,
      },
    });
    w.on('message', (m: WorkerReply) => {
      const p = pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') p.check.onProgress?.(m.message);
      else {
        pending.delete(m.id);
        if (pending.size === 0) w.unref();
        p.resolve({ result: m.result, pages: m.pages ?? [] });
      }
    });
    const down = (reason: string) => {
      if (worker === w) worker = null;
      failAll(reason);
    };
    w.on('error', (e) =>
      down(
        (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'проверка прервана: не хватило памяти (слишком большая или вредоносная страница)'
          : `проверка прервана: ${e.message}`,
      ),
    );
    w.on('exit', () => down('проверка прервана: процесс проверки завершился'));
    return w;
  }

  /**
   * One check with its evidence. `signal` stops it: the worker fetches no further page and the
   * outcome is an `error` result with the signal's reason at once.
   */
  function checkWithPages(url: string, check: IsolatedCheckOptions): Promise<IsolatedOutcome> {
    const { onProgress, signal, capture, ...rest } = check;
    const reasonOf = (s: AbortSignal) =>
      s.reason instanceof Error ? s.reason.message : 'проверка остановлена';
    if (signal?.aborted) return Promise.resolve(failed(url, check, reasonOf(signal)));
    try {
      worker ??= start();
    } catch (e) {
      const reason = `проверка не запущена: ${e instanceof Error ? e.message : String(e)}`;
      return Promise.resolve(failed(url, check, reason));
    }
    const w = worker;
    w.ref();
    const id = nextId++;
    const request: CheckRequest = {
      type: 'check',
      id,
      url,
      check: {
        ...rest,
        progress: onProgress !== undefined,
        ...(capture ? { capture } : {}),
      },
    };
    return new Promise<IsolatedOutcome>((resolve) => {
      const onAbort = () => {
        if (!pending.delete(id)) return;
        const reason = reasonOf(signal!);
        w.postMessage({ type: 'cancel', id, reason } satisfies WorkerRequest);
        if (pending.size === 0) w.unref();
        resolve(failed(url, check, reason));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      pending.set(id, {
        url,
        check,
        resolve: (o) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(o);
        },
      });
      w.postMessage(request);
    });
  }

  return {
    check: (url: string, check: IsolatedCheckOptions): Promise<MonitorResult> =>
      checkWithPages(url, check).then((o) => o.result),
    checkWithPages,
    /** Heap of the crawler's isolate (null when no worker runs): for the benchmark's figures. */
    async heap(): Promise<{ usedMb: number; committedMb: number } | null> {
      try {
        const h = worker ? await worker.getHeapStatistics() : null;
        return (
          h && { usedMb: h.used_heap_size / 2 ** 20, committedMb: h.total_heap_size / 2 ** 20 }
        );
      } catch {
        return null;
      }
    },
    /** Stops the worker; checks still running come back as `error` results. */
    close(): Promise<void> {
      const w = worker;
      worker = null;
      failAll('проверка прервана: монитор остановлен');
      return w ? w.terminate().then(() => undefined) : Promise.resolve();
    },
  };
}

export type IsolatedMonitor = ReturnType<typeof createIsolatedMonitor>;
