// Server-only helpers of the results pages (loaders and actions): guards, error mapping, forms.
export { requireUser } from '../../auth.server.ts';
export { failure, load, type ActionFailure } from '../../errors.server.ts';

/** Form fields as strings, `_csrf` left out. */
export function formFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}

/** `?version=3` → 3; anything else → undefined (the default run). */
export function versionParam(url: URL): number | undefined {
  const v = Number(url.searchParams.get('version'));
  return Number.isSafeInteger(v) && v >= 1 ? v : undefined;
}
