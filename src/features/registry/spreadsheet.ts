// Reading and writing the registry's spreadsheets: XLSX through exceljs, CSV by a small RFC 4180
// parser (`;` or `,` delimiter, quoted fields, a UTF-8 byte order mark). Every cell comes out as
// text: validation (src/domain/registry/import.ts) decides what it means.
import ExcelJS from 'exceljs';
import { AppError } from '../../domain/errors.ts';

export type SheetFormat = 'xlsx' | 'csv';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv';

function fail(message: string): never {
  throw AppError.validation(message, [{ path: 'file', message }]);
}

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** The format by the file's content (and name for text): XLSX is a ZIP archive, CSV is text. */
export function detectFormat(name: string, bytes: Uint8Array): SheetFormat {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    fail(
      'Старый формат XLS (Excel 97–2003) не поддерживается: сохраните файл как «Книга Excel (*.xlsx)» или CSV',
    );
  if (/\.(csv|txt)$/i.test(name) && !bytes.includes(0)) return 'csv';
  fail(
    'Неподходящий тип файла: загрузите таблицу XLSX или CSV (разделитель «;» или «,», кодировка UTF-8)',
  );
}

/** Rows of the first sheet (XLSX) or of the CSV text, every cell as trimmed text. */
export async function readRows(format: SheetFormat, bytes: Uint8Array): Promise<string[][]> {
  return format === 'csv' ? parseCsv(decodeUtf8(bytes)) : readXlsx(bytes);
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(
      'Файл CSV не в кодировке UTF-8: в Excel выберите «Сохранить как» → «CSV UTF-8 (разделитель — запятая)» или загрузите XLSX',
    );
  }
}

/** RFC 4180 with the delimiter guessed from the header line (`;` from Russian Excel, or `,`). */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = guessDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) fail('В файле CSV не закрыта кавычка: проверьте значения, содержащие «"»');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.map((r) => r.map((c) => c.trim()));
}

function guessDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    fail('Не удалось прочитать файл XLSX: он повреждён или это не таблица Excel');
  }
  const ws = wb.worksheets[0];
  if (!ws) fail('В файле XLSX нет листов');
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    const cells: string[] = [];
    r.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

/** A cell value as text: numbers without exponent, dates as YYYY-MM-DD, formulas by result. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isSafeInteger(v) ? BigInt(v).toString() : String(v);
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if ('formula' in v || 'sharedFormula' in v)
    return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in v) return cellText(v.text as ExcelJS.CellValue);
  if ('error' in v) return '';
  return '';
}

export interface SheetSpec {
  name: string;
  headers: string[];
  rows: (string | number | null)[][];
  /** Column widths in characters. */
  widths?: number[];
  /** 1-based columns kept as text (identifiers: Excel would turn ИНН into a number). */
  textColumns?: number[];
}

/** A workbook with a bold, frozen header row on each sheet. */
export async function writeWorkbook(sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'noko';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(s.headers).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((c) => c ?? ''));
    s.headers.forEach((h, i) => {
      const col = ws.getColumn(i + 1);
      col.width = s.widths?.[i] ?? Math.min(60, Math.max(12, h.length + 2));
      if (s.textColumns?.includes(i + 1)) col.numFmt = '@';
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
