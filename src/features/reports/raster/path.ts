// SVG geometry for the chart rasterizer: affine transforms, path data (M L H V C S Q T A Z, absolute
// and relative; SVG 1.1 §8.3) flattened into polylines, arcs converted from endpoint to centre
// parameterisation (SVG 1.1 Implementation notes F.6.5).

export type Point = [number, number];
/** A flattened subpath: its points and whether it was closed with Z. */
export interface Polyline {
  points: Point[];
  closed: boolean;
}
/** [a, b, c, d, e, f] as in SVG matrix(): x' = a x + c y + e, y' = b x + d y + f. */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export const apply = (m: Matrix, [x, y]: Point): Point => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** How much the transform scales lengths (for stroke widths). */
export const scaleOf = (m: Matrix): number => Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));

/** Parses a transform attribute: translate, scale, rotate, matrix (in order, left to right). */
export function parseTransform(text: string | undefined): Matrix {
  let m = IDENTITY;
  if (!text) return m;
  for (const [, name = '', args = ''] of text.matchAll(/(\w+)\s*\(([^)]*)\)/g)) {
    const v = args
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const [a = 0, b = 0, c = 0] = v;
    if (name === 'translate') m = multiply(m, [1, 0, 0, 1, a, b]);
    else if (name === 'scale') m = multiply(m, [a, 0, 0, v.length > 1 ? b : a, 0, 0]);
    else if (name === 'matrix' && v.length === 6) m = multiply(m, v as Matrix);
    else if (name === 'rotate') {
      const r = (a * Math.PI) / 180;
      const rot: Matrix = [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0];
      m = multiply(m, multiply([1, 0, 0, 1, b, c], multiply(rot, [1, 0, 0, 1, -b, -c])));
    }
  }
  return m;
}

const CURVE_STEPS = 12;

function cubic(out: Point[], p0: Point, p1: Point, p2: Point, p3: Point): void {
  for (let i = 1; i <= CURVE_STEPS; i++) {
    const t = i / CURVE_STEPS;
    const u = 1 - t;
    out.push([
      u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
      u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
    ]);
  }
}

export function quadratic(
  out: Point[],
  p0: Point,
  p1: Point,
  p2: Point,
  steps = CURVE_STEPS,
): void {
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    out.push([
      u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0],
      u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1],
    ]);
  }
}

function arc(out: Point[], p0: Point, a: number[], p1: Point): void {
  let [rx = 0, ry = 0] = a.map(Math.abs);
  const [, , phiDeg = 0, large = 0, sweep = 0] = a;
  if (rx === 0 || ry === 0) return void out.push(p1);
  const phi = (phiDeg * Math.PI) / 180;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  const dx = (p0[0] - p1[0]) / 2;
  const dy = (p0[1] - p1[1]) / 2;
  const x1 = cos * dx + sin * dy;
  const y1 = -sin * dx + cos * dy;
  const lambda = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
  const den = rx * rx * y1 * y1 + ry * ry * x1 * x1;
  const k = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
  const cx1 = (k * rx * y1) / ry;
  const cy1 = (-k * ry * x1) / rx;
  const cx = cos * cx1 - sin * cy1 + (p0[0] + p1[0]) / 2;
  const cy = sin * cx1 + cos * cy1 + (p0[1] + p1[1]) / 2;
  const angle = (ux: number, uy: number, vx: number, vy: number) =>
    Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  const t1 = angle(1, 0, (x1 - cx1) / rx, (y1 - cy1) / ry);
  let dt = angle((x1 - cx1) / rx, (y1 - cy1) / ry, (-x1 - cx1) / rx, (-y1 - cy1) / ry);
  if (!sweep && dt > 0) dt -= 2 * Math.PI;
  if (sweep && dt < 0) dt += 2 * Math.PI;
  const steps = Math.max(4, Math.ceil((Math.abs(dt) / (Math.PI / 2)) * 8));
  for (let i = 1; i <= steps; i++) {
    const th = t1 + (dt * i) / steps;
    out.push([
      cx + rx * Math.cos(th) * cos - ry * Math.sin(th) * sin,
      cy + rx * Math.cos(th) * sin + ry * Math.sin(th) * cos,
    ]);
  }
}

const ARGS: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };

/** Flattens SVG path data into polylines (user space, before any transform). */
export function parsePath(d: string): Polyline[] {
  const tokens = d.match(/[a-zA-Z]|[-+]?(?:\d*\.\d+|\d+\.?)(?:[eE][-+]?\d+)?/g) ?? [];
  const out: Polyline[] = [];
  let current: Polyline | null = null;
  let pos: Point = [0, 0];
  let start: Point = [0, 0];
  let control: Point | null = null;
  let i = 0;
  let cmd = '';
  while (i < tokens.length) {
    if (/[a-zA-Z]/.test(tokens[i]!)) cmd = tokens[i++]!;
    const lower = cmd.toLowerCase();
    const n = ARGS[lower];
    if (n === undefined) break;
    const a = tokens.slice(i, i + n).map(Number);
    i += n;
    const rel = cmd !== cmd.toUpperCase();
    const pt = (x: number, y: number): Point => (rel ? [pos[0] + x, pos[1] + y] : [x, y]);
    if (lower === 'z') {
      if (current) current.closed = true;
      pos = start;
      current = null;
      // Numbers right after Z are malformed data: stop rather than loop on them.
      if (i < tokens.length && !/[a-zA-Z]/.test(tokens[i]!)) break;
      continue;
    }
    if (lower === 'm') {
      pos = pt(a[0]!, a[1]!);
      start = pos;
      current = { points: [pos], closed: false };
      out.push(current);
      cmd = rel ? 'l' : 'L';
      control = null;
      continue;
    }
    if (!current) {
      current = { points: [pos], closed: false };
      out.push(current);
    }
    const pts = current.points;
    let next: Point;
    let nextControl: Point | null = null;
    if (lower === 'l' || lower === 't') next = pt(a[0]!, a[1]!);
    else if (lower === 'h') next = [rel ? pos[0] + a[0]! : a[0]!, pos[1]];
    else if (lower === 'v') next = [pos[0], rel ? pos[1] + a[0]! : a[0]!];
    else if (lower === 'c' || lower === 's') {
      const c1: Point =
        lower === 'c'
          ? pt(a[0]!, a[1]!)
          : control
            ? [2 * pos[0] - control[0], 2 * pos[1] - control[1]]
            : pos;
      const c2 = lower === 'c' ? pt(a[2]!, a[3]!) : pt(a[0]!, a[1]!);
      next = lower === 'c' ? pt(a[4]!, a[5]!) : pt(a[2]!, a[3]!);
      cubic(pts, pos, c1, c2, next);
      nextControl = c2;
    } else if (lower === 'q') {
      const c1 = pt(a[0]!, a[1]!);
      next = pt(a[2]!, a[3]!);
      quadratic(pts, pos, c1, next);
      nextControl = c1;
    } else {
      next = pt(a[5]!, a[6]!);
      arc(pts, pos, a, next);
    }
    if (lower === 'l' || lower === 'h' || lower === 'v' || lower === 't') pts.push(next);
    pos = next;
    control = nextControl;
  }
  return out;
}
