// Pages: static assets of the Vite build and React Router's request handler for everything else.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { RouterContextProvider, createRequestHandler } from 'react-router';
import { setHeader } from './middleware.ts';
import { mountPublicSurvey } from './public-survey.ts';
import { pageRequest } from './session.ts';
import { appContext, type AppLoadContext } from '../web/context.ts';
import type { AppDeps, AppEnv } from './types.ts';

/** build/client of this checkout, wherever the process was started from. */
export const DEFAULT_CLIENT_DIR = path.resolve(import.meta.dirname, '../../build/client');

/** What loaders and actions of one page request receive (see getLoadContext). */
export function loadContextValue(c: Context<AppEnv>, deps: AppDeps): AppLoadContext {
  return {
    config: deps.config,
    logger: c.get('logger'),
    requestId: c.get('requestId'),
    cspNonce: c.get('secureHeadersNonce') ?? '',
    services: c.get('services'),
    caller: c.get('caller'),
    user: c.get('user'),
    csrfToken: c.get('csrfToken'),
  };
}

/** The load context of one page request: `context.get(appContext)` in loaders and actions. */
export function getLoadContext(c: Context<AppEnv>, deps: AppDeps): RouterContextProvider {
  const context = new RouterContextProvider();
  context.set(appContext, loadContextValue(c, deps));
  return context;
}

function topLevelFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith('.'))
      .map((e) => e.name);
  } catch {
    return []; // not built yet
  }
}

/**
 * Hashed bundles under /assets/* are cached for a year; other top-level files of the client build
 * (favicon, robots.txt from public/) for an hour. Dotfiles (the Vite manifest) are never served.
 */
export function mountStatic(app: Hono<AppEnv>, clientDir: string): void {
  if (!existsSync(clientDir)) return; // pages not built (API-only tests)
  const files = serveStatic({ root: clientDir });
  const cached =
    (cacheControl: string): MiddlewareHandler<AppEnv> =>
    async (c, next) => {
      const res = await files(c, next); // a Response when the file exists, else next() ran
      if (res instanceof Response && (res.status === 200 || res.status === 206)) {
        setHeader(res, 'Cache-Control', cacheControl);
      }
      return res;
    };
  app.use('/assets/*', cached('public, max-age=31536000, immutable'));
  for (const name of topLevelFiles(clientDir)) app.use(`/${name}`, cached('public, max-age=3600'));
}

/** Hands every remaining request to React Router (or answers 503 when pages are not built). */
export function mountPages(app: Hono<AppEnv>, deps: AppDeps): void {
  if (!deps.build) {
    app.all('*', (c) =>
      c.html(
        '<!doctype html><html lang="ru"><title>noko</title><p>Страницы не собраны.</p></html>',
        503,
      ),
    );
    return;
  }
  // The public survey form straight from Hono in production (the dev server keeps React Router's
  // module reloading for it too).
  if (deps.pagesMode !== 'development') mountPublicSurvey(app, deps);
  const handle = createRequestHandler(deps.build, deps.pagesMode ?? 'production');
  app.all('*', async (c) => {
    const response = await handle(pageRequest(c), getLoadContext(c, deps));
    // Pages carry a per-request CSP nonce and, later, personal data: never cache them.
    const html = response.headers.get('Content-Type')?.startsWith('text/html');
    if (html && !response.headers.has('Cache-Control'))
      setHeader(response, 'Cache-Control', 'no-store');
    return response;
  });
}
