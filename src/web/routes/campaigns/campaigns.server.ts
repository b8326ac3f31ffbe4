// Server-only helpers of the campaign pages. Service errors become Russian messages
// (src/web/errors.server.ts): loaders throw them as error responses, actions return them to the form.
export { requireUser } from '../../auth.server.ts';
export { failure, load, type ActionFailure } from '../../errors.server.ts';

/** Form fields as strings; empty ones left out (optional inputs). */
export function formFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form)
    if (typeof v === 'string' && k !== '_csrf' && v.trim() !== '') out[k] = v;
  return out;
}
