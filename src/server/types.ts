// Shared types of the HTTP layer: what createApp needs and what a request carries.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServerBuild } from 'react-router';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Caller, CurrentUser } from '../features/context.ts';
import type { Services } from '../features/services.ts';

/** Variables set on every request by the middleware of src/server/app.ts. */
export interface AppVariables {
  requestId: string;
  /** Child of the root logger with this request's id. */
  logger: Logger;
  /** Set by the secure-headers middleware; the CSP nonce for inline scripts. */
  secureHeadersNonce?: string;
  /** All use cases (set for every request from AppDeps.services). */
  services: Services;
  /** Who is asking; PUBLIC_CALLER until the session middleware finds a user. */
  caller: Caller;
  user: CurrentUser | null;
  /** Session id (sha256 of the cookie token) when logged in. */
  sessionId: string | null;
  /** CSRF token for forms of this response. */
  csrfToken: string;
  /**
   * A urlencoded page-form body the session middleware read for its CSRF check: pages get a
   * Request over these bytes (src/server/pages.ts pageRequest), the survey form its fields.
   */
  formBody?: { bytes: ArrayBuffer; fields: URLSearchParams };
}

export interface AppEnv {
  Variables: AppVariables;
}

export type Api = OpenAPIHono<AppEnv>;

/** Registers JSON API routes on the /api/v1 sub-app (one function per feature). */
export type ApiRoutes = (api: Api) => void;

export interface AppDeps {
  config: Config;
  logger: Logger;
  /** Every use case of the application; pages and API routes reach them through the context. */
  services?: Services;
  /** Readiness probe for /healthz (e.g. `SELECT 1`); absent means "healthy". */
  health?: () => Promise<boolean>;
  /** The React Router server build, or a loader of it (dev server). Absent: no pages (503). */
  build?: ServerBuild | (() => Promise<ServerBuild>);
  /** 'production' hides error details from pages; 'development' for the Vite dev server. */
  pagesMode?: 'production' | 'development';
  /** Directory of built static assets (build/client). */
  clientDir?: string;
  /** Feature API routes mounted under /api/v1. */
  apiRoutes?: readonly ApiRoutes[];
  /** Largest accepted request body in bytes (default 1 MiB). */
  bodyLimitBytes?: number;
}
