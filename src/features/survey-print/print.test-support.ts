// Readers of the printed files for tests: PDF text (unpdf) and the flags of a ZIP's entries.
import { extractText, getDocumentProxy } from 'unpdf';

/** Page count and the text of all pages, whitespace runs (line breaks) as single spaces. */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(doc, { mergePages: true });
  return { pages: doc.numPages, text: text.replace(/\s+/g, ' ') };
}

/** General purpose flags of every local file header of a ZIP (signature PK\3\4), in order. */
export function localHeaderFlags(zip: Uint8Array): number[] {
  const flags: number[] = [];
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 30 <= zip.length;) {
    if (view.getUint32(i, true) !== 0x04034b50) break;
    flags.push(view.getUint16(i + 6, true));
    const size = view.getUint32(i + 18, true);
    i += 30 + view.getUint16(i + 26, true) + view.getUint16(i + 28, true) + size;
  }
  return flags;
}
