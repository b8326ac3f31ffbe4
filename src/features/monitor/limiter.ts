// Politeness: at most `perHost` requests at once to one host, and at most `global` in total.

export class Semaphore {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  readonly limit: number;

  constructor(limit: number) {
    this.limit = Math.max(1, limit);
  }

  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.queue.push(resolve));
  }

  release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }

  get idle(): boolean {
    return this.active === 0 && this.queue.length === 0;
  }
}

export class HostLimiter {
  private readonly global: Semaphore;
  private readonly hosts = new Map<string, Semaphore>();
  private readonly perHost: number;

  constructor(opts: { perHost: number; global: number }) {
    this.perHost = opts.perHost;
    this.global = new Semaphore(opts.global);
  }

  /** Runs `task` holding a slot of its host and a global slot (host first: no global slot idles). */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    let sem = this.hosts.get(host);
    if (!sem) {
      sem = new Semaphore(this.perHost);
      this.hosts.set(host, sem);
    }
    await sem.acquire();
    try {
      await this.global.acquire();
      try {
        return await task();
      } finally {
        this.global.release();
      }
    } finally {
      sem.release();
      if (sem.idle) this.hosts.delete(host);
    }
  }
}
