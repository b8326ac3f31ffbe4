// Lays out a ReportDocument as PDF with pdfmake (src/features/documents/pdf.ts: DejaVu Sans, A4, no
// file or URL access). Same margins as the DOCX (30/15/20/20 mm), running header and «Страница N из
// M» from the second page, repeated table headers, charts embedded as SVG (vector in the PDF).
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../documents/pdf.ts';
import { outlineSvgText } from './raster/svg-text.ts';
import { cellSpec, type Block, type ReportDocument, type Run, type TableBlock } from './blocks.ts';

const MM = 72 / 25.4;
const MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 20 * MM];
const TEXT_WIDTH = 595.28 - MARGINS[0] - MARGINS[2];
const LINE = '#7f7f7f';

const text = (runs: readonly Run[]) =>
  runs.map((r) => ({ text: r.text, bold: r.bold ?? false, italics: r.italic ?? false }));

function table(block: TableBlock): Content[] {
  const total = block.widths.reduce((s, w) => s + w, 0);
  const widths = block.widths.map((w) => (w / total) * (TEXT_WIDTH - block.widths.length * 8));
  const row = (cells: TableBlock['rows'][number], header: boolean): TableCell[] => {
    const out: TableCell[] = [];
    let col = 0;
    for (const c of cells) {
      const spec = cellSpec(c);
      const span = spec.colSpan ?? 1;
      const fill = spec.fill ?? (header ? 'DCE3EE' : undefined);
      out.push({
        text: spec.text,
        bold: spec.bold || header,
        alignment: spec.align ?? (header ? 'center' : (block.align?.[col] ?? 'left')),
        ...(fill ? { fillColor: `#${fill}` } : {}),
        ...(span > 1 ? { colSpan: span } : {}),
      });
      for (let i = 1; i < span; i++) out.push({ text: '' });
      col += span;
    }
    return out;
  };
  const body = [...block.header.map((h) => row(h, true)), ...block.rows.map((r) => row(r, false))];
  return [
    ...(block.caption ? [{ text: block.caption, style: 'caption' }] : []),
    {
      table: { headerRows: block.header.length, dontBreakRows: true, widths, body },
      layout: {
        hLineWidth: () => 0.5,
        vLineWidth: () => 0.5,
        hLineColor: () => LINE,
        vLineColor: () => LINE,
        paddingTop: () => 1.5,
        paddingBottom: () => 1.5,
      },
      fontSize: block.small ? 7.5 : 9,
      margin: [0, 0, 0, 8],
    },
  ];
}

function render(block: Block): Content[] {
  switch (block.kind) {
    case 'heading':
      return [
        {
          text: block.text,
          style: `h${block.level}`,
          headlineLevel: block.level,
          ...(block.pageBreakBefore ? { pageBreak: 'before' as const } : {}),
        },
      ];
    case 'paragraph':
      return [
        {
          text: text(block.runs),
          alignment: block.style === 'center' ? 'center' : 'justify',
          ...(block.style === 'note' ? { style: 'note' } : {}),
          margin: [0, 0, 0, 6],
        },
      ];
    case 'list':
      return [
        {
          ul: block.items.map((item) => ({
            text: [{ text: '–\u00a0' }, ...text(item)],
            alignment: 'justify' as const,
          })),
          type: 'none',
          margin: [0, 0, 0, 6],
        },
      ];
    case 'table':
      return table(block);
    case 'chart':
      return [
        {
          svg: outlineSvgText(block.svg),
          width: Math.min(TEXT_WIDTH, block.width),
          alignment: 'center',
          margin: [0, 4, 0, 2],
        },
        { text: block.caption, style: 'caption', alignment: 'center' },
      ];
    case 'title': {
      const size = { large: 22, medium: 15, small: 11 };
      return block.lines.map((line, i) => ({
        text: line.text,
        fontSize: size[line.size],
        bold: line.size !== 'small',
        alignment: 'center' as const,
        margin: [0, i === 0 ? 170 : 12, 0, 4] as [number, number, number, number],
      }));
    }
    case 'pageBreak':
      return [{ text: '', pageBreak: 'after' }];
  }
}

/** The PDF bytes of a report document. */
export async function renderReportPdf(doc: ReportDocument): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    info: { title: doc.title, subject: doc.header },
    pageMargins: MARGINS,
    header: (page) =>
      page === 1
        ? ''
        : {
            text: doc.header,
            alignment: 'right',
            fontSize: 7.5,
            color: '#555555',
            margin: [MARGINS[0], 30, MARGINS[2], 0],
          },
    footer: (page, pages) =>
      page === 1
        ? ''
        : {
            text: `Страница ${page} из ${pages}`,
            alignment: 'center',
            fontSize: 8,
            color: '#555555',
            margin: [0, 20, 0, 0],
          },
    content: doc.blocks.flatMap(render),
    defaultStyle: { fontSize: 10, lineHeight: 1.15 },
    styles: {
      h1: { fontSize: 15, bold: true, margin: [0, 6, 0, 8] },
      h2: { fontSize: 12.5, bold: true, margin: [0, 8, 0, 6] },
      h3: { fontSize: 11, bold: true, italics: true, margin: [0, 6, 0, 4] },
      caption: { fontSize: 9, italics: true, margin: [0, 6, 0, 3] },
      note: { fontSize: 8.5, color: '#404040' },
    },
  };
  return renderPdf(definition);
}
