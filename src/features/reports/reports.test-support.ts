// Reading generated documents back in tests: the text of a DOCX (word/document.xml unzipped with
// fflate), the text of a PDF per page (unpdf), and the fixture organizations by role.
import { strFromU8, unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import type { CampaignResults, OrganizationResult } from '../results/results.schema.ts';
import { FIXTURE_IDS } from './reports.fixture.ts';

export function docxParts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function docxXml(bytes: Uint8Array, part = 'word/document.xml'): string {
  const file = docxParts(bytes)[part];
  if (!file) throw new Error(`no ${part} in the DOCX`);
  return strFromU8(file);
}

/** Paragraph texts of the document body (runs joined, one string per paragraph). */
export function docxParagraphs(bytes: Uint8Array): string[] {
  return [...docxXml(bytes).matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1]!)
      .join('')
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  const { text } = await extractText(doc, { mergePages: false });
  return text;
}

export function org(results: CampaignResults, id: number): OrganizationResult {
  const found = results.organizations.find((o) => o.organizationId === id);
  if (!found) throw new Error(`no organization ${id} in the fixture`);
  return found;
}

export { FIXTURE_IDS };
