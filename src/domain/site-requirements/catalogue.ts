// The catalogue of the section «Сведения об образовательной организации» (Order 1493 pp.7–20,
// MR v9 tables 3.2–3.15), normalized from the bundled copy of shared/spec/site-requirements.json
// (see catalogue/SOURCE.md). Pure: the JSON is imported, not read from disk at run time.
import raw from './catalogue/site-requirements.2026-11-22.json' with { type: 'json' };

/** Organization kinds of noko (registry). `vocational` = СПО = the catalogue's `college`. */
export const ORG_KINDS = ['preschool', 'school', 'vocational', 'additional'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** Kinds used by the catalogue (it also covers ДПО and higher education, which noko does not). */
export type CatalogueKind = 'preschool' | 'school' | 'college' | 'additional' | 'dpo' | 'higher';

export const PRESENCES = ['mandatory', 'if_applicable', 'informational', 'optional'] as const;
export type Presence = (typeof PRESENCES)[number];

export function catalogueKind(kind: OrgKind): CatalogueKind {
  return kind === 'vocational' ? 'college' : kind;
}

export interface CatalogueItem {
  /** Stable id inside the catalogue: `<section>.<itemprop>` (or `<section>.<parent>.<itemprop>`). */
  id: string;
  section: string;
  /** MR v9 attribute; null where MR defines none (catering p.19.2: detected by text and links). */
  itemprop: string | null;
  parent: string | null;
  title: string;
  requiredFor: 'all' | readonly CatalogueKind[];
  presence: Presence;
  legalBasis: string | null;
  verified: boolean;
}

export interface CatalogueSection {
  key: string;
  path: string;
  title: string;
  requiredFor: 'all' | readonly CatalogueKind[];
  /** Where Order 831 kept this content (pre-2024 sites), when it differs. */
  path831: string | null;
  items: readonly CatalogueItem[];
}

export interface Catalogue {
  version: string;
  lawInForceOn: string;
  sections: readonly CatalogueSection[];
  /** Path variants observed on real sites, keyed by section (trailing slash, legacy 831 pages). */
  pathVariants: Readonly<Record<string, readonly string[]>>;
}

interface RawItem {
  itemprop: string | null;
  title_ru: string;
  required_for: string | string[];
  presence: string;
  parent?: string;
  legal_basis?: string;
  verified: boolean;
}

interface RawSection {
  key: string;
  path: string;
  title_ru: string;
  required_for: string | string[];
  path_831?: string;
  items: RawItem[];
}

// Catering p.19.2 items have no itemprop: they get stable keys here, in catalogue order.
const TEXT_ITEM_KEYS = ['menu', 'dietMenu', 'caterers', 'suppliers', 'parentsFeedback'];

function kinds(value: string | string[]): 'all' | CatalogueKind[] {
  return value === 'all' ? 'all' : (value as CatalogueKind[]);
}

function presence(value: string): Presence {
  if ((PRESENCES as readonly string[]).includes(value)) return value as Presence;
  throw new Error(`site-requirements: unknown presence «${value}»`);
}

function normalizeSection(s: RawSection): CatalogueSection {
  let textIndex = 0;
  const items = s.items.map((i): CatalogueItem => {
    const name = i.itemprop ?? `text:${TEXT_ITEM_KEYS[textIndex++] ?? String(textIndex)}`;
    const id = i.parent ? `${s.key}.${i.parent}.${name}` : `${s.key}.${name}`;
    return {
      id,
      section: s.key,
      itemprop: i.itemprop,
      parent: i.parent ?? null,
      title: i.title_ru,
      requiredFor: kinds(i.required_for),
      presence: presence(i.presence),
      legalBasis: i.legal_basis ?? null,
      verified: i.verified,
    };
  });
  return {
    key: s.key,
    path: s.path,
    title: s.title_ru,
    requiredFor: kinds(s.required_for),
    path831: s.path_831 ?? null,
    items,
  };
}

export function normalizeCatalogue(data: unknown): Catalogue {
  const d = data as {
    version: string;
    law_in_force_on: string;
    sections: RawSection[];
    path_variants: Record<string, unknown>;
  };
  const pathVariants: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(d.path_variants)) {
    if (Array.isArray(value)) pathVariants[key] = value.map(String);
  }
  return {
    version: d.version,
    lawInForceOn: d.law_in_force_on,
    sections: d.sections.map(normalizeSection),
    pathVariants,
  };
}

/** The bundled catalogue (version 2026-11-22). */
export const CATALOGUE: Catalogue = normalizeCatalogue(raw);

export function appliesTo(requiredFor: CatalogueItem['requiredFor'], kind: OrgKind): boolean {
  return requiredFor === 'all' || requiredFor.includes(catalogueKind(kind));
}

export function sectionByKey(key: string, catalogue: Catalogue = CATALOGUE): CatalogueSection {
  const s = catalogue.sections.find((x) => x.key === key);
  if (!s) throw new Error(`site-requirements: no section «${key}»`);
  return s;
}
