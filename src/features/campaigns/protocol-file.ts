// The council's protocol approving the list (Mintrud order No. 899: the list is approved by the
// public council's decision). Accepted: PDF, JPEG, PNG or DOCX up to 10 MB. The type is decided by
// the file's own signature, not by the name or the browser's claim.
import { createHash } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import type { NewStoredFile } from '../../db/schema/index.ts';
import { PROTOCOL_MAX_BYTES, type ProtocolFile } from './campaigns.schema.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** The MIME type by signature, or null when the file is none of the accepted kinds. */
export function sniffProtocolType(name: string, bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // DOCX is a ZIP archive; the name tells it from other ZIPs.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && /\.docx$/i.test(name)) return DOCX;
  return null;
}

function fail(message: string): never {
  throw AppError.validation(message, [{ path: 'protocol', message }]);
}

/** Checks the upload and returns the `files` row to store. */
export function protocolFileRow(file: ProtocolFile | null | undefined, createdById: number | null) {
  const size = Math.max(file?.size ?? 0, file?.bytes.length ?? 0);
  if (!file || size === 0) fail('Приложите файл протокола заседания общественного совета');
  if (size > PROTOCOL_MAX_BYTES)
    fail('Файл протокола больше 10 МБ: уменьшите его (например, сожмите скан) и загрузите снова');
  const mime = sniffProtocolType(file.name, file.bytes);
  if (!mime) fail('Протокол принимается в формате PDF, JPEG, PNG или DOCX');
  const name = file.name.replace(/[\\/]/g, '_').slice(-200) || 'protocol';
  const row: NewStoredFile = {
    name,
    mime,
    size: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    data: file.bytes,
    createdById,
  };
  return row;
}
