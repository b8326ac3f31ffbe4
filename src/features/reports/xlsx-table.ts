// One worksheet as a table (exceljs): a bold, shaded, frozen header row, an autofilter over the
// whole table, column widths and number formats — scores with two decimals («0.00», which Excel
// shows with the reader's decimal separator: 84,44 in Russian locales), counts as integers, and
// codes such as the INN kept as text so leading zeros survive.
import type ExcelJS from 'exceljs';

export type ColumnFormat = 'score' | 'int' | 'text' | 'date' | 'plain';

export interface Column {
  header: string;
  width: number;
  format?: ColumnFormat;
}

const NUM_FMT: Record<ColumnFormat, string | undefined> = {
  score: '0.00',
  int: '0',
  text: '@',
  date: 'dd.mm.yyyy hh:mm',
  plain: undefined,
};

export type CellValue = string | number | boolean | Date | null;

export function addTable(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  rows: readonly (readonly CellValue[])[],
  options: { frozenColumns?: number } = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: options.frozenColumns ?? 0 }],
  });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    ...(NUM_FMT[c.format ?? 'plain'] ? { style: { numFmt: NUM_FMT[c.format ?? 'plain'] } } : {}),
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE3EE' } };
  });
  for (const row of rows) ws.addRow(row.map((v) => (v === null ? null : v)));
  if (columns.length > 0) {
    ws.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: Math.max(1, rows.length + 1), column: columns.length },
    };
  }
  return ws;
}

/** «да» / «нет» for flags (readable and filterable in Russian spreadsheets). */
export const yesNo = (v: boolean): string => (v ? 'да' : 'нет');
