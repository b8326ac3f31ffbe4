// Server-side helpers of the registry pages: service errors as Russian messages (shared with every
// page: src/web/errors.server.ts), form fields that keep empty values (an emptied input clears the field), and
// file downloads.
import type { FieldIssue } from '../../../domain/errors.ts';
import type { DownloadFile } from '../../../features/registry/registry-import.service.ts';
import { IMPORT_MAX_BYTES, type UploadedFile } from '../../../features/registry/registry.schema.ts';

export { failure, load, type ActionFailure } from '../../errors.server.ts';
export type { FieldIssue };

/** Every text field of a form except `_csrf`, empty ones included. */
export function formStrings(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}

/** A resource route's answer: the file as an attachment (RFC 6266 UTF-8 name). */
export function download(f: DownloadFile): Response {
  return new Response(new Uint8Array(f.bytes), {
    headers: {
      'Content-Type': f.mime,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
      'Cache-Control': 'no-store',
    },
  });
}

/** A File from a multipart form → what the import service takes (oversized: not read). */
export async function uploadFrom(value: unknown): Promise<UploadedFile | null> {
  if (!(value instanceof File) || value.size === 0) return null;
  if (value.size > IMPORT_MAX_BYTES)
    return { name: value.name, type: value.type, size: value.size, bytes: new Uint8Array() };
  return { name: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
}
