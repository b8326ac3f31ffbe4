// Service errors turned into page responses, for the loaders and actions of every page: a loader's
// AppError becomes the error page with its Russian message, an action's AppError goes back to the
// form. The status of each code is the API's (httpStatusFor, the one HTTP mapping of noko).
import { data } from 'react-router';
import { ERROR_CODES, type ErrorCode, type FieldIssue } from '../domain/errors.ts';
import { httpStatusFor } from '../server/errors.ts';
import type { FormFailure } from './components/error-summary.tsx';

/** An action's failure: the message and, by field path, the inputs' error texts. */
export type ActionFailure = FormFailure;

const CODES = new Set<string>(Object.values(ERROR_CODES));

/**
 * An AppError thrown by a service, or null. Not `instanceof`: the page bundle carries its own copy
 * of src/domain/errors.ts, while services run from the Node copy, so the classes differ.
 */
export function asAppError(
  e: unknown,
): { code: ErrorCode; message: string; details: unknown } | null {
  if (!(e instanceof Error) || e.name !== 'AppError') return null;
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string' || !CODES.has(code)) return null;
  return {
    code: code as ErrorCode,
    message: e.message,
    details: (e as { details?: unknown }).details,
  };
}

/** Runs a loader's service call; an AppError becomes the error page with its message. */
export async function load<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const err = asAppError(e);
    if (err) throw data({ message: err.message }, { status: httpStatusFor(err.code) });
    throw e;
  }
}

/** An action's answer to a failed service call: the form shows the message (AppError only). */
export function failure(e: unknown) {
  const err = asAppError(e);
  if (!err) throw e;
  const issues = (err.details as { issues?: FieldIssue[] } | null)?.issues ?? [];
  const fields: Record<string, string> = {};
  for (const i of issues) fields[i.path] ??= i.message;
  return data<ActionFailure>(
    { ok: false, message: err.message, fields },
    { status: httpStatusFor(err.code) },
  );
}
