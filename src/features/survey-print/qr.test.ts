// QR codes of survey links: the SVG and the PNG carry exactly the symbol of the link (module by
// module against qrcode's matrix), the quiet zone is white, and the format information read back
// from the PNG's pixels says error correction level M. Plus the file-name rules.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { safeFileName } from './print.schema.ts';
import { QR_OPTIONS, QR_PNG_WIDTH, qrMatrix, qrPng, qrSvg } from './qr.ts';

// pngjs comes with qrcode (its PNG writer); it has no type declarations of its own.
const { PNG } = createRequire(import.meta.url)('pngjs') as {
  PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } };
};

const URL = 'https://nok.example.ru/s/K7M2QX9P';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The module grid sampled at module centres of a decoded PNG (quiet zone included). */
function sample(png: { width: number; data: Buffer }, modules: number): boolean[][] {
  const size = modules + 2 * QR_OPTIONS.margin;
  const px = png.width / size;
  const grid: boolean[][] = [];
  for (let r = 0; r < size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < size; c++) {
      const x = Math.floor((c + 0.5) * px);
      const y = Math.floor((r + 0.5) * px);
      row.push(png.data[(y * png.width + x) * 4]! < 128);
    }
    grid.push(row);
  }
  return grid;
}

/**
 * Error correction level from the format information next to the top-left finder (ISO/IEC
 * 18004 §7.9): 15 bits XOR 0x5412; the two leading bits are the level (01 L, 00 M, 11 Q, 10 H).
 */
function eccLevel(symbol: boolean[][]): string {
  const cells: Array<[number, number]> = [
    [8, 0], [8, 1], [8, 2], [8, 3], [8, 4], [8, 5], [8, 7], [8, 8],
    [7, 8], [5, 8], [4, 8], [3, 8], [2, 8], [1, 8], [0, 8],
  ]; // prettier-ignore
  const bits = cells.reduce((v, [r, c]) => (v << 1) | (symbol[r]![c] ? 1 : 0), 0) ^ 0x5412;
  return ({ 1: 'L', 0: 'M', 3: 'Q', 2: 'H' } as Record<number, string>)[bits >> 13]!;
}

describe('QR codes', () => {
  const matrix = qrMatrix(URL);
  const n = matrix.length;

  it('SVG: a path drawing the symbol in a viewBox of the symbol plus the quiet zone', async () => {
    const svg = await qrSvg(URL);
    const side = n + 2 * QR_OPTIONS.margin;
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain(`viewBox="0 0 ${side} ${side}"`);
    expect(svg).toMatch(/<path[^>]+stroke="#000000"[^>]+d="M4 4\.5h7/);
  });

  it('PNG: signature, 1200×1200, exactly the symbol of the link, white quiet zone, level M', async () => {
    const bytes = await qrPng(URL);
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const png = PNG.sync.read(bytes);
    expect(png.width).toBe(QR_PNG_WIDTH);
    expect(png.height).toBe(QR_PNG_WIDTH);
    const grid = sample(png, n);
    const m = QR_OPTIONS.margin;
    const symbol = grid.slice(m, m + n).map((row) => row.slice(m, m + n));
    expect(symbol).toEqual(matrix);
    const quiet = grid.flatMap((row, r) =>
      row.filter((_, c) => r < m || c < m || r >= m + n || c >= m + n),
    );
    expect(quiet.every((dark) => !dark)).toBe(true);
    expect(eccLevel(symbol)).toBe('M');
  });

  it('different links give different symbols', () => {
    expect(qrMatrix(`${URL}2`)).not.toEqual(matrix);
  });
});

describe('safeFileName', () => {
  it.each([
    ['Плакат K7M2QX9P МБОУ СОШ № 5', 'pdf', 'Плакат K7M2QX9P МБОУ СОШ № 5.pdf'],
    ['МБОУ «Школа» 1/2: "лицей"?', 'pdf', 'МБОУ «Школа» 1_2_ _лицей__.pdf'],
    ['  много   пробелов \n и строк  ', 'zip', 'много пробелов и строк.zip'],
    ['точка в конце.', 'svg', 'точка в конце.svg'],
    ['', 'png', 'file.png'],
  ])('%j → %j', (base, ext, expected) => {
    expect(safeFileName(base, ext)).toBe(expected);
  });

  it('bounds the length in characters, not bytes', () => {
    expect(safeFileName('ж'.repeat(300), 'pdf')).toBe(`${'ж'.repeat(100)}.pdf`);
  });
});
