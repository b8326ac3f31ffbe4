// The shape of a general-rule check of the site monitor (site-checks.ts, document-checks.ts) and
// the evidence the crawler hands to them.
import type { PageModel } from './page-model.ts';

export const SITE_CHECKS = [
  'section_link',
  'shared_navigation',
  'no_registration',
  'file_link_purpose',
  'pdf_text_layer',
  'documents_available',
  'ministry_links',
  'russian_language',
  'visually_impaired_version',
  'e_signature',
  'accessibility',
  'information_as_images',
] as const;
export type SiteCheckKey = (typeof SITE_CHECKS)[number];
/** The rules above and the heuristic of updateCheck() (update-check.ts), kept apart from them. */
export type GeneralRuleKey = SiteCheckKey | 'update_10_days';
export type CheckStatus = 'pass' | 'fail' | 'warning' | 'not_checked';

export interface SiteCheck {
  key: GeneralRuleKey;
  status: CheckStatus;
  /** A requirement in force on the crawl date; false for informational checks. */
  required: boolean;
  basis: string;
  title: string;
  details: string | null;
  /** URLs, links or fragments behind the status (at most MAX_EVIDENCE). */
  evidence: string[];
}

/** What a linked document turned out to be (features/monitor reads PDFs, this is its verdict). */
export type DocumentStatus = 'text' | 'scan' | 'unknown' | 'not_pdf' | 'unavailable' | 'too_large';

export interface DocumentCheck {
  url: string;
  /** Catalogue items linking to it (`document.ustavDocLink`). */
  items: string[];
  status: DocumentStatus;
  httpStatus: number | null;
  pages: number | null;
  /** An embedded signature dictionary (/ByteRange, /Sig) — a hint of a simple e-signature. */
  signed: boolean;
  reason?: string;
}

export interface CheckedPage {
  url: string;
  model: PageModel;
}

export interface SiteEvidence {
  main: CheckedPage | null;
  sectionLink: { url: string; inNav: boolean } | null;
  /** The accepted page of every found subsection. */
  sections: readonly (CheckedPage & { key: string })[];
  /** Subsections behind a login (their MR path). */
  loginRequired: readonly string[];
  documents: readonly DocumentCheck[];
  /** `.sig` files linked from the section pages (detached signatures). */
  signatureFiles: readonly string[];
}

export const MAX_EVIDENCE = 20;

export function check(
  key: GeneralRuleKey,
  title: string,
  basis: string,
  status: CheckStatus,
  details: string | null,
  evidence: readonly string[] = [],
  required = true,
): SiteCheck {
  return {
    key,
    status,
    required,
    basis,
    title,
    details,
    evidence: evidence.slice(0, MAX_EVIDENCE),
  };
}

export function resolve(href: string, base: string | URL): URL | null {
  try {
    const u = new URL(href, base);
    if (u.hash) u.hash = ''; // setting it re-serializes the URL: only when there is one
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}
