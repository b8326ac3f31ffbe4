// PDF rendering with pdfmake and embedded DejaVu fonts (full Cyrillic, open licence).
//
// The fonts are read once from the `dejavu-fonts-ttf` package into pdfmake's virtual file system,
// and both access policies deny everything else, so a document definition built from user data
// (an organization's name, a comment) can never make the server read a local file or fetch a URL.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);

interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Buffer): void };
  addFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

const FONT_FILES = {
  normal: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italics: 'DejaVuSans-Oblique.ttf',
  bolditalics: 'DejaVuSans-BoldOblique.ttf',
} as const;

let instance: PdfMake | undefined;

function pdfmake(): PdfMake {
  if (instance) return instance;
  const pm = require('pdfmake') as PdfMake;
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  for (const file of Object.values(FONT_FILES)) {
    pm.virtualfs.writeFileSync(file, fs.readFileSync(path.join(dir, file)));
  }
  pm.addFonts({ DejaVuSans: { ...FONT_FILES } });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy(() => false);
  instance = pm;
  return pm;
}

/** Base settings every noko PDF shares: A4, DejaVu Sans, Russian metadata language. */
export const PDF_DEFAULTS = {
  pageSize: 'A4',
  defaultStyle: { font: 'DejaVuSans', fontSize: 10, lineHeight: 1.2 },
  language: 'ru-RU',
} as const satisfies Partial<TDocumentDefinitions>;

/** Renders a pdfmake document definition to PDF bytes (A4 and DejaVu Sans unless overridden). */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  const full: TDocumentDefinitions = {
    ...PDF_DEFAULTS,
    ...doc,
    defaultStyle: { ...PDF_DEFAULTS.defaultStyle, ...doc.defaultStyle },
    info: { creator: 'noko', producer: 'noko', ...doc.info },
  };
  return pdfmake().createPdf(full).getBuffer();
}
