import { describe, expect, it } from 'vitest';
import { evidenceFileRow, evidenceIssue, sniffEvidenceType } from './evidence-file.ts';
import { EVIDENCE_MAX_BYTES } from './checklists.schema.ts';
import { EXE, HEIC, JPEG, PDF, PNG, WEBP } from './checklists.test-support.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('sniffEvidenceType', () => {
  it.each<[string, Uint8Array, string | null]>([
    ['JPEG', JPEG, 'image/jpeg'],
    ['PNG', PNG, 'image/png'],
    ['WebP', WEBP, 'image/webp'],
    ['HEIC (iPhone)', HEIC, 'image/heic'],
    ['HEIF mif1', new Uint8Array([0, 0, 0, 0x18, ...enc('ftypmif1')]), 'image/heif'],
    ['PDF', PDF, 'application/pdf'],
    ['MP4 is not a photo', new Uint8Array([0, 0, 0, 0x18, ...enc('ftypisom')]), null],
    ['RIFF WAVE is not WebP', new Uint8Array([...enc('RIFF'), 0, 0, 0, 0, ...enc('WAVE')]), null],
    ['Windows executable', EXE, null],
    ['HTML', enc('<!doctype html><p>фото</p>'), null],
    ['empty', new Uint8Array(), null],
  ])('%s → %s', (_name, bytes, mime) => {
    expect(sniffEvidenceType(bytes)).toBe(mime);
  });
});

const jpegOf = (size: number) => {
  const b = new Uint8Array(size);
  b.set(JPEG);
  return b;
};

describe('evidenceIssue', () => {
  const file = (bytes: Uint8Array, name = 'photo.jpg', size?: number) => ({
    section: 'comfort' as const,
    key: 'drinking_water',
    name,
    bytes,
    ...(size !== undefined ? { size } : {}),
  });
  it.each<[string, ReturnType<typeof file>, RegExp | null]>([
    ['a JPEG', file(JPEG), null],
    ['a renamed executable', file(EXE, 'кулер.jpg'), /«кулер\.jpg» не принят/],
    ['an empty file', file(new Uint8Array(), 'x.jpg'), /пустой/],
    [
      'an oversized file (declared size)',
      file(new Uint8Array(), 'big.jpg', EVIDENCE_MAX_BYTES + 1),
      /больше 10 МБ/,
    ],
    ['exactly 10 MB', file(jpegOf(EVIDENCE_MAX_BYTES), 'ok.jpg'), null],
  ])('%s', (_n, f, expected) => {
    const issue = evidenceIssue(f);
    if (expected) expect(issue).toMatch(expected);
    else expect(issue).toBeNull();
  });

  it('stores the sniffed type, the size, the hash and a safe name', () => {
    const row = evidenceFileRow(
      {
        section: 'stand',
        key: 'name',
        name: '../../etc/стенд.png',
        type: 'image/jpeg',
        bytes: PNG,
      },
      7,
    );
    expect(row).toMatchObject({
      mime: 'image/png',
      size: PNG.length,
      createdById: 7,
      name: '.._.._etc_стенд.png',
    });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
