// `noko serve`: the web server (JSON API + pages) on HOST:PORT from the configuration.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from 'react-router';
import { config as loadConfig, type Config } from '../../config.ts';
import { AppError, ERROR_CODES } from '../../domain/errors.ts';
import { createApp } from '../../server/app.ts';
import { startServer, type RunningServer } from '../../server/http.ts';
import { createLogger, type Logger } from '../../server/logger.ts';
import type { ApiRoutes } from '../../server/types.ts';
import { FEATURE_API_ROUTES } from '../../server/api-routes.ts';
import { isDatabaseReachable, openFromConfig, type Database } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { createServices, type Services } from '../../features/services.ts';
import type { ServiceDeps } from '../../features/context.ts';
import { featureJobHandlers } from '../../jobs/handlers.ts';
import { startJobs, type Jobs } from '../../jobs/queue.ts';
import type { DemoLogin } from '../../features/demo/logins.ts';
import { prepareDemo, startupText } from './demo.ts';

/** The React Router server bundle written by `react-router build`. */
export const SERVER_BUILD_FILE = path.resolve(
  import.meta.dirname,
  '../../../build/server/index.js',
);

export interface RunServerOptions {
  config?: Config;
  logger?: Logger;
  host?: string;
  port?: number;
  /** An already open database (tests); by default the one the configuration names. */
  database?: Database;
  /** Runs after migrations, before listening (e.g. seeding the demo region). */
  beforeListen?: (services: Services) => Promise<void>;
  /** Feature API routes for /api/v1 (default: every feature's). */
  apiRoutes?: readonly ApiRoutes[];
  /** Install SIGTERM/SIGINT handlers (default true). */
  handleSignals?: boolean;
}

export async function loadServerBuild(file = SERVER_BUILD_FILE): Promise<ServerBuild> {
  if (!existsSync(file)) {
    throw new AppError(
      ERROR_CODES.CONFIG,
      `Страницы не собраны: нет ${path.relative(process.cwd(), file)}. Выполните npm run build ` +
        '(или npm start, который собирает их сам).',
    );
  }
  return (await import(pathToFileURL(file).href)) as ServerBuild;
}

export async function runServer(options: RunServerOptions = {}): Promise<RunningServer> {
  // A copy whose publicUrl can be corrected once the real port is known (see below).
  const config: { -readonly [K in keyof Config]: Config[K] } = {
    ...(options.config ?? loadConfig()),
  };
  const logger = options.logger ?? createLogger(config);
  if (config.NODE_ENV !== 'production') {
    logger.warn(
      { NODE_ENV: config.NODE_ENV },
      'NODE_ENV is not production: React renders with its slower development build',
    );
  }
  const build = await loadServerBuild();
  const database = options.database ?? (await openFromConfig(config));
  let jobs: Jobs | undefined;
  try {
    const applied = await migrate(database);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    const deps: ServiceDeps = { db: database.db, config, logger, now: () => new Date() };
    // Workers start before the demo seeding so start-up tasks can enqueue (e.g. e-mail).
    jobs = await startJobs({ database, config, logger, handlers: featureJobHandlers(deps) });
    const services = createServices({ ...deps, jobs });
    await options.beforeListen?.(services);
    const app = createApp({
      config,
      logger,
      services,
      health: () => isDatabaseReachable(database),
      build,
      apiRoutes: options.apiRoutes ?? FEATURE_API_ROUTES,
    });
    const running = await startServer(app, {
      host: options.host ?? config.HOST,
      port: options.port ?? config.PORT,
      logger,
      // Workers finish their jobs before the database they use closes.
      onClose: async () => {
        await jobs?.stop();
        await database.close();
      },
      handleSignals: options.handleSignals ?? true,
    });
    // Without PUBLIC_URL links (survey URLs, e-mails) use the address actually listened on, which
    // differs from HOST:PORT with `--port` or port 0.
    if (!config.PUBLIC_URL) config.publicUrl = running.url.replace(/\/$/, '');
    return running;
  } catch (e) {
    await jobs?.stop();
    await database.close();
    throw e;
  }
}

/** The action of `noko serve` (declared in serve.command.ts). */
export async function serveCommand(opts: { host?: string; port?: number }): Promise<void> {
  let logins: DemoLogin[] = [];
  const server = await runServer({
    ...(opts.host !== undefined ? { host: opts.host } : {}),
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    // Seeds the demo region on an empty database (NOKO_DEMO) and finds the demo logins.
    beforeListen: async (services) => {
      logins = await prepareDemo(services);
    },
  });
  // One write: whoever reads the URL reads the logins and the password with it.
  process.stdout.write(startupText(server.url, logins));
}
