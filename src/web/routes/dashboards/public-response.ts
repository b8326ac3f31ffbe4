// Responses of the public result pages: HTML with a short shared cache life (approved results
// change only when the council approves a new version), and service errors as light pages.
import { messagePage } from './public-html.ts';

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  // Browsers may reuse the page for a minute; shared caches must not (responses may set cookies).
  'Cache-Control': 'private, max-age=60',
};

export function htmlResponse(body: string, status = 200): Response {
  return new Response(body, { status, headers: HEADERS });
}

const STATUS: Record<string, number> = {
  not_found: 404,
  forbidden: 404,
  validation_failed: 404,
  invalid_state: 404,
};

/**
 * An AppError (matched by its code: the page bundle has its own copy of the class) becomes a
 * light page; a forbidden read is answered as «not found» — the public sees only approved results
 * and learns nothing about others. Anything else is rethrown (the 500 page).
 */
export function publicFailure(e: unknown): Response {
  const code = (e as { code?: unknown }).code;
  const status = typeof code === 'string' ? STATUS[code] : undefined;
  if (!status) throw e;
  const message =
    code === 'not_found' && e instanceof Error
      ? e.message
      : 'Утверждённых результатов по этому адресу нет.';
  return htmlResponse(messagePage(status, message), status);
}
