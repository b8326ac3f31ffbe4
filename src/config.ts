// Configuration: parsed once from the environment with zod. Nothing else in noko reads process.env.
import { z } from 'zod';
import { AppError, ERROR_CODES } from './domain/errors.ts';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public base URL used in links, QR codes and e-mails. Defaults to http://HOST:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  /** postgres://… selects PostgreSQL; unset means the embedded PGlite database in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL должен начинаться с postgres://')
    .optional(),
  DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** smtp://user:pass@host:port; unset means e-mail goes to the in-app outbox. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('noko <noreply@noko.local>'),
  /** Days before a lagging organization may get the next survey reminder (issue 4 item 6). */
  SURVEY_REMINDER_INTERVAL_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** Site monitor may visit private and loopback addresses (tests and fixture sites only). */
  NOKO_MONITOR_ALLOW_PRIVATE: bool.default(false),
  /** When the site monitor checks every organization: cron (Moscow time) or `off`. Monthly by default. */
  NOKO_MONITOR_SCHEDULE: z.string().trim().default('0 3 1 * *'),
  /**
   * Key that signs anonymous visitors' CSRF cookies. Required when several instances serve one site
   * (a form loaded from one instance is posted to another); random per process when unset.
   */
  NOKO_SECRET: z.string().min(32, 'NOKO_SECRET: не менее 32 символов').optional(),
  /** Seed the demo region on an empty database at start-up. */
  NOKO_DEMO: bool.default(true),
});

export type Config = Readonly<z.infer<typeof ConfigSchema> & { publicUrl: string }>;

let cached: Config | undefined;

/** Parses an environment (process.env by default). Invalid values throw AppError(config_invalid). */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty variable (DATABASE_URL=) means "not set", as in most shells' .env conventions.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const result = ConfigSchema.safeParse(present);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const text = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new AppError(ERROR_CODES.CONFIG, `Неверная конфигурация: ${text}`, { issues });
  }
  const c = result.data;
  const publicUrl = (c.PUBLIC_URL ?? `http://${c.HOST}:${c.PORT}`).replace(/\/$/, '');
  return Object.freeze({ ...c, publicUrl });
}

/** The process configuration, parsed on first use. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
