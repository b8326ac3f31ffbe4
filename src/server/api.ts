// The JSON API: an OpenAPIHono sub-app mounted at /api/v1. Routes are declared from zod contracts
// with createRoute; invalid input becomes AppError(validation_failed) with one issue per field.
// The OpenAPI document is served at /api/v1/openapi.json.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Hook } from '@hono/zod-openapi';
import pkg from '../../package.json' with { type: 'json' };
import { AppError, type FieldIssue } from '../domain/errors.ts';
import type { Api, ApiRoutes, AppEnv } from './types.ts';

// Russian messages for zod's built-in checks (contracts may still give their own).
z.config(z.locales.ru());

export const API_BASE = '/api/v1';
export const PRODUCT_TITLE =
  'Независимая оценка качества условий осуществления образовательной деятельности';

/** `a.b[0].c` from a zod issue path. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

/** Turns a failed zod validation of any request part into AppError(validation_failed). */
export const validationHook: Hook<unknown, AppEnv, string, undefined> = (result) => {
  if (result.success) return undefined;
  const issues: FieldIssue[] = result.error.issues.map((i) => ({
    path: issuePath(i.path) || result.target,
    message: i.message,
  }));
  throw AppError.validation('Проверьте данные запроса', issues);
};

/** The error body every API failure answers with (documented once, referenced by routes). */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string().openapi({ example: 'Проверьте данные запроса' }),
      details: z.unknown(),
    }),
  })
  .openapi('Error');

const MetaSchema = z
  .object({
    name: z.literal('noko'),
    title: z.string().openapi({ example: PRODUCT_TITLE }),
    version: z.string().openapi({ example: '0.1.0' }),
    apiVersion: z.literal('v1'),
  })
  .openapi('Meta');

const metaRoute = createRoute({
  method: 'get',
  path: '/meta',
  tags: ['Служебное'],
  summary: 'Сведения о системе',
  responses: {
    200: {
      description: 'Название и версия',
      content: { 'application/json': { schema: MetaSchema } },
    },
  },
});

export function createApi(routes: readonly ApiRoutes[] = []): Api {
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  api.openapi(metaRoute, (c) =>
    c.json(
      {
        name: 'noko' as const,
        title: PRODUCT_TITLE,
        version: pkg.version,
        apiVersion: 'v1' as const,
      },
      200,
    ),
  );
  for (const register of routes) register(api);
  api.openAPIRegistry.register('Error', ErrorSchema);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: `noko API — ${PRODUCT_TITLE}`, version: pkg.version },
    servers: [{ url: API_BASE }],
  });
  return api;
}
