// The one error type of noko. Every layer throws AppError with a stable code; the HTTP layer maps
// codes to statuses in one place (src/server/errors.ts) and the CLI maps them to exit codes.
// Messages are Russian: they are shown to people as they are.

export const ERROR_CODES = {
  VALIDATION: 'validation_failed',
  NOT_FOUND: 'not_found',
  GONE: 'gone',
  CONFLICT: 'conflict',
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  CSRF: 'csrf_failed',
  RATE_LIMITED: 'rate_limited',
  PAYLOAD_TOO_LARGE: 'payload_too_large',
  INVALID_STATE: 'invalid_state',
  CONFIG: 'config_invalid',
  INTERNAL: 'internal',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** One problem with one input field, named by its path (e.g. `organizations[0].survey.q2`). */
export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  static validation(message: string, issues: FieldIssue[] = []): AppError {
    return new AppError(ERROR_CODES.VALIDATION, message, { issues });
  }

  static notFound(message = 'Не найдено'): AppError {
    return new AppError(ERROR_CODES.NOT_FOUND, message);
  }

  static forbidden(message = 'Недостаточно прав для этого действия'): AppError {
    return new AppError(ERROR_CODES.FORBIDDEN, message);
  }

  static conflict(message: string, details?: unknown): AppError {
    return new AppError(ERROR_CODES.CONFLICT, message, details);
  }

  static invalidState(message: string, details?: unknown): AppError {
    return new AppError(ERROR_CODES.INVALID_STATE, message, details);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
