// A minimal anti-aliased rasterizer: polygons filled with the non-zero winding rule, sampled at 4
// sub-scanlines per pixel with exact horizontal coverage, composited "source over" onto an RGBA
// buffer. Strokes are filled as one consistently oriented quad per segment (their union under the
// non-zero rule), which is all the straight axis and grid lines of a chart need.
import type { Point, Polyline } from './path.ts';

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0–1 */
  a: number;
}

interface Edge {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** +1 downwards, −1 upwards. */
  dir: number;
}

const SUB = 4;

export class Canvas {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
  private readonly cover: Float32Array;

  constructor(
    width: number,
    height: number,
    background: Rgba | null = { r: 255, g: 255, b: 255, a: 1 },
  ) {
    this.width = width;
    this.height = height;
    this.pixels = new Uint8Array(width * height * 4);
    this.cover = new Float32Array(width + 2);
    if (background) {
      const [r, g, b, a] = [
        background.r,
        background.g,
        background.b,
        Math.round(background.a * 255),
      ];
      new Uint32Array(this.pixels.buffer).fill(
        new Uint32Array(new Uint8Array([r, g, b, a]).buffer)[0]!,
      );
    }
  }

  /** Fills closed polygons (each polyline is closed implicitly) with the non-zero rule. */
  fill(polygons: readonly Point[][], colour: Rgba): void {
    if (colour.a <= 0) return;
    const edges: Edge[] = [];
    for (const poly of polygons) {
      for (let i = 0; i < poly.length; i++) {
        const a = poly[i]!;
        const b = poly[(i + 1) % poly.length]!;
        if (a[1] === b[1]) continue;
        edges.push(
          a[1] < b[1]
            ? { x0: a[0], y0: a[1], x1: b[0], y1: b[1], dir: 1 }
            : { x0: b[0], y0: b[1], x1: a[0], y1: a[1], dir: -1 },
        );
      }
    }
    if (edges.length === 0) return;
    edges.sort((p, q) => p.y0 - q.y0);
    const top = Math.max(0, Math.floor(edges[0]!.y0));
    let lowest = 0;
    for (const e of edges) if (e.y1 > lowest) lowest = e.y1;
    const bottom = Math.min(this.height - 1, Math.ceil(lowest));
    const active: Edge[] = [];
    let next = 0;
    let xs = new Float64Array(64);
    let ds = new Int8Array(64);
    for (let y = top; y <= bottom; y++) {
      while (next < edges.length && edges[next]!.y0 < y + 1) active.push(edges[next++]!);
      for (let i = active.length - 1; i >= 0; i--) if (active[i]!.y1 <= y) active.splice(i, 1);
      if (active.length === 0) continue;
      if (xs.length < active.length) {
        xs = new Float64Array(active.length * 2);
        ds = new Int8Array(active.length * 2);
      }
      let minX = this.width;
      let maxX = -1;
      for (let s = 0; s < SUB; s++) {
        const sy = y + (s + 0.5) / SUB;
        let n = 0;
        for (const e of active) {
          if (sy < e.y0 || sy >= e.y1) continue;
          // Insertion into the sorted crossings (a handful per scanline).
          const x = e.x0 + ((sy - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0);
          let j = n++;
          while (j > 0 && xs[j - 1]! > x) {
            xs[j] = xs[j - 1]!;
            ds[j] = ds[j - 1]!;
            j--;
          }
          xs[j] = x;
          ds[j] = e.dir;
        }
        let winding = 0;
        let start = 0;
        for (let i = 0; i < n; i++) {
          const before = winding;
          winding += ds[i]!;
          if (before === 0 && winding !== 0) start = xs[i]!;
          if (before === 0 || winding !== 0) continue;
          const from = Math.max(0, start);
          const to = Math.min(this.width, xs[i]!);
          if (to <= from) continue;
          this.span(from, to, 1 / SUB);
          if (from < minX) minX = Math.floor(from);
          if (to > maxX) maxX = Math.ceil(to);
        }
      }
      if (maxX >= minX) this.composite(y, minX, Math.min(this.width - 1, maxX), colour);
    }
  }

  /** Adds coverage `weight` over [from, to) with fractional end pixels. */
  private span(from: number, to: number, weight: number): void {
    const a = Math.floor(from);
    const b = Math.floor(to);
    if (a === b) {
      this.cover[a]! += (to - from) * weight;
      return;
    }
    this.cover[a]! += (a + 1 - from) * weight;
    for (let x = a + 1; x < b; x++) this.cover[x]! += weight;
    if (b < this.width) this.cover[b]! += (to - b) * weight;
  }

  private composite(y: number, from: number, to: number, c: Rgba): void {
    const px = this.pixels;
    const cover = this.cover;
    for (let x = from; x <= to; x++) {
      const cov = cover[x]! > 1 ? 1 : cover[x]!;
      cover[x] = 0;
      if (cov <= 0) continue;
      const alpha = cov * c.a;
      const i = (y * this.width + x) * 4;
      if (alpha >= 0.999) {
        px[i] = c.r;
        px[i + 1] = c.g;
        px[i + 2] = c.b;
        px[i + 3] = 255;
        continue;
      }
      const keep = (px[i + 3]! / 255) * (1 - alpha);
      const outA = alpha + keep;
      px[i] = (c.r * alpha + px[i]! * keep) / outA + 0.5;
      px[i + 1] = (c.g * alpha + px[i + 1]! * keep) / outA + 0.5;
      px[i + 2] = (c.b * alpha + px[i + 2]! * keep) / outA + 0.5;
      px[i + 3] = outA * 255 + 0.5;
    }
  }

  /** Strokes polylines of width `width` (device pixels), optionally dashed ([on, off, …]). */
  stroke(lines: readonly Polyline[], width: number, colour: Rgba, dash: number[] = []): void {
    const hw = Math.max(0.5, width) / 2;
    const quads: Point[][] = [];
    for (const line of lines) {
      const pts = line.closed ? [...line.points, line.points[0]!] : line.points;
      for (const [a, b] of dashed(pts, dash)) {
        const dx = b[0] - a[0];
        const dy = b[1] - a[1];
        const len = Math.hypot(dx, dy);
        if (len === 0) continue;
        const nx = (-dy / len) * hw;
        const ny = (dx / len) * hw;
        quads.push([
          [a[0] + nx, a[1] + ny],
          [b[0] + nx, b[1] + ny],
          [b[0] - nx, b[1] - ny],
          [a[0] - nx, a[1] - ny],
        ]);
      }
    }
    this.fill(quads, colour);
  }
}

/** Segments of a polyline, cut into dashes when a dash pattern is given. */
function dashed(points: readonly Point[], dash: readonly number[]): [Point, Point][] {
  const segments: [Point, Point][] = [];
  const pattern = dash.filter((d) => d > 0);
  for (let i = 1; i < points.length; i++) segments.push([points[i - 1]!, points[i]!]);
  if (pattern.length === 0) return segments;
  const out: [Point, Point][] = [];
  let k = 0;
  let left = pattern[0]!;
  let on = true;
  for (const [a, b] of segments) {
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    let pos = 0;
    while (pos < len) {
      const step = Math.min(left, len - pos);
      const at = (d: number): Point => [
        a[0] + ((b[0] - a[0]) * d) / len,
        a[1] + ((b[1] - a[1]) * d) / len,
      ];
      if (on) out.push([at(pos), at(pos + step)]);
      pos += step;
      left -= step;
      if (left <= 1e-9) {
        k = (k + 1) % pattern.length;
        left = pattern[k]!;
        on = !on;
      }
    }
  }
  return out;
}
