// Server-side helpers of the paper-entry pages.
export { failure, load } from '../../errors.server.ts';

/** Every text field of a form except `_csrf`. */
export function formStrings(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}

/** Positive integer from a parameter, else undefined. */
export function idParam(v: string | null | undefined): number | undefined {
  return v && /^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : undefined;
}
