// SVG → PNG for the charts of the DOCX report (Word needs a raster fallback beside an SVG image,
// docx 9 `ImageRun({ type: 'svg', fallback })`). It draws the flat subset that Apache ECharts'
// server-side SVG renderer emits — <rect>, <path>, <line>, <circle>, <text> with fill, stroke,
// opacity, dash arrays and translate/matrix transforms — with DejaVu Sans outlines for text. No
// native module and no browser: a 680×320 chart takes a few milliseconds.
import { Canvas, type Rgba } from './canvas.ts';
import { textOutline } from './glyphs.ts';
import {
  apply,
  multiply,
  parsePath,
  parseTransform,
  scaleOf,
  type Matrix,
  type Point,
  type Polyline,
} from './path.ts';
import { encodePng } from './png.ts';

type Attrs = Record<string, string>;

const NAMED: Record<string, [number, number, number]> = {
  black: [0, 0, 0],
  white: [255, 255, 255],
  red: [255, 0, 0],
  gray: [128, 128, 128],
  grey: [128, 128, 128],
};

/** #rgb, #rrggbb, rgb(), rgba(), a few names; null for none/transparent/unknown. */
export function parseColour(value: string | undefined, opacity = 1): Rgba | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  if (v === 'none' || v === 'transparent') return null;
  let rgb: number[] | undefined;
  let a = 1;
  if (v.startsWith('#')) {
    const hex = v.length === 4 ? [...v.slice(1)].map((c) => c + c).join('') : v.slice(1, 7);
    rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  } else if (v.startsWith('rgb')) {
    const parts = v
      .replace(/rgba?\(|\)/g, '')
      .split(',')
      .map((s) => Number(s.trim()));
    rgb = parts.slice(0, 3);
    if (parts.length > 3) a = parts[3]!;
  } else rgb = NAMED[v];
  if (!rgb || rgb.some((c) => !Number.isFinite(c))) return null;
  return { r: rgb[0]!, g: rgb[1]!, b: rgb[2]!, a: a * opacity };
}

export function attributes(text: string): Attrs {
  const out: Attrs = {};
  for (const [, k = '', v = ''] of text.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) out[k] = v;
  for (const decl of (out.style ?? '').split(';')) {
    const [k, v] = decl.split(':');
    if (k && v !== undefined) out[k.trim()] = v.trim();
  }
  return out;
}

export function decode(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export const num = (v: string | undefined, fallback = 0): number => {
  const n = parseFloat(v ?? '');
  return Number.isFinite(n) ? n : fallback;
};

function paint(canvas: Canvas, lines: Polyline[], a: Attrs, m: Matrix): void {
  const opacity = num(a.opacity, 1);
  const device = lines.map((l) => ({ closed: l.closed, points: l.points.map((p) => apply(m, p)) }));
  const fill = parseColour(a.fill ?? 'black', opacity * num(a['fill-opacity'], 1));
  if (fill)
    canvas.fill(
      device.map((l) => l.points),
      fill,
    );
  const stroke = parseColour(a.stroke, opacity * num(a['stroke-opacity'], 1));
  const width = num(a['stroke-width'], 1);
  if (stroke && width > 0) {
    const dash = (a['stroke-dasharray'] ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const s = scaleOf(m);
    canvas.stroke(
      device,
      width * s,
      stroke,
      dash.map((d) => d * s),
    );
  }
}

function shapeOf(tag: string, a: Attrs): Polyline[] {
  if (tag === 'path') return parsePath(a.d ?? '');
  if (tag === 'rect') {
    const [x, y, w, h] = [num(a.x), num(a.y), num(a.width), num(a.height)];
    return [
      {
        closed: true,
        points: [
          [x, y],
          [x + w, y],
          [x + w, y + h],
          [x, y + h],
        ],
      },
    ];
  }
  if (tag === 'line')
    return [
      {
        closed: false,
        points: [
          [num(a.x1), num(a.y1)],
          [num(a.x2), num(a.y2)],
        ],
      },
    ];
  if (tag === 'circle') {
    const [cx, cy, r] = [num(a.cx), num(a.cy), num(a.r)];
    const points = Array.from({ length: 32 }, (_, i): Point => [
      cx + r * Math.cos((i * Math.PI) / 16),
      cy + r * Math.sin((i * Math.PI) / 16),
    ]);
    return [{ closed: true, points }];
  }
  return [];
}

/** A <text> element as outline polygons in its own space and the matrix that places them. */
export function placeText(
  a: Attrs,
  body: string,
  m: Matrix,
): { polygons: Point[][]; matrix: Matrix } | null {
  const text = decode(body);
  if (!text.trim()) return null;
  const size = num(a['font-size'], 12);
  const bold = /bold|[6-9]00/.test(a['font-weight'] ?? '');
  const o = textOutline(text, size, bold);
  const anchor = a['text-anchor'] ?? 'start';
  const dx = anchor === 'middle' ? -o.width / 2 : anchor === 'end' ? -o.width : 0;
  const baseline = a['dominant-baseline'] ?? 'alphabetic';
  const dy =
    baseline === 'central' || baseline === 'middle'
      ? o.centralOffset
      : baseline === 'hanging'
        ? o.ascent
        : 0;
  return { polygons: o.polygons, matrix: multiply(m, [1, 0, 0, 1, num(a.x) + dx, num(a.y) + dy]) };
}

function drawText(canvas: Canvas, a: Attrs, body: string, m: Matrix): void {
  const placed = placeText(a, body, m);
  const fill = parseColour(a.fill ?? 'black', num(a.opacity, 1) * num(a['fill-opacity'], 1));
  if (!placed || !fill) return;
  canvas.fill(
    placed.polygons.map((poly) => poly.map((p) => apply(placed.matrix, p))),
    fill,
  );
}

export const ELEMENT = /<(rect|path|line|circle|text)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g;

/** Rasterizes an ECharts SVG at `scale` device pixels per SVG unit onto white, as PNG bytes. */
export function svgToPng(svg: string, scale = 2): Buffer {
  const root = attributes(/<svg\b([^>]*)>/.exec(svg)?.[1] ?? '');
  const width = Math.max(1, Math.round(num(root.width, 300) * scale));
  const height = Math.max(1, Math.round(num(root.height, 150) * scale));
  const canvas = new Canvas(width, height);
  const base: Matrix = [scale, 0, 0, scale, 0, 0];
  for (const [, tag = '', attrText = '', body = ''] of svg.matchAll(ELEMENT)) {
    const a = attributes(attrText);
    const m = multiply(base, parseTransform(a.transform));
    if (tag === 'text') drawText(canvas, a, body, m);
    else paint(canvas, shapeOf(tag, a), a, m);
  }
  return encodePng(width, height, canvas.pixels);
}
