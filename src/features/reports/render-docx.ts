// Lays out a ReportDocument as DOCX. The docx package (9) builds the document: A4 with ГОСТ Р
// 7.0.97 margins (30/15/20/20 mm), Times New Roman with Russian proofing, the styles, a running
// header and «Страница N из M» in the footer (not on the title page), and the charts as SVG images
// with a PNG fallback drawn by raster/svg-raster.ts (Word 2016+ shows the SVG, older processors and
// LibreOffice the PNG). Text blocks between charts are written as WordprocessingML strings
// (ooxml.ts) into placeholder paragraphs after packing — the speed a 1,000-page annex needs.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import type { Block, ChartBlock, ReportDocument } from './blocks.ts';
import { blockXml, CELL_STYLES } from './ooxml.ts';
import { svgToPng } from './raster/svg-raster.ts';
import { zip } from './zip.ts';

const FONT = 'Times New Roman';
const RU = { value: 'ru-RU' };
const TEXT_WIDTH_PX = Math.round(((210 - 30 - 15) / 25.4) * 96);
const MARKER = (i: number) => `@@noko-chunk-${i}@@`;

function chartParagraphs(block: ChartBlock): Paragraph[] {
  const width = Math.min(TEXT_WIDTH_PX, block.width);
  const height = Math.round((block.height * width) / block.width);
  const image = new ImageRun({
    type: 'svg',
    data: Buffer.from(block.svg, 'utf8'),
    fallback: { type: 'png', data: svgToPng(block.svg) },
    transformation: { width, height },
    altText: { name: block.caption, title: block.caption, description: block.caption },
  });
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [image] }),
    new Paragraph({
      style: 'Caption',
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: block.caption })],
    }),
  ];
}

/** Shell paragraphs (charts and placeholders) and the XML of each placeholder's text chunk. */
function split(blocks: readonly Block[]): { shell: Paragraph[]; chunks: string[] } {
  const shell: Paragraph[] = [];
  const chunks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length === 0) return;
    shell.push(new Paragraph({ children: [new TextRun(MARKER(chunks.length))] }));
    chunks.push(current.join(''));
    current = [];
  };
  for (const block of blocks) {
    if (block.kind === 'chart') {
      flush();
      shell.push(...chartParagraphs(block));
    } else current.push(blockXml(block));
  }
  flush();
  return { shell, chunks };
}

const heading = (level: number, size: number, before: number, italics = false) => ({
  id: `Heading${level}`,
  name: `Heading ${level}`,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { size, bold: true, italics },
  paragraph: { spacing: { before, after: 120 }, keepNext: true, outlineLevel: level - 1 },
});

const styles = {
  default: {
    document: {
      run: { font: FONT, size: 24, language: RU },
      paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
    },
  },
  paragraphStyles: [
    heading(1, 30, 240),
    heading(2, 26, 200),
    heading(3, 24, 160, true),
    {
      id: 'Caption',
      name: 'Caption',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 20, italics: true },
      paragraph: { spacing: { before: 120, after: 60 } },
    },
    {
      id: 'Note',
      name: 'Note',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 20, color: '404040' },
    },
    {
      id: CELL_STYLES.normal,
      name: 'Table Text',
      basedOn: 'Normal',
      run: { size: 20 },
      paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: CELL_STYLES.small,
      name: 'Table Small',
      basedOn: 'Normal',
      run: { size: 16 },
      paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    },
  ],
};

const small = (children: string[], alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Paragraph({ alignment, children: [new TextRun({ children, size: 18, color: '555555' })] });

/** Puts each chunk's XML in place of the paragraph that carries its marker. */
function fill(documentXml: string, chunks: readonly string[]): string {
  let xml = documentXml;
  chunks.forEach((chunk, i) => {
    const at = xml.indexOf(MARKER(i));
    if (at < 0) throw new Error(`DOCX: нет места для фрагмента ${i}`);
    const start = xml.lastIndexOf('<w:p>', at);
    const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
    xml = xml.slice(0, start) + chunk + xml.slice(end);
  });
  return xml;
}

/** The DOCX bytes of a report document. */
export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const { shell, chunks } = split(doc.blocks);
  const document = new Document({
    title: doc.title,
    creator: 'noko',
    description: doc.header,
    styles,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567 },
          },
        },
        headers: {
          default: new Header({ children: [small([doc.header], AlignmentType.RIGHT)] }),
          first: new Header({ children: [] }),
        },
        footers: {
          default: new Footer({
            children: [
              small(
                ['Страница ', PageNumber.CURRENT, ' из ', PageNumber.TOTAL_PAGES],
                AlignmentType.CENTER,
              ),
            ],
          }),
          first: new Footer({ children: [] }),
        },
        children: shell,
      },
    ],
  });
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(document)));
  const body = files['word/document.xml'];
  if (!body) throw new Error('DOCX: нет word/document.xml');
  const filled = Buffer.from(fill(strFromU8(body), chunks), 'utf8');
  return zip(
    Object.entries(files).map(([name, data]) => ({
      name,
      data: name === 'word/document.xml' ? filled : data,
      store: name.startsWith('word/media/'),
    })),
  );
}
