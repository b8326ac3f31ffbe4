// Replaces the <text> elements of a chart SVG by their outlines (<path>) for embedding in PDF.
// pdfmake 0.3 resolves SVG fonts to a font *file name* that PDFKit then opens from the disk, while
// noko's fonts live in pdfmake's virtual file system (src/features/documents/pdf.ts), so text in an
// SVG fails to load its font. Outlines look identical and need no font; the numbers of every chart
// are also printed in the tables beside it.
import { parseTransform } from './path.ts';
import { attributes, placeText } from './svg-raster.ts';

const TEXT = /<text\b([^>]*?)(?:\/>|>([\s\S]*?)<\/text>)/g;
const r2 = (v: number) => Math.round(v * 100) / 100;

export function outlineSvgText(svg: string): string {
  return svg.replace(TEXT, (_, attrText: string, body: string | undefined) => {
    const a = attributes(attrText);
    const placed = placeText(a, body ?? '', parseTransform(a.transform));
    if (!placed) return '';
    const d = placed.polygons
      .map((poly) => `M${poly.map(([x, y]) => `${r2(x)} ${r2(y)}`).join('L')}Z`)
      .join('');
    const opacity = a['fill-opacity'] ? ` fill-opacity="${a['fill-opacity']}"` : '';
    const matrix = placed.matrix.map((v) => Math.round(v * 1e4) / 1e4).join(' ');
    return `<path d="${d}" transform="matrix(${matrix})" fill="${a.fill ?? '#000'}"${opacity}/>`;
  });
}
