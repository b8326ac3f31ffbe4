// Evidence files of a checklist: photos taken during the visit (JPEG, PNG, WebP, HEIC/HEIF — what
// phone cameras produce) and documents of the self-report (PDF), up to 10 MB each. The type is
// decided by the file's own signature, never by its name or the browser's claim, so a renamed
// executable is refused whatever it is called.
import { createHash } from 'node:crypto';
import { AppError, type FieldIssue } from '../../domain/errors.ts';
import type { NewStoredFile } from '../../db/schema/index.ts';
import { EVIDENCE_MAX_BYTES, type EvidenceUpload } from './checklists.schema.ts';

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

// ISO base media file brands of HEIF images (ISO/IEC 23008-12): iPhone photos are `heic`.
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);

/** The MIME type by signature, or null when the file is none of the accepted kinds. */
export function sniffEvidenceType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (HEIC_BRANDS.has(brand)) return 'image/heic';
    if (HEIF_BRANDS.has(brand)) return 'image/heif';
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  return null;
}

const MB = 1024 * 1024;

/** Why an upload is refused, or null when it may be stored. */
export function evidenceIssue(file: EvidenceUpload): string | null {
  const size = Math.max(file.size ?? 0, file.bytes.length);
  const name = file.name || 'файл';
  if (size === 0) return `Файл «${name}» пустой`;
  if (size > EVIDENCE_MAX_BYTES)
    return `Файл «${name}» больше ${EVIDENCE_MAX_BYTES / MB} МБ (${(size / MB).toFixed(1)} МБ): уменьшите фото и загрузите снова`;
  if (!sniffEvidenceType(file.bytes))
    return `Файл «${name}» не принят: нужны фото JPEG, PNG, WebP или HEIC либо документ PDF`;
  return null;
}

/** Every refused upload as a field issue (`evidence.<section>.<key>`); empty when all are fine. */
export function evidenceIssues(files: readonly EvidenceUpload[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const f of files) {
    const message = evidenceIssue(f);
    if (message) issues.push({ path: `evidence.${f.section}.${f.key}`, message });
  }
  return issues;
}

export function assertEvidence(files: readonly EvidenceUpload[]): void {
  const issues = evidenceIssues(files);
  if (issues.length > 0) throw AppError.validation(issues.map((i) => i.message).join('; '), issues);
}

/** The `files` row of an accepted upload (call assertEvidence first). */
export function evidenceFileRow(file: EvidenceUpload, createdById: number | null): NewStoredFile {
  const mime = sniffEvidenceType(file.bytes);
  if (!mime) throw new Error('evidenceFileRow: unchecked upload');
  return {
    name: file.name.replace(/[\\/]/g, '_').slice(-200) || 'evidence',
    mime,
    size: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    data: file.bytes,
    createdById,
  };
}
