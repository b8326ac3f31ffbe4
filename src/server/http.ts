// Listening and graceful shutdown. On SIGTERM/SIGINT the server stops accepting connections,
// lets in-flight requests finish (up to a timeout), then runs onClose (close the database, stop
// job workers) and exits. A second signal exits at once.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from './types.ts';

export interface StartOptions {
  host: string;
  port: number;
  logger: Logger;
  /** Runs after the last request has finished: close the database, stop workers. */
  onClose?: () => Promise<void> | void;
  /** How long in-flight requests may take after a shutdown signal (default 10 s). */
  drainTimeoutMs?: number;
  /** Install SIGTERM/SIGINT handlers that shut down and exit the process (default true). */
  handleSignals?: boolean;
}

export interface RunningServer {
  /** The address actually bound (port 0 picks a free port). */
  url: string;
  port: number;
  server: Server;
  /** Stops accepting, drains, runs onClose. Idempotent. */
  close: () => Promise<void>;
}

function listen(app: Hono<AppEnv>, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, () =>
      resolve(server),
    ) as Server;
    server.once('error', reject);
  });
}

export async function startServer(app: Hono<AppEnv>, opts: StartOptions): Promise<RunningServer> {
  const { logger } = opts;
  const server = await listen(app, opts.host, opts.port);
  const { port } = server.address() as AddressInfo;
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  const url = `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      logger.info('shutting down: waiting for in-flight requests');
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets become idle as their last response ends; close them as they do.
      const sweeper = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), opts.drainTimeoutMs ?? 10_000);
        timer.unref();
      });
      if ((await Promise.race([drained, timeout])) === 'timeout') {
        logger.warn('requests still running after the drain timeout; closing connections');
        server.closeAllConnections();
      }
      clearTimeout(timer);
      clearInterval(sweeper);
      try {
        await opts.onClose?.();
      } catch (err) {
        logger.error({ err }, 'onClose failed');
      }
      logger.info('stopped');
    })();
    return closing;
  };

  if (opts.handleSignals ?? true) {
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) {
        logger.warn({ signal }, 'second signal: exiting now');
        process.exit(1);
      }
      logger.info({ signal }, 'signal received');
      close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    server.once('close', () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    });
  }

  logger.info({ url }, 'listening');
  return { url, port, server, close };
}
