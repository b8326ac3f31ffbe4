// A small document model between the report's content and its file formats: the analytical report
// is written once as blocks (headings, paragraphs, tables, charts) and laid out by render-docx.ts
// and render-pdf.ts, so DOCX and PDF always say the same thing.

export type Align = 'left' | 'center' | 'right';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface CellSpec {
  text: string;
  bold?: boolean;
  align?: Align;
  /** Background, hex without '#', e.g. 'EEF2F8'. */
  fill?: string;
  colSpan?: number;
}
export type Cell = string | CellSpec;

export interface TableBlock {
  kind: 'table';
  /** Header rows (repeated on every page). */
  header: Cell[][];
  rows: Cell[][];
  /** Relative column widths. */
  widths: number[];
  /** Default alignment per column (numbers right). */
  align?: Align[];
  /** Small print (8 pt) for wide tables. */
  small?: boolean;
  /** «Таблица N. …», printed above the table. */
  caption?: string;
}

export interface ChartBlock {
  kind: 'chart';
  svg: string;
  /** Size in CSS pixels (the SVG's own size); documents scale it to the text width. */
  width: number;
  height: number;
  caption: string;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; pageBreakBefore?: boolean }
  | { kind: 'paragraph'; runs: Run[]; style?: 'body' | 'note' | 'center' }
  | { kind: 'list'; items: Run[][] }
  | TableBlock
  | ChartBlock
  | { kind: 'title'; lines: { text: string; size: 'large' | 'medium' | 'small' }[] }
  | { kind: 'pageBreak' };

export interface ReportDocument {
  /** Document properties title. */
  title: string;
  /** Running header on every page after the title page. */
  header: string;
  blocks: Block[];
}

export const h1 = (text: string, pageBreakBefore = false): Block => ({
  kind: 'heading',
  level: 1,
  text,
  pageBreakBefore,
});
export const h2 = (text: string): Block => ({ kind: 'heading', level: 2, text });
export const h3 = (text: string): Block => ({ kind: 'heading', level: 3, text });

/** A paragraph of plain text or runs. */
export function p(content: string | Run[], style?: 'body' | 'note' | 'center'): Block {
  const runs = typeof content === 'string' ? [{ text: content }] : content;
  return style ? { kind: 'paragraph', runs, style } : { kind: 'paragraph', runs };
}

export const b = (text: string): Run => ({ text, bold: true });
export const t = (text: string): Run => ({ text });

export function list(items: readonly (string | Run[])[]): Block {
  return { kind: 'list', items: items.map((i) => (typeof i === 'string' ? [{ text: i }] : i)) };
}

export const cellText = (c: Cell): string => (typeof c === 'string' ? c : c.text);
export const cellSpec = (c: Cell): CellSpec => (typeof c === 'string' ? { text: c } : c);

const NBSP = '\u00a0';

/** Binds «№» to its number, «%» and «г.» to theirs, and a dash to the word before it. */
export function bindSpaces(text: string): string {
  return text
    .replace(/№ +(?=\S)/g, `№${NBSP}`)
    .replace(/(\d) +%/g, `$1${NBSP}%`)
    .replace(/(\d) +(г\.|гг\.)/g, `$1${NBSP}$2`)
    .replace(/(\S) +— /g, `$1${NBSP}— `);
}

const fixRuns = (runs: Run[]): Run[] => runs.map((r) => ({ ...r, text: bindSpaces(r.text) }));
const fixCell = (c: Cell): Cell =>
  typeof c === 'string' ? bindSpaces(c) : { ...c, text: bindSpaces(c.text) };

function fixBlock(block: Block): Block {
  switch (block.kind) {
    case 'heading':
      return { ...block, text: bindSpaces(block.text) };
    case 'paragraph':
      return { ...block, runs: fixRuns(block.runs) };
    case 'list':
      return { ...block, items: block.items.map(fixRuns) };
    case 'table':
      return {
        ...block,
        header: block.header.map((r) => r.map(fixCell)),
        rows: block.rows.map((r) => r.map(fixCell)),
        ...(block.caption ? { caption: bindSpaces(block.caption) } : {}),
      };
    case 'chart':
      return { ...block, caption: bindSpaces(block.caption) };
    case 'title':
      return { ...block, lines: block.lines.map((l) => ({ ...l, text: bindSpaces(l.text) })) };
    case 'pageBreak':
      return block;
  }
}

/**
 * The last pass over a document: numbers the captions of tables and charts in order («Таблица 3»,
 * «Рисунок 2») and applies the non-breaking spaces of Russian typography to every text.
 */
export function finishBlocks(blocks: Block[]): Block[] {
  let tables = 0;
  let figures = 0;
  return blocks.map((raw) => {
    const block = fixBlock(raw);
    if (block.kind === 'table' && block.caption) {
      return { ...block, caption: `Таблица ${++tables}. ${block.caption}` };
    }
    if (block.kind === 'chart')
      return { ...block, caption: `Рисунок ${++figures}. ${block.caption}` };
    return block;
  });
}
