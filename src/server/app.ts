// The Hono app: one process serves the JSON API (/api/v1), health checks, static assets and the
// server-rendered pages. Order: request id → logging → security headers → body limit → compression
// → routes.
import { Hono } from 'hono';
import { API_BASE, createApi } from './api.ts';
import { createErrorHandler } from './errors.ts';
import {
  compression,
  requestBodyLimit,
  requestIdentity,
  requestLogger,
  securityHeaders,
} from './middleware.ts';
import { DEFAULT_CLIENT_DIR, mountPages, mountStatic } from './pages.ts';
import { sessionMiddleware } from './session.ts';
import { AppError } from '../domain/errors.ts';
import { PUBLIC_CALLER } from '../features/context.ts';
import type { AppDeps, AppEnv } from './types.ts';

export type { AppDeps, AppEnv } from './types.ts';

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { config, logger } = deps;
  const onError = createErrorHandler(logger);
  const app = new Hono<AppEnv>();
  app.onError(onError);

  app.use(requestIdentity());
  app.use(requestLogger(logger));
  app.use(
    securityHeaders({
      https: config.publicUrl.startsWith('https:'),
      dev: deps.pagesMode === 'development',
    }),
  );
  app.use(requestBodyLimit(deps.bodyLimitBytes));
  app.use(async (c, next) => {
    if (deps.services) c.set('services', deps.services);
    c.set('caller', { ...PUBLIC_CALLER, requestId: c.get('requestId') });
    c.set('user', null);
    c.set('sessionId', null);
    c.set('csrfToken', '');
    await next();
  });
  // The session middleware (src/server/session.ts) goes here: it replaces caller, user, sessionId
  // and csrfToken for logged-in requests and checks the CSRF token of every unsafe request.
  app.use(
    sessionMiddleware({
      https: config.publicUrl.startsWith('https:'),
      ...(config.NOKO_SECRET ? { csrfKey: config.NOKO_SECRET } : {}),
    }),
  );
  app.use(compression()); // gzip HTML, JSON and the 250 KB Mantine stylesheet (36 KB gzipped)

  app.on(['GET', 'HEAD'], '/healthz', async (c) => {
    let ok: boolean;
    try {
      ok = deps.health ? await deps.health() : true;
    } catch (err) {
      c.get('logger').warn({ err }, 'health check failed');
      ok = false;
    }
    c.header('Cache-Control', 'no-store');
    return ok ? c.json({ status: 'ok' }, 200) : c.json({ status: 'unavailable' }, 503);
  });

  const api = createApi(deps.apiRoutes);
  api.onError(onError);
  app.route(API_BASE, api);
  app.all('/api', () => {
    throw AppError.notFound('Такого метода API нет');
  });
  app.all('/api/*', () => {
    throw AppError.notFound('Такого метода API нет');
  });

  mountStatic(app, deps.clientDir ?? DEFAULT_CLIENT_DIR);
  mountPages(app, deps);
  return app;
}
