// Text as outlines for the chart rasterizer: DejaVu Sans (the fonts the PDFs embed) shaped by
// fontkit. fontkit is not a direct dependency of noko: it is pdfkit's font engine, and pdfkit is
// pdfmake's, so it is resolved through them (always present where pdfmake is) rather than from the
// project root.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { quadratic, type Point } from './path.ts';

interface PathCommand {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  args: number[];
}
interface FkGlyph {
  id: number;
  path: { commands: PathCommand[] };
}
interface FkFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  layout(text: string): {
    glyphs: FkGlyph[];
    positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  };
}
interface Fontkit {
  create(buffer: Buffer): FkFont;
}

const require = createRequire(import.meta.url);
let fonts: { normal: FkFont; bold: FkFont } | undefined;
const outlines = new Map<string, Point[][]>();

function load(): { normal: FkFont; bold: FkFont } {
  if (fonts) return fonts;
  const pdfkit = createRequire(require.resolve('pdfmake')).resolve('pdfkit');
  const fontkit = createRequire(pdfkit)('fontkit') as Fontkit;
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const open = (file: string) => fontkit.create(fs.readFileSync(path.join(dir, file)));
  fonts = { normal: open('DejaVuSans.ttf'), bold: open('DejaVuSans-Bold.ttf') };
  return fonts;
}

/** A glyph's contours in font units (y up), cached by font and glyph id. */
function glyphOutline(bold: boolean, glyph: FkGlyph): Point[][] {
  const key = `${bold ? 'b' : 'n'}${glyph.id}`;
  const cached = outlines.get(key);
  if (cached) return cached;
  const contours: Point[][] = [];
  let current: Point[] = [];
  for (const { command, args } of glyph.path.commands) {
    const last = current.at(-1) ?? [0, 0];
    if (command === 'moveTo') {
      if (current.length > 1) contours.push(current);
      current = [[args[0]!, args[1]!]];
    } else if (command === 'lineTo') current.push([args[0]!, args[1]!]);
    else if (command === 'quadraticCurveTo') {
      quadratic(current, last, [args[0]!, args[1]!], [args[2]!, args[3]!], 4);
    } else if (command === 'bezierCurveTo') current.push([args[4]!, args[5]!]);
    else if (command === 'closePath') {
      if (current.length > 1) contours.push(current);
      current = [];
    }
  }
  if (current.length > 1) contours.push(current);
  outlines.set(key, contours);
  return contours;
}

export interface TextOutline {
  /** Polygons in pixels relative to the text origin (baseline, left), y down. */
  polygons: Point[][];
  width: number;
  /** Distance from the baseline to the middle of the em box (for dominant-baseline: central). */
  centralOffset: number;
  ascent: number;
}

/** Outlines of a line of text at `size` px. */
export function textOutline(text: string, size: number, bold = false): TextOutline {
  const f = load();
  const font = bold ? f.bold : f.normal;
  const scale = size / font.unitsPerEm;
  const run = font.layout(text);
  const polygons: Point[][] = [];
  let x = 0;
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i]!;
    const ox = x + pos.xOffset;
    const oy = pos.yOffset;
    for (const contour of glyphOutline(bold, glyph)) {
      polygons.push(contour.map(([gx, gy]): Point => [(ox + gx) * scale, -(oy + gy) * scale]));
    }
    x += pos.xAdvance;
  });
  return {
    polygons,
    width: x * scale,
    centralOffset: ((font.ascent + font.descent) / 2) * scale,
    ascent: font.ascent * scale,
  };
}
