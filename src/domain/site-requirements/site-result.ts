// The result of checking one site: the `noko monitor --json` contract of site-monitoring.md
// (field names fixed, extra fields allowed) and the score «Инорм.сайт» it feeds into 1.1.
import { CATALOGUE, appliesTo } from './catalogue.ts';
import type { Catalogue, CatalogueItem, CatalogueSection, OrgKind } from './catalogue.ts';
import { evaluateItem, evaluateOnPage, isPresent } from './evaluate.ts';
import type { ItemStatus } from './evaluate.ts';
import type { ChannelResult } from './channels.ts';
import type { DocumentCheck, SiteCheck } from './site-check.ts';
import type { PageModel } from './page-model.ts';
import { inRuleset, requirementOf } from './rulesets.ts';
import type { Applicability, Requirement, Ruleset, RulesetVersion } from './rulesets.ts';

export interface ItemResult {
  itemprop: string | null;
  status: ItemStatus;
  value: string | null;
  /** Catalogue id (`common.fullName`, `catering.text:menu`). */
  key: string;
  parent?: string;
  requirement: Requirement;
  note?: string;
}

export type SectionStatus = 'found' | 'missing' | 'error';

export interface SectionResult {
  key: string;
  path: string;
  title: string;
  url: string | null;
  httpStatus: number | null;
  status: SectionStatus;
  reason?: string;
  /** E.g. the page was found at a legacy Order 831 location or at a non-standard path. */
  note?: string;
  legacy831?: boolean;
  /** The page opens only after logging in (Order 1493 p.4 forbids it); status is `error`. */
  loginRequired?: boolean;
  items: ItemResult[];
}

export interface Score {
  present: number;
  required: number;
  share: number;
}

export interface MonitorResult {
  url: string;
  kind: OrgKind;
  checkedAt: string;
  rulesetVersion: RulesetVersion;
  sectionLink: boolean;
  sectionLinkInNav: boolean;
  /** false when the main page could not be fetched at all (exit code 3 of `noko monitor`). */
  reachable: boolean;
  reason?: string;
  sections: SectionResult[];
  channels: ChannelResult[];
  score: Score;
  catalogueVersion: string;
  /** General rules of site-monitoring.md (navigation, PDFs, ministries, language, …). */
  checks?: SiteCheck[];
  /**
   * The heuristic of the rule «обновление не позднее 10 рабочих дней» (update-check.ts): an extra
   * field of the `--json` contract beside `checks`, never a failure. The application merges it
   * into the stored general rules with the comparison to the previous check.
   */
  freshness?: SiteCheck;
  /** Linked PDF documents read for the text-layer check (a few per site). */
  documents?: DocumentCheck[];
}

/** What the crawler learnt about one subsection. */
export interface SectionCrawl {
  key: string;
  status: SectionStatus;
  url: string | null;
  httpStatus: number | null;
  reason?: string;
  note?: string;
  legacy831?: boolean;
  loginRequired?: boolean;
  /** The subsection page first, then its addRef pages. */
  pages: PageModel[];
}

/** Items listed for a kind: everything that applies to it in this ruleset except helpers (addRef). */
export function listedItems(
  section: CatalogueSection,
  kind: OrgKind,
  ruleset: Ruleset,
): CatalogueItem[] {
  return section.items.filter(
    (i) => i.presence !== 'optional' && appliesTo(i.requiredFor, kind) && inRuleset(i, ruleset),
  );
}

function otherAccreditationPages(crawls: readonly SectionCrawl[], ruleset: Ruleset): PageModel[] {
  const other = ruleset.accreditationSection === 'common' ? 'education' : 'common';
  return crawls.find((c) => c.key === other)?.pages ?? [];
}

function evaluateCrawl(
  section: CatalogueSection,
  crawl: SectionCrawl,
  all: readonly SectionCrawl[],
  ctx: { kind: OrgKind; ruleset: Ruleset; flags: Applicability },
): ItemResult[] {
  return listedItems(section, ctx.kind, ctx.ruleset).map((item) => {
    let ev = evaluateItem(item, crawl.pages);
    if (item.itemprop === 'accreditationDocLink' && !isPresent(ev.status)) {
      // Accepted on either page, with the location reported (catalogue note on the 1353 move).
      for (const page of otherAccreditationPages(all, ctx.ruleset)) {
        const elsewhere = evaluateOnPage(item, page);
        if (isPresent(elsewhere.status)) {
          ev = {
            ...elsewhere,
            note: `размещено в другом подразделе (${section.key === 'common' ? '/sveden/education' : '/sveden/common'})`,
          };
          break;
        }
      }
    }
    const r: ItemResult = {
      itemprop: item.itemprop,
      status: ev.status,
      value: ev.value,
      key: item.id,
      requirement: requirementOf(item, ctx.kind, ctx.ruleset, ctx.flags),
    };
    if (item.parent) r.parent = item.parent;
    if (ev.note) r.note = ev.note;
    return r;
  });
}

/** Section results in catalogue order; a section the crawler did not report counts as missing. */
export function evaluateSections(
  crawls: readonly SectionCrawl[],
  ctx: { kind: OrgKind; ruleset: Ruleset; flags?: Applicability },
  catalogue: Catalogue = CATALOGUE,
): SectionResult[] {
  const c = { kind: ctx.kind, ruleset: ctx.ruleset, flags: ctx.flags ?? {} };
  return catalogue.sections.map((section) => {
    const crawl: SectionCrawl = crawls.find((x) => x.key === section.key) ?? {
      key: section.key,
      status: 'missing',
      url: null,
      httpStatus: null,
      pages: [],
    };
    const out: SectionResult = {
      key: section.key,
      path: section.path,
      title: section.title,
      url: crawl.url,
      httpStatus: crawl.httpStatus,
      status: crawl.status,
      items: evaluateCrawl(section, crawl, crawls, c),
    };
    if (crawl.reason) out.reason = crawl.reason;
    if (crawl.note) out.note = crawl.note;
    if (crawl.legacy831) out.legacy831 = true;
    if (crawl.loginRequired) out.loginRequired = true;
    return out;
  });
}

/** «Инорм.сайт» and the present count: required items found or placeholder. */
export function scoreSections(sections: readonly SectionResult[]): Score {
  const items = sections.flatMap((s) => s.items).filter((i) => i.requirement === 'required');
  const present = items.filter((i) => isPresent(i.status)).length;
  const required = items.length;
  const share = required === 0 ? 0 : Math.round((present / required) * 10_000) / 10_000;
  return { present, required, share };
}
