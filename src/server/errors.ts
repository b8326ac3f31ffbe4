// THE mapping of AppError codes to HTTP statuses, and the one error handler of the Hono app:
// API paths answer JSON {error:{code,message,details}}, pages answer a Russian HTML page.
// Unknown errors become 500 «Внутренняя ошибка сервера», logged with the stack, never leaked.
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { AppError, ERROR_CODES, type ErrorCode, isAppError } from '../domain/errors.ts';

const STATUS: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  gone: 410,
  payload_too_large: 413,
  rate_limited: 429,
};

export function httpStatusFor(code: ErrorCode): ContentfulStatusCode {
  return STATUS[code] ?? 500;
}

export const INTERNAL_MESSAGE = 'Внутренняя ошибка сервера';

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

/** Normalises anything thrown into an AppError; `internal` for everything unexpected. */
export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  if (err instanceof HTTPException && err.status < 500) {
    // Hono's own 4xx (e.g. a malformed JSON body reported by the validator).
    const code = err.status === 413 ? ERROR_CODES.PAYLOAD_TOO_LARGE : ERROR_CODES.VALIDATION;
    return new AppError(code, err.status === 413 ? 'Слишком большой запрос' : 'Неверный запрос');
  }
  return new AppError(ERROR_CODES.INTERNAL, INTERNAL_MESSAGE);
}

export function errorBody(e: AppError): ErrorBody {
  return { error: { code: e.code, message: e.message, details: e.details ?? null } };
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/healthz';
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A minimal Russian error page for failures outside React Router (body limit, handler crash). */
export function errorPage(status: number, message: string): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Ошибка ${status} — noko</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style>
</head><body><main><h1>Ошибка ${status}</h1><p>${escapeHtml(message)}</p><p><a href="/">На главную</a></p></main></body></html>`;
}

/** app.onError for the root app and every sub-app. */
export function createErrorHandler(fallbackLogger: Logger): ErrorHandler {
  return (err: unknown, c: Context) => {
    const e = toAppError(err);
    const status = httpStatusFor(e.code);
    const logger = (c.get('logger') as Logger | undefined) ?? fallbackLogger;
    if (status >= 500) logger.error({ err }, 'request failed');
    else logger.info({ code: e.code, status }, e.message);
    if (isApiPath(c.req.path)) return c.json(errorBody(e), status);
    return c.html(errorPage(status, e.message), status);
  };
}
