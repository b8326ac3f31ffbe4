// The PNG fallback of charts: SVG geometry (paths, arcs, transforms), the rasterizer's coverage and
// colours, PNG encoding, and text outlines for PDF embedding.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { criteriaByKindChart } from './report-charts.ts';
import { buildModel } from './model.ts';
import { parsePath, parseTransform, apply } from './raster/path.ts';
import { parseColour, svgToPng } from './raster/svg-raster.ts';
import { outlineSvgText } from './raster/svg-text.ts';
import { reportsFixture } from './reports.fixture.ts';

/** Decodes the PNGs our encoder writes (RGBA, filter 0, one IDAT). */
function decodePng(png: Buffer): {
  width: number;
  height: number;
  pixel: (x: number, y: number) => number[];
} {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idatAt = png.indexOf('IDAT');
  const length = png.readUInt32BE(idatAt - 4);
  const raw = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + length));
  const pixel = (x: number, y: number) => {
    const i = y * (width * 4 + 1) + 1 + x * 4;
    return [raw[i]!, raw[i + 1]!, raw[i + 2]!, raw[i + 3]!];
  };
  return { width, height, pixel };
}

describe('SVG geometry', () => {
  it.each([
    [
      'M10 20L30 20',
      [
        [10, 20],
        [30, 20],
      ],
      false,
    ],
    [
      'M10 20l20 0 0 10z',
      [
        [10, 20],
        [30, 20],
        [30, 30],
      ],
      true,
    ],
    [
      'M0 0H5V5h-5Z',
      [
        [0, 0],
        [5, 0],
        [5, 5],
        [0, 5],
      ],
      true,
    ],
  ])('parsePath(%s)', (d, points, closed) => {
    const [line] = parsePath(d);
    expect(line!.points).toEqual(points);
    expect(line!.closed).toBe(closed);
  });

  it('flattens arcs onto their circle', () => {
    const [line] = parsePath('M10 0A10 10 0 0 1 -10 0');
    for (const [x, y] of line!.points) expect(Math.hypot(x, y)).toBeCloseTo(10, 5);
    expect(line!.points.at(-1)![0]).toBeCloseTo(-10, 6);
    expect(line!.points.some(([, y]) => y > 9)).toBe(true);
  });

  it('composes translate and matrix transforms', () => {
    const m = parseTransform('translate(10 20) matrix(2 0 0 2 1 1)');
    expect(apply(m, [1, 1])).toEqual([13, 23]);
  });

  it.each([
    ['#5070dd', { r: 0x50, g: 0x70, b: 0xdd, a: 1 }],
    ['#fff', { r: 255, g: 255, b: 255, a: 1 }],
    ['rgba(0,0,0,0.5)', { r: 0, g: 0, b: 0, a: 0.5 }],
    ['none', null],
  ])('parseColour(%s)', (text, colour) => {
    expect(parseColour(text)).toEqual(colour);
  });
});

describe('svgToPng', () => {
  it('fills shapes with their colour on white, anti-aliased at the edges', () => {
    const svg =
      '<svg width="20" height="10" xmlns="http://www.w3.org/2000/svg"><path d="M2 2L12 2L12 8L2 8Z" fill="#ff0000"></path></svg>';
    const png = decodePng(svgToPng(svg, 1));
    expect([png.width, png.height]).toEqual([20, 10]);
    expect(png.pixel(5, 5)).toEqual([255, 0, 0, 255]);
    expect(png.pixel(15, 5)).toEqual([255, 255, 255, 255]);
    const half = decodePng(
      svgToPng(svg.replace('M2 2L12 2L12 8L2 8Z', 'M2.5 2L12 2L12 8L2.5 8Z'), 1),
    ).pixel(2, 5);
    expect(half[1]).toBeGreaterThan(100);
    expect(half[1]).toBeLessThan(160);
  });

  it('draws a real chart: bars in the series colour and dark text pixels', () => {
    const chart = criteriaByKindChart(buildModel(reportsFixture()));
    const png = decodePng(svgToPng(chart.svg));
    expect(png.width).toBe(chart.width * 2);
    let bar = 0;
    let dark = 0;
    for (let y = 0; y < png.height; y += 3) {
      for (let x = 0; x < png.width; x += 3) {
        const [r, g, b] = png.pixel(x, y);
        if (r === 0x1f && g === 0x4e && b === 0x79) bar++;
        if (r! < 120 && g! < 120 && b! < 120 && !(r === 0x1f && g === 0x4e)) dark++;
      }
    }
    expect(bar).toBeGreaterThan(1000);
    expect(dark).toBeGreaterThan(50);
  });
});

describe('outlineSvgText', () => {
  it('replaces text by filled outlines at the same place', () => {
    const svg =
      '<svg width="100" height="40"><text x="0" y="20" style="font-size:12px;" fill="#333" transform="translate(5 5)">К1 84,44</text></svg>';
    const out = outlineSvgText(svg);
    expect(out).not.toContain('<text');
    const path = /<path d="([^"]+)" transform="matrix\(([^)]+)\)" fill="#333"\/>/.exec(out);
    expect(path).not.toBeNull();
    expect(path![2]!.split(' ').map(Number)).toEqual([1, 0, 0, 1, 5, 25]);
  });
});
