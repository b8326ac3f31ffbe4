// Group commit for survey intake (issue 4 item 10): concurrent submissions are collected into one
// batch that is checked and inserted with a few statements (one multi-row INSERT, one COMMIT, one
// WAL flush) instead of three round trips each. Each caller's promise settles only after its
// batch's statements have returned, i.e. after the COMMIT: an acknowledged response is durable.
//
// Batches form by themselves under load: while `maxInFlight` batches are running, new submissions
// wait in the queue, and the next batch takes all of them (up to `maxBatch`). An idle server starts
// a batch after `windowMs`, so a lone submission waits at most that long.

/** The outcome of one item of a batch: its value, or the error its caller receives. */
export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface BatcherOptions {
  /** Most items in one batch. */
  maxBatch: number;
  /** Batches running at the same time (each holds one database connection). */
  maxInFlight: number;
  /** How long the first item of an idle queue waits for company, ms. */
  windowMs: number;
}

export interface Batcher<I, O> {
  submit(item: I): Promise<O>;
  /** Items waiting or being processed (tests, metrics). */
  readonly pending: number;
}

interface Entry<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * `run` receives the items of one batch and returns one outcome per item, in order. If it throws,
 * every item of the batch receives that error.
 */
export function createBatcher<I, O>(
  run: (items: readonly I[]) => Promise<Settled<O>[]>,
  opts: BatcherOptions,
): Batcher<I, O> {
  let queue: Entry<I, O>[] = [];
  let inFlight = 0;
  let running = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function runBatch(batch: Entry<I, O>[]): Promise<void> {
    inFlight++;
    running += batch.length;
    try {
      const outcomes = await run(batch.map((e) => e.item));
      batch.forEach((e, i) => {
        const o = outcomes[i];
        if (!o) e.reject(new Error('survey batch returned no outcome'));
        else if (o.ok) e.resolve(o.value);
        else e.reject(o.error);
      });
    } catch (error) {
      for (const e of batch) e.reject(error);
    } finally {
      inFlight--;
      running -= batch.length;
      drain();
    }
  }

  function drain(): void {
    while (queue.length > 0 && inFlight < opts.maxInFlight) {
      const batch = queue.length <= opts.maxBatch ? queue : queue.slice(0, opts.maxBatch);
      queue = batch === queue ? [] : queue.slice(opts.maxBatch);
      void runBatch(batch);
    }
  }

  function schedule(): void {
    if (queue.length >= opts.maxBatch) {
      if (timer) clearTimeout(timer);
      timer = null;
      drain();
      return;
    }
    if (timer || inFlight >= opts.maxInFlight) return; // a finishing batch drains the queue
    timer = setTimeout(() => {
      timer = null;
      drain();
    }, opts.windowMs);
  }

  return {
    submit(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
    get pending() {
      return queue.length + running;
    },
  };
}
