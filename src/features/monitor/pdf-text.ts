// Does a PDF have a text layer (Order 1493 pp.22–26: documents searchable and copyable, scans
// readable)? A scan is pages of images with no text-showing operators. The fast path reads the
// file's streams itself — inflating FlateDecode content and looking for `Tj`/`TJ` with a string
// operand — which costs microseconds and no memory beyond the file, so a crawl of a thousand
// sites can afford it. Only what it cannot read (encrypted files, unusual filters) goes to pdf.js
// through unpdf, loaded on first use: it is exact but heavy (~60 MB, ~10 ms per small file).
import zlib from 'node:zlib';
import type * as Unpdf from 'unpdf';

export interface PdfInspection {
  /** null: not a PDF at all. */
  textLayer: boolean | null;
  pdf: boolean;
  pages: number | null;
  signed: boolean;
  /** Why the text layer could not be decided by the fast path, when it could not. */
  undecided?: string;
}

const MAX_STREAM_OUT = 8 * 1024 * 1024;
const MAX_TOTAL_OUT = 64 * 1024 * 1024;

// A text-showing operator with a non-empty operand: (…) Tj, <…> Tj, […] TJ, (…) ' and (…) ".
const SHOWS_TEXT =
  /\((?:[^()\\]|\\[\s\S])+\)\s*(?:Tj|'|")|<[0-9A-Fa-f\s]{2,}>\s*Tj|\[[^\]]*[(<][^\]]*\]\s*TJ/;
const IMAGE_FILTER = /\/(DCTDecode|JPXDecode|CCITTFaxDecode|JBIG2Decode|DCT|CCF)\b/;
const FONT_PROGRAM = /\/Length[123]\s|\/Subtype\s*\/(Type1C|CIDFontType0C|OpenType)/;
const SKIP_TYPES = /\/Type\s*\/(XRef|Metadata|EmbeddedFile)\b/;

interface Stream {
  dict: string;
  data: Buffer;
}

/** The streams of a PDF: the dictionary before each `stream` keyword and the bytes up to `endstream`. */
function* streams(pdf: Buffer): Generator<Stream> {
  let at = 0;
  for (;;) {
    const s = pdf.indexOf('stream', at, 'latin1');
    if (s === -1) return;
    if (pdf.subarray(Math.max(0, s - 3), s).toString('latin1') === 'end') {
      at = s + 6;
      continue;
    }
    let start = s + 6;
    if (pdf[start] === 0x0d) start++;
    if (pdf[start] === 0x0a) start++;
    const end = pdf.indexOf('endstream', start, 'latin1');
    const dictFrom = pdf.lastIndexOf('obj', s, 'latin1');
    const dict = pdf.subarray(Math.max(dictFrom, s - 4096, 0), s).toString('latin1');
    yield { dict, data: pdf.subarray(start, end === -1 ? pdf.length : end) };
    if (end === -1) return;
    at = end + 9;
  }
}

function inflate(data: Buffer, budget: number): Buffer | null {
  const opts = {
    maxOutputLength: Math.min(MAX_STREAM_OUT, budget),
    finishFlush: zlib.constants.Z_SYNC_FLUSH,
  };
  try {
    return zlib.inflateSync(data, opts);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
    try {
      return zlib.inflateRawSync(data, opts);
    } catch {
      return null;
    }
  }
}

function countPages(text: string): number {
  return text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

/** The fast path: reads the streams; `textLayer` stays undecided when something was unreadable. */
export function inspectPdf(pdf: Buffer): PdfInspection {
  const head = pdf.subarray(0, 1024).toString('latin1');
  if (!head.includes('%PDF-')) return { pdf: false, textLayer: null, pages: null, signed: false };
  const plain = pdf.toString('latin1');
  const signed =
    /\/ByteRange\s*\[/.test(plain) && /\/(Sig|DocTimeStamp)\b|adbe\.pkcs7|ETSI\.CAdES/.test(plain);
  let pages = countPages(plain);
  if (/\/Encrypt\s/.test(plain.slice(-65_536)) || /\/Encrypt\s*\d+\s+\d+\s+R/.test(plain)) {
    return {
      pdf: true,
      textLayer: null,
      pages: pages || null,
      signed,
      undecided: 'документ зашифрован',
    };
  }
  let budget = MAX_TOTAL_OUT;
  let unreadable = 0;
  let images = 0;
  for (const s of streams(pdf)) {
    if (SKIP_TYPES.test(s.dict) || FONT_PROGRAM.test(s.dict)) continue;
    if (IMAGE_FILTER.test(s.dict) || /\/Subtype\s*\/Image\b/.test(s.dict)) {
      images++;
      continue;
    }
    const filters = s.dict.match(/\/Filter\s*(\[[^\]]*\]|\/\w+)/)?.[1] ?? '';
    const names = filters.match(/\/\w+/g) ?? [];
    let content: Buffer | null = s.data;
    if (names.length > 1 || (names.length === 1 && !/^\/(FlateDecode|Fl)$/.test(names[0] ?? ''))) {
      unreadable++;
      continue;
    }
    if (names.length === 1) content = inflate(s.data, budget);
    if (!content) {
      unreadable++;
      continue;
    }
    budget -= content.length;
    const text = content.toString('latin1');
    if (/\/Type\s*\/ObjStm\b/.test(s.dict)) {
      pages += countPages(text);
      continue;
    }
    if (SHOWS_TEXT.test(text)) return { pdf: true, textLayer: true, pages: pages || null, signed };
    if (budget <= 0) break;
  }
  if (unreadable > 0 || budget <= 0)
    return {
      pdf: true,
      textLayer: null,
      pages: pages || null,
      signed,
      undecided: 'нестандартное сжатие',
    };
  if (images === 0 && pages === 0)
    return {
      pdf: true,
      textLayer: null,
      pages: null,
      signed,
      undecided: 'нет ни текста, ни страниц',
    };
  return { pdf: true, textLayer: false, pages: pages || null, signed };
}

let unpdf: Promise<typeof Unpdf> | null = null;

/** The exact path (pdf.js): extracted text with at least a few letters means a text layer. */
async function textLayerByPdfjs(
  pdf: Buffer,
): Promise<{ textLayer: boolean; pages: number } | null> {
  try {
    unpdf ??= import('unpdf');
    const { getDocumentProxy, extractText } = await unpdf;
    const doc = await getDocumentProxy(new Uint8Array(pdf), { verbosity: 0 });
    try {
      const { totalPages, text } = await extractText(doc, { mergePages: true });
      return { textLayer: (text.match(/\p{L}/gu)?.length ?? 0) >= 3, pages: totalPages };
    } finally {
      await doc.loadingTask.destroy();
    }
  } catch {
    return null;
  }
}

/** Text layer of a PDF: the fast path, then pdf.js for what it could not decide. */
export async function pdfTextLayer(pdf: Buffer): Promise<PdfInspection> {
  const fast = inspectPdf(pdf);
  if (!fast.pdf || fast.undecided === undefined) return fast;
  const exact = await textLayerByPdfjs(pdf);
  if (!exact) return fast;
  return { pdf: true, textLayer: exact.textLayer, pages: exact.pages, signed: fast.signed };
}
