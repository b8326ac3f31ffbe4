// WordprocessingML (ECMA-376 part 1, §17) for the text blocks of the report — paragraphs, headings,
// lists, tables, the title page — written as strings. The docx package builds the document around
// them (styles, header, footer, page numbers, images); building every table cell as a docx object
// took 75 s and 3 GB for a 1,000-page annex, these strings take well under a second.
import { cellSpec, type Align, type Block, type Run, type TableBlock } from './blocks.ts';

const MM = 56.7; // twips per millimetre
/** A4 minus the 30 mm left and 15 mm right margins (ГОСТ Р 7.0.97-2016). */
export const TEXT_WIDTH_TWIPS = Math.round((210 - 30 - 15) * MM);

/** Escapes text for XML and drops characters XML 1.0 forbids. */
export function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  /** Half-points. */
  size?: number;
  colour?: string;
}

export function run(text: string, s: RunStyle = {}): string {
  const props = [
    s.bold ? '<w:b/>' : '',
    s.italic ? '<w:i/>' : '',
    s.colour ? `<w:color w:val="${s.colour}"/>` : '',
    s.size ? `<w:sz w:val="${s.size}"/><w:szCs w:val="${s.size}"/>` : '',
  ].join('');
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t${space}>${xmlText(text)}</w:t></w:r>`;
}

interface ParaStyle {
  style?: string;
  align?: Align | 'both';
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  spacingBefore?: number;
  spacingAfter?: number;
  /** Hanging indent in twips (lists). */
  indent?: { left: number; hanging: number };
}

const JC: Record<Align | 'both', string> = {
  left: 'left',
  center: 'center',
  right: 'right',
  both: 'both',
};

export function paragraph(content: string, s: ParaStyle = {}): string {
  const spacing =
    s.spacingBefore !== undefined || s.spacingAfter !== undefined
      ? `<w:spacing${s.spacingBefore !== undefined ? ` w:before="${s.spacingBefore}"` : ''}${s.spacingAfter !== undefined ? ` w:after="${s.spacingAfter}"` : ''}/>`
      : '';
  const props = [
    s.style ? `<w:pStyle w:val="${s.style}"/>` : '',
    s.keepNext ? '<w:keepNext/>' : '',
    s.pageBreakBefore ? '<w:pageBreakBefore/>' : '',
    spacing,
    s.indent ? `<w:ind w:left="${s.indent.left}" w:hanging="${s.indent.hanging}"/>` : '',
    s.align ? `<w:jc w:val="${JC[s.align]}"/>` : '',
  ].join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${content}</w:p>`;
}

const runs = (items: readonly Run[], size?: number) =>
  items.map((r) => run(r.text, { bold: r.bold, italic: r.italic, size })).join('');

const BORDER =
  '<w:top w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/><w:left w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/><w:right w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/>';

/** Paragraph styles of table cells (defined by the document shell, render-docx.ts). */
export const CELL_STYLES = { normal: 'TableText', small: 'TableSmall' } as const;

export function table(block: TableBlock): string {
  const style = block.small ? CELL_STYLES.small : CELL_STYLES.normal;
  const total = block.widths.reduce((s, w) => s + w, 0);
  const widths = block.widths.map((w) => Math.round((w / total) * TEXT_WIDTH_TWIPS));
  const row = (cells: TableBlock['rows'][number], header: boolean) => {
    let col = 0;
    const tcs = cells.map((c) => {
      const spec = cellSpec(c);
      const span = spec.colSpan ?? 1;
      const align = spec.align ?? (header ? 'center' : (block.align?.[col] ?? 'left'));
      col += span;
      const fill = spec.fill ?? (header ? 'DCE3EE' : undefined);
      // Widths come from the grid (fixed layout); a cell states only what differs.
      const props = `${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>` : ''}`;
      const text = run(spec.text, { bold: spec.bold || header });
      return `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${paragraph(text, { style, align: align === 'left' ? undefined : align })}</w:tc>`;
    });
    return `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${tcs.join('')}</w:tr>`;
  };
  const caption = block.caption
    ? paragraph(run(block.caption), { style: 'Caption', keepNext: true })
    : '';
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const props = `<w:tblW w:w="${TEXT_WIDTH_TWIPS}" w:type="dxa"/><w:tblBorders>${BORDER}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="20" w:type="dxa"/><w:left w:w="60" w:type="dxa"/><w:bottom w:w="20" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>`;
  const rows = [...block.header.map((h) => row(h, true)), ...block.rows.map((r) => row(r, false))];
  return `${caption}<w:tbl><w:tblPr>${props}</w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join('')}</w:tbl>${paragraph('', { spacingAfter: 60 })}`;
}

const TITLE_SIZE = { large: 40, medium: 30, small: 24 };

/** Every block but charts, as WordprocessingML body content. */
export function blockXml(block: Exclude<Block, { kind: 'chart' }>): string {
  switch (block.kind) {
    case 'heading':
      return paragraph(run(block.text), {
        style: `Heading${block.level}`,
        keepNext: true,
        pageBreakBefore: block.pageBreakBefore,
      });
    case 'paragraph':
      return paragraph(runs(block.runs), {
        style: block.style === 'note' ? 'Note' : undefined,
        align: block.style === 'center' ? 'center' : 'both',
      });
    case 'list':
      // A literal dash and a tab with a hanging indent: the look of a Russian list without a
      // numbering definition to share with the document shell.
      return block.items
        .map((item) =>
          paragraph(`${run('–')}<w:r><w:tab/></w:r>${runs(item)}`, {
            align: 'both',
            indent: { left: 567, hanging: 283 },
            spacingAfter: 60,
          }),
        )
        .join('');
    case 'table':
      return table(block);
    case 'title':
      return block.lines
        .map((line, i) =>
          paragraph(run(line.text, { bold: line.size !== 'small', size: TITLE_SIZE[line.size] }), {
            align: 'center',
            spacingBefore: i === 0 ? 3600 : 240,
            spacingAfter: 120,
          }),
        )
        .join('');
    case 'pageBreak':
      return paragraph('', { pageBreakBefore: true });
  }
}
