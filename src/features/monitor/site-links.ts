// Links between the pages of one site: the main page's link to the section (1493 p.3), the
// section index's links to the subsections, and which links stay on the site.
import { CATALOGUE } from '../../domain/site-requirements/index.ts';
import type { PageModel } from '../../domain/site-requirements/index.ts';

const SECTION_TEXT = /сведения\s+об\s+образовательной\s+организации/i;

export function sameSite(a: URL, b: URL): boolean {
  return a.hostname.replace(/^www\./, '') === b.hostname.replace(/^www\./, '');
}

export function resolveLink(href: string, base: URL): URL | null {
  try {
    const u = new URL(href, base);
    if (u.hash) u.hash = ''; // setting it re-serializes the URL: only when there is one
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** 1493 p.3: access to the section from the main page (and its main menu). */
export function findSectionLink(
  model: PageModel,
  base: URL,
): { url: string; inNav: boolean } | null {
  const candidates = model.links.flatMap((l) => {
    const u = resolveLink(l.href, base);
    if (!u || !sameSite(u, base)) return [];
    const byPath = /\/sveden(\/|\.|$)/i.test(u.pathname);
    return byPath || SECTION_TEXT.test(l.text) ? [{ url: u.href, inNav: l.inNav }] : [];
  });
  return candidates.find((c) => c.inNav) ?? candidates[0] ?? null;
}

/** Links on the section index page to each subsection, by MR path or by the 1493 title. */
export function discoverSubsections(model: PageModel | null, base: URL): Map<string, string> {
  const found = new Map<string, string>();
  if (!model) return found;
  const links = model.links.flatMap((l) => {
    const u = resolveLink(l.href, base);
    if (!u || !sameSite(u, base)) return [];
    const path = u.pathname.replace(/\/(index\.(php|html?))?$/i, '').replace(/\.html?$/i, '');
    return [{ url: u.href, path, text: l.text.toLowerCase() }];
  });
  for (const section of CATALOGUE.sections) {
    const title = section.title.toLowerCase().slice(0, 24);
    const link = links.find((l) => l.path.endsWith(section.path) || l.text.startsWith(title));
    if (link) found.set(section.key, link.url);
  }
  return found;
}

/** `.sig` files linked from the pages (detached signatures next to documents, PP 1802 p.18). */
export function signatureFiles(pages: readonly { url: string; model: PageModel }[]): string[] {
  const out = new Set<string>();
  for (const p of pages) {
    const base = new URL(p.url);
    for (const l of p.model.links) {
      if (!/\.(sig|p7s)([?#]|$)/i.test(l.href)) continue;
      const u = resolveLink(l.href, base);
      if (u && /\.(sig|p7s)$/i.test(u.pathname)) out.add(u.href);
    }
  }
  return [...out];
}
