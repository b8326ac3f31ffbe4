import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { startServer } from './http.ts';
import { createLogger } from './logger.ts';
import { testConfig } from './test-helpers.ts';
import type { AppEnv } from './types.ts';

const logger = createLogger(testConfig);

function slowApp(ms: number) {
  const app = new Hono<AppEnv>();
  app.get('/slow', async (c) => {
    await new Promise((r) => setTimeout(r, ms));
    return c.text('done');
  });
  return app;
}

describe('startServer', () => {
  it('finishes in-flight requests before onClose, then refuses new connections', async () => {
    const events: string[] = [];
    const running = await startServer(slowApp(300), {
      host: '127.0.0.1',
      port: 0,
      logger,
      handleSignals: false,
      onClose: () => {
        events.push('onClose');
      },
    });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const inFlight = fetch(`${running.url}/slow`).then(async (r) => {
      events.push(`response ${r.status} ${await r.text()}`);
    });
    await new Promise((r) => setTimeout(r, 50));
    await running.close();
    await inFlight;
    expect(events).toEqual(['response 200 done', 'onClose']);
    await expect(fetch(`${running.url}/slow`)).rejects.toThrow();
  });

  it('cuts requests that outlive the drain timeout', async () => {
    let closed = false;
    const running = await startServer(slowApp(5_000), {
      host: '127.0.0.1',
      port: 0,
      logger,
      handleSignals: false,
      drainTimeoutMs: 100,
      onClose: () => {
        closed = true;
      },
    });
    const inFlight = fetch(`${running.url}/slow`).catch(() => 'cut');
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await running.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(closed).toBe(true);
    expect(await inFlight).toBe('cut');
  });
});
