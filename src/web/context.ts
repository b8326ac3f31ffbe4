// What loaders and actions receive from the Hono app: `context.get(appContext)`.
// The Node server and the Vite-built page bundle each hold a copy of this module, so the context
// key lives in a global symbol slot: both copies resolve to the same key object.
import { createContext, type RouterContext } from 'react-router';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Caller, CurrentUser } from '../features/context.ts';
import type { Services } from '../features/services.ts';

export interface AppLoadContext {
  readonly config: Config;
  /** Child logger carrying this request's id. */
  readonly logger: Logger;
  readonly requestId: string;
  /** CSP nonce for inline scripts of this response. */
  readonly cspNonce: string;
  /** Every use case of the application (src/features/services.ts). */
  readonly services: Services;
  /** Who is asking: the logged-in user's role and scope, or the public. */
  readonly caller: Caller;
  readonly user: CurrentUser | null;
  /** CSRF token to put in every form as the hidden field `_csrf` (src/server/session.ts). */
  readonly csrfToken: string;
}

const KEY = Symbol.for('noko.web.appContext');
const slot = globalThis as { [KEY]?: RouterContext<AppLoadContext> };

export const appContext: RouterContext<AppLoadContext> = (slot[KEY] ??=
  createContext<AppLoadContext>());
