// The text-layer check of linked PDFs: the fast path agrees with pdf.js (unpdf) on every fixture
// document, real pdfmake output with embedded Cyrillic fonts is read, and what the fast path
// cannot read (encryption) is left undecided rather than guessed.
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { makePdf, SCAN_PDF, SIGNED_PDF, TEXT_PDF } from '../../../test/fixtures/sites/index.ts';
import { renderPdf } from '../documents/pdf.ts';
import { inspectPdf, pdfTextLayer } from './pdf-text.ts';

async function pdfjsHasText(pdf: Buffer): Promise<boolean> {
  const doc = await getDocumentProxy(new Uint8Array(pdf), { verbosity: 0 });
  const { text } = await extractText(doc, { mergePages: true });
  return /\p{L}/u.test(text);
}

describe('inspectPdf (fast path)', () => {
  it.each([
    ['text, compressed', TEXT_PDF, { textLayer: true, pages: 2, signed: false }],
    [
      'text, uncompressed',
      makePdf({ text: 'abc', compress: false }),
      { textLayer: true, pages: 1 },
    ],
    ['scan', SCAN_PDF, { textLayer: false, pages: 3, signed: false }],
    ['scan with an OCR layer', makePdf({ text: 'ocr', image: true }), { textLayer: true }],
    ['signed', SIGNED_PDF, { textLayer: true, signed: true }],
  ])('%s', async (_name, pdf, expected) => {
    const r = inspectPdf(pdf);
    expect(r).toMatchObject({ pdf: true, ...expected });
    expect(r.undecided).toBeUndefined();
    // The verdict of pdf.js itself.
    expect(await pdfjsHasText(pdf)).toBe(expected.textLayer);
  });

  it('reads pdfmake output (embedded DejaVu, hex glyph strings) as text, an SVG-only page as a scan', async () => {
    const text = await renderPdf({
      content: [{ text: 'Устав муниципального бюджетного учреждения' }],
    });
    expect(inspectPdf(Buffer.from(text))).toMatchObject({ pdf: true, textLayer: true });
    const drawing = await renderPdf({
      content: [{ svg: '<svg width="100" height="100"><rect width="100" height="100"/></svg>' }],
    });
    expect(inspectPdf(Buffer.from(drawing))).toMatchObject({ pdf: true, textLayer: false });
  });

  it.each([
    ['an HTML page', Buffer.from('<!DOCTYPE html><html><body>404</body></html>')],
    ['empty', Buffer.alloc(0)],
  ])('%s is not a PDF', (_name, data) => {
    expect(inspectPdf(data)).toEqual({ pdf: false, textLayer: null, pages: null, signed: false });
  });

  it('leaves encrypted documents undecided', () => {
    expect(inspectPdf(makePdf({ text: 'x', encrypted: true }))).toMatchObject({
      pdf: true,
      textLayer: null,
      undecided: 'документ зашифрован',
    });
  });

  it('never throws on truncated or corrupt files', () => {
    const cut = TEXT_PDF.subarray(0, Math.floor(TEXT_PDF.length / 2));
    const corrupt = Buffer.concat([
      Buffer.from('%PDF-1.4\n1 0 obj << /Filter /FlateDecode >> stream\n'),
      Buffer.alloc(5000, 0x78),
    ]);
    expect(() => inspectPdf(cut)).not.toThrow();
    expect(inspectPdf(corrupt)).toMatchObject({ pdf: true, textLayer: null });
  });
});

describe('pdfTextLayer (with pdf.js for the undecided)', () => {
  it('keeps the fast verdict and asks pdf.js only when undecided', async () => {
    expect(await pdfTextLayer(SCAN_PDF)).toMatchObject({ textLayer: false, pages: 3 });
    // The fake encryption dictionary cannot be opened by pdf.js either: still undecided.
    expect(await pdfTextLayer(makePdf({ text: 'x', encrypted: true }))).toMatchObject({
      textLayer: null,
    });
  });
});
