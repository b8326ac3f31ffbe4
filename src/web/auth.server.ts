// Page guards for loaders and actions. They only read the load context (src/web/context.ts), so
// page bundles can import them. Anonymous visitors are sent to the sign-in page with `next` set to
// where they wanted to go; signed-in users without the permission get the 403 error page.
import { data, redirect, type RouterContextProvider } from 'react-router';
import { can, type Action, type Target } from '../domain/permissions/index.ts';
import { cookieNames, isHttps, readCookie } from '../features/accounts/cookies.ts';
import type { CurrentUser } from '../features/context.ts';
import { appContext, type AppLoadContext } from './context.ts';

export type SignedInContext = AppLoadContext & { readonly user: CurrentUser };

export const FORBIDDEN_MESSAGE = 'Недостаточно прав для этого действия';

export function loadContext(context: Readonly<RouterContextProvider>): AppLoadContext {
  return context.get(appContext);
}

/** `/login?next=<this page>` */
export function loginUrl(request: Request): string {
  const url = new URL(request.url);
  return `/login?next=${encodeURIComponent(url.pathname + url.search)}`;
}

/** The load context of a signed-in user; otherwise a redirect to the sign-in page. */
export function requireUser(
  context: Readonly<RouterContextProvider>,
  request: Request,
): SignedInContext {
  const ctx = loadContext(context);
  if (!ctx.user) throw redirect(loginUrl(request));
  return ctx as SignedInContext;
}

/**
 * requireUser plus the permission check of src/domain/permissions (`can`). A refusal is thrown
 * as a 403 response whose `message` the root ErrorBoundary shows (code `forbidden`).
 */
export function requirePermission(
  context: Readonly<RouterContextProvider>,
  request: Request,
  action: Action,
  target?: Target,
): SignedInContext {
  const ctx = requireUser(context, request);
  if (!can(ctx.caller, action, target)) {
    throw data({ code: 'forbidden', message: FORBIDDEN_MESSAGE }, { status: 403 });
  }
  return ctx;
}

/** The id of this request's session (the load context carries the user, not the session). */
export function currentSessionId(ctx: AppLoadContext, request: Request): string | null {
  const name = cookieNames(isHttps(ctx.config.publicUrl)).session;
  return ctx.services.auth.sessionIdFor(readCookie(request.headers.get('cookie'), name));
}
