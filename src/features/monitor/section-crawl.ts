// Finding one subsection over its path variants (site-monitoring.md «Crawler pitfalls»: Bitrix
// answers only with the trailing slash; `.html`, `index.php`; pre-2024 sites keep «Руководство»
// on /sveden/employees and «Доступная среда» on /sveden/ovz) and following its addRef pages
// (MR v9 §5 step 4, at most 10).
import type {
  CatalogueSection,
  PageModel,
  Ruleset,
  SectionCrawl,
} from '../../domain/site-requirements/index.ts';
import { CATALOGUE } from '../../domain/site-requirements/index.ts';
import type { PageFetch, PageSource } from './page-source.ts';

export const MAX_ADD_REF = 10;

/** Order 831 locations of content that 1493 moved (catalogue path_831, differences_831_vs_1493). */
const LEGACY_831: Record<string, readonly string[]> = {
  managers: ['/sveden/employees', '/sveden/employees/'],
  objects: ['/sveden/ovz', '/sveden/ovz/'],
};

export interface Variant {
  path: string;
  /** The MR path itself, with or without the trailing slash. */
  canonical: boolean;
  legacy831: boolean;
}

export function variantsOf(section: CatalogueSection): Variant[] {
  const base = section.path;
  const listed = CATALOGUE.pathVariants[section.key] ?? [];
  const paths = [
    base,
    `${base}/`,
    ...listed,
    `${base}.html`,
    `${base}/index.php`,
    `${base}/index.html`,
  ];
  const legacy = LEGACY_831[section.key] ?? [];
  const seen = new Set<string>();
  return paths
    .filter((p) => !seen.has(p) && seen.add(p))
    .map((path) => ({
      path,
      canonical: path === base || path === `${base}/`,
      legacy831: legacy.includes(path),
    }));
}

function sectionProps(section: CatalogueSection): Set<string> {
  return new Set(
    section.items.map((i) => i.itemprop).filter((p): p is string => p !== null && p !== 'copy'),
  );
}

function hasSectionMarks(model: PageModel, props: Set<string>): boolean {
  return model.marked.some((m) =>
    m.props.some((p) => props.has(p) || props.has(p.replace(/^./, (c) => c.toLowerCase()))),
  );
}

function looksLikeNotFound(model: PageModel): boolean {
  const head = `${model.title} ${model.headings.slice(0, 3).join(' ')}`;
  return /\b404\b|не найден|not found/i.test(head);
}

export function siteUrl(root: URL, path: string): string {
  const dir = root.pathname.replace(/[^/]*$/, '').replace(/\/$/, '');
  return new URL(`${dir}${path}`, root.origin).href;
}

function sameSite(a: URL, b: URL): boolean {
  return a.hostname.replace(/^www\./, '') === b.hostname.replace(/^www\./, '');
}

async function addRefPages(
  source: PageSource,
  page: { url: string; model: PageModel },
): Promise<PageModel[]> {
  const base = new URL(page.url);
  const refs: string[] = [];
  for (const m of page.model.marked) {
    if (!m.props.includes('addRef') || !m.href || refs.length >= MAX_ADD_REF) continue;
    try {
      const u = new URL(m.href, base);
      if (u.hash) u.hash = '';
      if (sameSite(u, base) && u.href !== base.href && !refs.includes(u.href)) refs.push(u.href);
    } catch {
      // A malformed addRef href is skipped: it cannot be followed.
    }
  }
  const fetched = await Promise.all(refs.map((u) => source.get(u)));
  return fetched.flatMap((f) => (f.ok && f.model ? [f.model] : []));
}

type Accepted = {
  variant: Variant | null;
  fetch: Extract<PageFetch, { ok: true }>;
  model: PageModel;
};

function finish(
  section: CatalogueSection,
  accepted: Accepted,
  ruleset: Ruleset,
  extra: PageModel[],
): SectionCrawl {
  const crawl: SectionCrawl = {
    key: section.key,
    status: 'found',
    url: accepted.fetch.url,
    httpStatus: accepted.fetch.status,
    pages: [accepted.model, ...extra],
  };
  const v = accepted.variant;
  if (v?.legacy831 && !ruleset.legacy831Layout) {
    crawl.legacy831 = true;
    crawl.note = `размещено по схеме приказа № 831 (${v.path}), а не по ${section.path}`;
  } else if (!v) {
    crawl.note = 'страница найдена по ссылке, путь не соответствует методическим рекомендациям';
  }
  return crawl;
}

// Where sites send visitors who must log in (Bitrix `?login=yes`, `/auth/`, Joomla, WordPress).
const LOGIN_URL =
  /[/?&](login|signin|sign-in|auth|authorize|user\/login|wp-login\.php|vhod|avtorizaciya)([/?&=.]|$)|[?&](login|auth)=yes/i;

/** 1493 p.4: no registration. A 401/403, or a redirect that lands on a login page. */
function isLoginWall(f: Extract<PageFetch, { ok: true }>): boolean {
  if (f.status === 401 || f.status === 403) return true;
  return f.redirected && LOGIN_URL.test(new URL(f.url).pathname + new URL(f.url).search);
}

/**
 * Variant URLs in order; the link found on the section index goes first when it is one of them
 * (a Bitrix site links `/sveden/common/`: one request instead of a 404 and a retry), otherwise
 * last (a page at a non-MR path is reported as such only when the MR paths fail).
 */
function candidatesOf(
  section: CatalogueSection,
  root: URL,
  discovered: string | null,
): { url: string; variant: Variant | null }[] {
  const candidates: { url: string; variant: Variant | null }[] = variantsOf(section).map((v) => ({
    url: siteUrl(root, v.path),
    variant: v,
  }));
  if (!discovered) return candidates;
  const at = candidates.findIndex((c) => c.url === discovered);
  if (at === -1) return [...candidates, { url: discovered, variant: null }];
  const [known] = candidates.splice(at, 1);
  return known ? [known, ...candidates] : candidates;
}

/** Finds and reads one subsection. `discovered` is a link to it found on the section's index page. */
export async function crawlSection(
  source: PageSource,
  root: URL,
  section: CatalogueSection,
  ruleset: Ruleset,
  discovered: string | null,
): Promise<SectionCrawl> {
  const props = sectionProps(section);
  const candidates = candidatesOf(section, root, discovered);
  let fallback: Accepted | null = null;
  let firstFailure: Extract<PageFetch, { ok: false }> | null = null;
  let firstStatus: number | null = null;
  let canonicalFailed = false;
  let login: string | null = null;
  for (const c of candidates) {
    const f = await source.get(c.url);
    if (!f.ok) {
      firstFailure ??= f;
      if (c.variant?.canonical) canonicalFailed = true;
      if (f.failure === 'deadline' || f.failure === 'host_down') break;
      continue;
    }
    firstStatus ??= f.status;
    if (isLoginWall(f)) {
      login ??= f.url;
      continue;
    }
    if (!f.model) continue;
    if (hasSectionMarks(f.model, props)) {
      const accepted = { variant: c.variant, fetch: f, model: f.model };
      return finish(
        section,
        accepted,
        ruleset,
        await addRefPages(source, { url: f.url, model: f.model }),
      );
    }
    if (c.variant?.canonical && !fallback && !looksLikeNotFound(f.model)) {
      fallback = { variant: c.variant, fetch: f, model: f.model };
    }
  }
  if (fallback) {
    const extra = await addRefPages(source, { url: fallback.fetch.url, model: fallback.model });
    return finish(section, fallback, ruleset, extra);
  }
  const primary = siteUrl(root, section.path);
  if (login) {
    return {
      key: section.key,
      status: 'error',
      url: login,
      httpStatus: null,
      reason: 'страница открывается только после входа на сайт (приказ № 1493 п.4)',
      loginRequired: true,
      pages: [],
    };
  }
  // An unreachable MR path is an error even when some other variant answered 404.
  if (firstFailure && (canonicalFailed || firstStatus === null)) {
    return {
      key: section.key,
      status: 'error',
      url: primary,
      httpStatus: null,
      reason: firstFailure.reason,
      pages: [],
    };
  }
  return { key: section.key, status: 'missing', url: null, httpStatus: firstStatus, pages: [] };
}
