// The site monitor: checks the section «Сведения об образовательной организации» of one site
// (site-monitoring.md) and returns the `noko monitor --json` contract object. Steps: the main page
// and its link to the section; the section index for links to subsections; each of the 14
// subsections over its path variants with addRef pages; the remote channels of indicator 1.2.
import {
  CATALOGUE,
  channelLinks,
  detectChannels,
  evaluateSections,
  rulesetFor,
  scoreSections,
  siteChecks,
  updateCheck,
} from '../../domain/site-requirements/index.ts';
import type {
  Applicability,
  ChannelPage,
  MonitorResult,
  OrgKind,
  SectionCrawl,
  SectionResult,
  SiteEvidence,
} from '../../domain/site-requirements/index.ts';
import { annotateItems, checkDocuments, DEFAULT_DOCUMENT_LIMITS } from './documents.ts';
import type { DocumentLimits } from './documents.ts';
import { createFetcher, DEFAULT_FETCHER_OPTIONS } from './fetcher.ts';
import type { Fetcher, FetcherOptions } from './fetcher.ts';
import { createPageSource } from './page-source.ts';
import type { PageSource } from './page-source.ts';
import { crawlSection, siteUrl } from './section-crawl.ts';
import {
  discoverSubsections,
  findSectionLink,
  resolveLink,
  sameSite,
  signatureFiles,
} from './site-links.ts';

export interface CheckOptions {
  kind: OrgKind;
  /** The crawl date; picks the ruleset (831 / 1493 / 1493+1353). */
  now?: Date;
  /** What the organization has (branches, dormitory, …): if_applicable items count only then. */
  applicability?: Applicability;
  /** Our campaign survey URL prefixes: a link to them is the best 1.2 «quality_opinion» evidence. */
  surveyUrlPrefixes?: readonly string[];
  onProgress?: (message: string) => void;
  /** Stops the crawl: pages not yet requested are not fetched (job stopped, run cancelled). */
  signal?: AbortSignal;
}

export interface MonitorOptions extends Partial<
  Omit<FetcherOptions, 'userAgent' | 'allowPrivate'>
> {
  /** Public URL of this noko installation, named in the User-Agent so site owners can reach us. */
  publicUrl: string;
  allowPrivate: boolean;
  /** Upper bound for one site's crawl (all pages). */
  siteDeadlineMs?: number;
  /** Linked PDFs read per site for the text-layer check, and their size limit. */
  documents?: Partial<DocumentLimits>;
}

/** `2026-11-22T10:00:00Z`: the contract's form of `checkedAt` (no milliseconds). */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function channelPages(
  source: PageSource,
  main: ChannelPage,
  common: ChannelPage | null,
): Promise<ChannelPage[]> {
  const pages: ChannelPage[] = [main, ...(common ? [common] : [])];
  const links = channelLinks(main.model);
  const follow = async (href: string | null, via: 'faq' | 'e_service') => {
    const u = href ? resolveLink(href, new URL(main.url)) : null;
    if (!u || !sameSite(u, new URL(main.url))) return;
    const f = await source.get(u.href);
    if (f.ok && f.model) pages.push({ url: f.url, model: f.model, via });
  };
  await Promise.all([follow(links.faq, 'faq'), follow(links.eService, 'e_service')]);
  return pages;
}

const NO_EVIDENCE: SiteEvidence = {
  main: null,
  sectionLink: null,
  sections: [],
  loginRequired: [],
  documents: [],
  signatureFiles: [],
};

/** The result of a site that could not be checked at all: every section `error` with the reason. */
export function failedResult(
  input: string,
  kind: OrgKind,
  now: Date,
  reason: string,
): MonitorResult {
  const ruleset = rulesetFor(now);
  const crawls: SectionCrawl[] = CATALOGUE.sections.map((s) => ({
    key: s.key,
    status: 'error',
    url: null,
    httpStatus: null,
    reason: `сайт недоступен: ${reason}`,
    pages: [],
  }));
  const sections = evaluateSections(crawls, { kind, ruleset });
  return {
    url: input,
    kind,
    checkedAt: isoSeconds(now),
    rulesetVersion: ruleset.version,
    sectionLink: false,
    sectionLinkInNav: false,
    reachable: false,
    reason,
    sections,
    channels: detectChannels([]),
    score: scoreSections(sections),
    catalogueVersion: CATALOGUE.version,
    checks: siteChecks(NO_EVIDENCE, ruleset),
    freshness: updateCheck(NO_EVIDENCE, now),
    documents: [],
  };
}

/** The accepted page of each found subsection (for the navigation and file-link checks). */
function sectionPages(crawls: readonly SectionCrawl[]) {
  return crawls.flatMap((c) =>
    c.status === 'found' && c.url && c.pages[0]
      ? [{ key: c.key, url: c.url, model: c.pages[0] }]
      : [],
  );
}

function loginPaths(sections: readonly SectionResult[]): string[] {
  return sections.filter((s) => s.loginRequired).map((s) => s.url ?? s.path);
}

/** Checks one site with an existing fetcher (shared limits across many sites). Never throws. */
export async function checkSite(
  fetcher: Fetcher,
  input: string,
  options: CheckOptions & { siteDeadlineMs?: number; documents?: Partial<DocumentLimits> },
): Promise<MonitorResult> {
  const now = options.now ?? new Date();
  const started = Date.now();
  const progress = options.onProgress ?? (() => {});
  const deadline = started + (options.siteDeadlineMs ?? 180_000);
  const source = createPageSource(fetcher, {
    deadline,
    maxConsecutiveFailures: 3,
    now: () => Date.now(),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const ruleset = rulesetFor(now);
  progress(`главная страница: ${input}`);
  const main = await source.get(input);
  if (!main.ok) return failedResult(input, options.kind, now, main.reason);
  const root = new URL(main.url);
  const mainModel = main.model;
  const link = mainModel ? findSectionLink(mainModel, root) : null;
  const index = link ? await source.get(link.url) : await source.get(siteUrl(root, '/sveden/'));
  const discovered = discoverSubsections(
    index.ok ? index.model : null,
    index.ok ? new URL(index.url) : root,
  );
  const crawls = await Promise.all(
    CATALOGUE.sections.map(async (section) => {
      const crawl = await crawlSection(
        source,
        root,
        section,
        ruleset,
        discovered.get(section.key) ?? null,
      );
      progress(`${section.path}: ${crawl.status}${crawl.reason ? ` (${crawl.reason})` : ''}`);
      return crawl;
    }),
  );
  const sections = evaluateSections(crawls, {
    kind: options.kind,
    ruleset,
    flags: options.applicability ?? {},
  });
  const commonCrawl = crawls.find((c) => c.key === 'common');
  const commonPage =
    commonCrawl?.pages[0] && commonCrawl.url
      ? { url: commonCrawl.url, model: commonCrawl.pages[0] }
      : null;
  // Documents and the channel pages are independent: fetched together (the per-host limit still
  // holds), which saves a site a few round trips.
  const [documents, channels] = await Promise.all([
    checkDocuments(
      fetcher,
      sections,
      { ...DEFAULT_DOCUMENT_LIMITS, ...options.documents },
      () => Date.now() < deadline && !source.hostDown && !options.signal?.aborted,
    ),
    mainModel
      ? channelPages(source, { url: main.url, model: mainModel }, commonPage).then((pages) =>
          detectChannels(pages, { surveyUrlPrefixes: options.surveyUrlPrefixes ?? [] }),
        )
      : Promise.resolve(detectChannels([])),
  ]);
  if (documents.length > 0) progress(`документы PDF: проверено ${documents.length}`);
  annotateItems(sections, documents);
  const pages = sectionPages(crawls);
  const evidence: SiteEvidence = {
    main: mainModel ? { url: main.url, model: mainModel } : null,
    sectionLink: link,
    sections: pages,
    loginRequired: loginPaths(sections),
    documents,
    signatureFiles: signatureFiles(pages),
  };
  const checks = siteChecks(evidence, ruleset);
  return {
    url: input,
    kind: options.kind,
    checkedAt: isoSeconds(now),
    rulesetVersion: ruleset.version,
    sectionLink: link !== null,
    sectionLinkInNav: link?.inNav ?? false,
    reachable: true,
    sections,
    channels,
    score: scoreSections(sections),
    catalogueVersion: CATALOGUE.version,
    checks,
    freshness: updateCheck(evidence, now),
    documents,
    ...(main.status !== 200 ? { reason: `главная страница ответила кодом ${main.status}` } : {}),
  };
}

/** A monitor with its own fetcher (limits shared by every check made through it). */
export function createSiteMonitor(options: MonitorOptions) {
  const { publicUrl, allowPrivate, siteDeadlineMs, documents, ...limits } = options;
  const fetcher = createFetcher({
    ...DEFAULT_FETCHER_OPTIONS,
    ...limits,
    userAgent: `noko-monitor/0.1 (+${publicUrl})`,
    allowPrivate,
  });
  return {
    check: (url: string, check: CheckOptions) =>
      checkSite(fetcher, url, {
        ...check,
        ...(siteDeadlineMs ? { siteDeadlineMs } : {}),
        ...(documents ? { documents } : {}),
      }),
    close: () => fetcher.close(),
    /** The shared fetcher (the worker wraps it per check to keep the pages as evidence). */
    fetcher,
    limits: { ...(siteDeadlineMs ? { siteDeadlineMs } : {}), ...(documents ? { documents } : {}) },
  };
}

export type SiteMonitor = ReturnType<typeof createSiteMonitor>;

/**
 * Sites checked at once by `checkSites`. A site is bound by politeness, not by us: ~21 requests at
 * 2 per host are ~10 round trips (2 s at the benchmark's 50–300 ms), so a thousand sites need
 * 1000 / concurrency × 2 s of wall time whatever the CPU: 48 gave a 42 s floor, 64 gives 31 s.
 * Memory barely moves (the isolated monitor's heap is capped; a site in flight holds ~100 KB of
 * models), and requests stay bounded by the fetcher's global limit (128).
 */
export const DEFAULT_SITE_CONCURRENCY = 64;

/**
 * Checks many sites through one monitor, `concurrency` at a time, handing each result to
 * `onResult` as soon as it is ready (results are not kept: a region has thousands of sites).
 * For a batch, pass the isolated monitor (isolated-monitor.ts): bounded heap, no parsing on the
 * caller's event loop.
 */
export async function checkSites(
  monitor: Pick<SiteMonitor, 'check'>,
  targets: readonly { url: string; options: CheckOptions }[],
  onResult: (result: MonitorResult, index: number) => void | Promise<void>,
  concurrency = DEFAULT_SITE_CONCURRENCY,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const i = next++;
      const t = targets[i] as { url: string; options: CheckOptions };
      await onResult(await monitor.check(t.url, t.options), i);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, targets.length)) }, worker),
  );
}
