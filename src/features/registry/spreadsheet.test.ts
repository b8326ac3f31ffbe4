import { describe, expect, it } from 'vitest';
import { cellText, detectFormat, parseCsv, readRows, writeWorkbook } from './spreadsheet.ts';

describe('parseCsv', () => {
  it.each([
    [
      'semicolons with a BOM and CRLF',
      '\uFEFFa;b\r\n1;2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'commas when the header has more of them',
      'a,b,c\n1,2,3',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'quoted delimiter, doubled quote and line break',
      'a;b\n"x;y";"say ""hi""\nthere"\n',
      [
        ['a', 'b'],
        ['x;y', 'say "hi"\nthere'],
      ],
    ],
    [
      'empty fields and a missing final newline',
      'a;b;c\n;;3',
      [
        ['a', 'b', 'c'],
        ['', '', '3'],
      ],
    ],
    [
      'semicolon header with commas inside quotes',
      '"a,b";c\n1;2',
      [
        ['a,b', 'c'],
        ['1', '2'],
      ],
    ],
  ])('%s', (_name, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('refuses an unclosed quote', () => {
    expect(() => parseCsv('a;b\n"1;2\n')).toThrow(/кавычка/);
  });
});

describe('cells and formats', () => {
  it.each([
    [6901000005, '6901000005'],
    [1027700132195, '1027700132195'],
    [' текст ', 'текст'],
    [new Date('2026-03-01T00:00:00Z'), '2026-03-01'],
    [{ richText: [{ text: 'Шко' }, { text: 'ла' }] }, 'Школа'],
    [{ formula: 'A1', result: 5 }, '5'],
    [{ text: 'сайт', hyperlink: 'https://x.ru' }, 'сайт'],
    [null, ''],
  ] as const)('cellText(%j) = %s', (v, s) => {
    expect(cellText(v as never)).toBe(s);
  });

  it('detects XLSX by content and CSV by name', () => {
    expect(detectFormat('x.bin', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('xlsx');
    expect(detectFormat('x.CSV', new TextEncoder().encode('a;b'))).toBe('csv');
    expect(() => detectFormat('x.docx.csv', new Uint8Array([1, 0, 2]))).toThrow(/XLSX или CSV/);
  });

  it('writes and reads back a workbook, identifiers kept as text', async () => {
    const bytes = await writeWorkbook([
      { name: 'Лист', headers: ['ИНН', 'Число'], rows: [['0123456789', 5]], textColumns: [1] },
    ]);
    expect(await readRows('xlsx', bytes)).toEqual([
      ['ИНН', 'Число'],
      ['0123456789', '5'],
    ]);
  });
});
