// QR codes of survey links (package `qrcode`). Error correction M (15 %): survives a smudged or
// partly torn poster while keeping the code small for a ~40-character link; quiet zone of four
// modules, the minimum ISO/IEC 18004 asks for, so phone cameras find the code on any background.
import QRCode from 'qrcode';

export const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** PNG width in pixels: about 10 cm at 300 dpi, sharp on an A4 print. */
export const QR_PNG_WIDTH = 1200;

/** Vector QR code (scales to any print size). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...QR_OPTIONS, type: 'svg' });
}

/** Raster QR code, black on white, QR_PNG_WIDTH pixels square. */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...QR_OPTIONS, type: 'png', width: QR_PNG_WIDTH });
}

/** The module matrix (true = dark) without the quiet zone; tests compare images against it. */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, {
    errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel,
  });
  const rows: boolean[][] = [];
  for (let r = 0; r < modules.size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < modules.size; c++) row.push(Boolean(modules.get(r, c)));
    rows.push(row);
  }
  return rows;
}
