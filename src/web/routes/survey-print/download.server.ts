// Helpers of the resource routes: the file as an attachment (RFC 6266 UTF-8 file name) and ids
// from the address (anything but a positive integer is «not found», never a database error).
import { data } from 'react-router';
import type { PrintFile } from '../../../features/survey-print/print.schema.ts';

export function download(f: PrintFile): Response {
  return new Response(new Uint8Array(f.bytes), {
    headers: {
      'Content-Type': f.mime,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
      'Cache-Control': 'no-store',
    },
  });
}

export function idParam(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw data({ message: 'Страница не найдена' }, { status: 404 });
  }
  return n;
}
