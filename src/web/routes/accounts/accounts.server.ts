// Server helpers of the accounts pages: service errors become form failures or error pages
// (src/web/errors.server.ts), and form fields.
export { failure, load } from '../../errors.server.ts';

/** Form fields as strings, without `_csrf`. */
export function formFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}
