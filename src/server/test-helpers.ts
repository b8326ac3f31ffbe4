// Shared by the src/server tests: a quiet configuration and an app without pages.
import { createRoute, z } from '@hono/zod-openapi';
import { parseConfig } from '../config.ts';
import { AppError, type ErrorCode } from '../domain/errors.ts';
import { createApp } from './app.ts';
import { createLogger } from './logger.ts';
import type { AppDeps, ApiRoutes } from './types.ts';

export const testConfig = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });

/** Test-only API routes: a validated POST and a route that throws the AppError it is asked for. */
export const testRoutes: ApiRoutes = (api) => {
  const echo = createRoute({
    method: 'post',
    path: '/echo',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              name: z.string().min(1),
              tags: z.array(z.string().max(3)),
              age: z.number().int().optional(),
            }),
          },
        },
      },
    },
    responses: { 200: { description: 'Echo' } },
  });
  api.openapi(echo, (c) => c.json(c.req.valid('json'), 200));
  api.get('/throw/:code', (c) => {
    throw new AppError(c.req.param('code') as ErrorCode, 'Сообщение для людей', { hint: 1 });
  });
  api.get('/crash', () => {
    throw new Error('secret internal detail');
  });
};

export function testApp(extra: Partial<AppDeps> = {}) {
  return createApp({
    config: testConfig,
    logger: createLogger(testConfig),
    apiRoutes: [testRoutes],
    clientDir: '/nonexistent',
    ...extra,
  });
}
