// Turning what the database holds about an organization into exactly what the scoring engine takes
// (OrganizationInput), with the notes that explain where each count came from, and the digest of
// all of it: equal digests mean the calculation would give the same results.
import { createHash } from 'node:crypto';
import { applicableItems, defaultAnswer, sectionCatalogue } from '../../domain/checklists/index.ts';
import type { MissingList } from '../../domain/shortcomings/index.ts';
import type {
  ItemCount,
  OrganizationInput,
  OrganizationKind,
  SurveyCounts,
} from '../../domain/scoring/input.ts';
import type { MethodologyVersion } from '../../domain/scoring/methodology.ts';
import { requiredSample } from '../../domain/scoring/sample.ts';
import {
  APPLICABILITY_FLAGS,
  requiredItems,
  rulesetFor,
  type Applicability,
} from '../../domain/site-requirements/index.ts';
import type { ResultRunSettings } from '../../db/schema/index.ts';
import type { ChecklistFacts, SiteFacts } from './inputs.ts';
import { canonical } from './pack.ts';

/** Bumped when the calculation itself changes, so an unchanged database still gets a new run. */
export const RESULTS_ENGINE_VERSION = 'results-1';

export const NO_CHECKLIST_NOTE = 'нет данных чек-листа';
export const NO_SITE_NOTE = 'нет данных мониторинга сайта';

/** What the calculation reads about one included organization. */
export interface CalculationOrganization {
  organizationId: number;
  kind: OrganizationKind;
  municipalityId: number;
  contingent: number;
  applicability: Readonly<Record<string, unknown>>;
  survey: SurveyCounts;
  flagged: number;
  excluded: number;
  checklist: ChecklistFacts | null;
  site: SiteFacts | null;
}

export interface PreparedOrganization {
  source: CalculationOrganization;
  /** The engine input; `id` is the organization id as text. */
  input: OrganizationInput;
  requiredSample: number;
  belowSample: boolean;
  flags: string[];
  /** Where the counts came from (stored in provenance.sources). */
  sources: Record<string, unknown>;
  /** Notes on checklist- and site-based indicators (provenance.indicators[id].sourceNote). */
  indicatorNotes: Partial<Record<string, string>>;
  missing: Partial<Record<MissingList, string[]>>;
  noChecklist: boolean;
  noSite: boolean;
}

/**
 * Catalogue counts depend only on the kind, the registry facts and the catalogue version, which a
 * region's organizations share in a few combinations: counted once per combination, not 10 000
 * times (bench/score.bench.ts). Bounded, as the catalogues are constants of the code.
 */
const defaults = new Map<string, number>();

function memo(key: string, compute: () => number): number {
  let value = defaults.get(key);
  if (value === undefined) {
    if (defaults.size >= 10_000) defaults.clear();
    value = compute();
    defaults.set(key, value);
  }
  return value;
}

/** «Инорм.стенд» without a checklist: the stand catalogue's items that apply to the organization. */
export function defaultStandRequired(
  kind: OrganizationKind,
  facts: Readonly<Record<string, unknown>>,
  version: string,
): number {
  return memo(`stand\u0000${kind}\u0000${version}\u0000${JSON.stringify(facts)}`, () => {
    const catalogue = sectionCatalogue('stand', version);
    const items = applicableItems(catalogue.items, kind);
    return Math.max(1, items.filter((i) => defaultAnswer(i, { kind, facts }) === null).length);
  });
}

/** The registry's facts in the site catalogue's terms (src/domain/site-requirements/rulesets.ts). */
export function siteApplicability(facts: Readonly<Record<string, unknown>>): Applicability {
  const out: Applicability = {};
  for (const flag of APPLICABILITY_FLAGS)
    if (typeof facts[flag] === 'boolean') out[flag] = facts[flag];
  if (facts.hasBranches === true) out.branches = true;
  if (facts.hasDormitory === true) out.dormitory = true;
  return out;
}

/** «Инорм.сайт» without a site check: required items of the ruleset in force at `cutoff`. */
export function defaultSiteRequired(
  kind: OrganizationKind,
  facts: Readonly<Record<string, unknown>>,
  cutoff: Date,
): number {
  const ruleset = rulesetFor(cutoff);
  const applicability = siteApplicability(facts);
  return memo(`site\u0000${kind}\u0000${ruleset}\u0000${JSON.stringify(applicability)}`, () =>
    Math.max(1, requiredItems(kind, ruleset, applicability).length),
  );
}

const count = (v: number): number => (Number.isFinite(v) ? Math.max(0, Math.trunc(v)) : 0);

/** present ≤ required ≥ 1, whole numbers: a provider's slip must not stop the whole campaign. */
function fixItems(c: ItemCount): { value: ItemCount; corrected: boolean } {
  const required = Math.max(1, count(c.required));
  const present = Math.min(count(c.present), required);
  return {
    value: { present, required },
    corrected: present !== c.present || required !== c.required,
  };
}

const LIST_OF_SECTION: Record<string, MissingList> = {
  stand: 'stand',
  remoteChannels: 'channels',
  comfort: 'comfort',
  premises: 'premises',
  services: 'services',
};

function missingLists(o: CalculationOrganization): Partial<Record<MissingList, string[]>> {
  const out: Partial<Record<MissingList, string[]>> = {};
  for (const m of o.checklist?.missing ?? []) {
    const list = LIST_OF_SECTION[m.section];
    if (list) (out[list] ??= []).push(m.key);
  }
  if (o.site?.missing?.length) out.site = [...o.site.missing];
  // Sorted: the digest must not change when a provider lists the same items in another order.
  for (const list of Object.values(out)) list.sort();
  return out;
}

function checklistPart(o: CalculationOrganization, m: MethodologyVersion) {
  const c = o.checklist;
  if (!c) {
    const required = defaultStandRequired(o.kind, o.applicability, m.catalogues.stand);
    return {
      stand: { value: { present: 0, required }, corrected: false },
      counts: {
        remoteChannels: 0,
        comfortConditions: 0,
        premisesAccessibility: 0,
        serviceAccessibility: 0,
      },
      source: {
        status: 'missing',
        note: `${NO_CHECKLIST_NOTE}: все условия учтены как отсутствующие`,
      },
      note: NO_CHECKLIST_NOTE,
    };
  }
  const note = c.complete ? null : 'чек-лист не завершён: учтены ответы на момент расчёта';
  return {
    stand: fixItems(c.stand),
    counts: {
      remoteChannels: count(c.remoteChannels),
      comfortConditions: count(c.comfortConditions),
      premisesAccessibility: count(c.premisesAccessibility),
      serviceAccessibility: count(c.serviceAccessibility),
    },
    source: { status: c.complete ? 'confirmed' : 'incomplete', note: note ?? 'чек-лист эксперта' },
    note,
  };
}

function sitePart(o: CalculationOrganization, cutoff: Date) {
  const s = o.site;
  const checkedAt = s?.checkedAt ?? null;
  const override = o.checklist?.siteOverride;
  if (override) {
    // The expert corrected the monitor's counts (checklists.md: «may correct with a reason»).
    return {
      site: fixItems(override),
      source: {
        status: 'expert',
        checkedAt,
        note: `исправлено экспертом: ${override.reason || 'причина не указана'}`,
      },
      note: null,
    };
  }
  if (!s || !s.site) {
    const required = defaultSiteRequired(o.kind, o.applicability, cutoff);
    const note = s ? 'сайт был недоступен при проверке' : NO_SITE_NOTE;
    return {
      site: { value: { present: 0, required }, corrected: false },
      source: {
        status: s ? 'unreachable' : 'missing',
        checkedAt,
        note: `${note}: учтено 0 из ${required}`,
      },
      note,
    };
  }
  return {
    site: fixItems(s.site),
    source: { status: 'checked', checkedAt, note: 'проверка официального сайта' },
    note: null,
  };
}

/** The engine input of one organization with its flags and source notes. */
export function prepareOrganization(
  o: CalculationOrganization,
  m: MethodologyVersion,
  cutoff: Date,
): PreparedOrganization {
  const checklist = checklistPart(o, m);
  const site = sitePart(o, cutoff);
  const required = requiredSample(o.contingent, m.sample);
  const belowSample = o.survey.respondents < required;
  const flags: string[] = [];
  if (belowSample) flags.push('below_sample');
  if (!o.checklist) flags.push('no_checklist');
  else if (!o.checklist.complete) flags.push('checklist_incomplete');
  if (!o.checklist?.siteOverride) {
    if (!o.site) flags.push('no_site_data');
    else if (!o.site.site) flags.push('site_unreachable');
  }
  if (checklist.stand.corrected || site.site.corrected) flags.push('input_corrected');
  const indicatorNotes: Partial<Record<string, string>> = {};
  const oneOne = [checklist.note && `стенды: ${checklist.note}`, site.note && `сайт: ${site.note}`];
  if (oneOne.some(Boolean)) indicatorNotes['1.1'] = oneOne.filter(Boolean).join('; ');
  if (checklist.note)
    for (const id of ['1.2', '2.1', '3.1', '3.2']) indicatorNotes[id] = checklist.note;
  return {
    source: o,
    input: {
      id: String(o.organizationId),
      kind: o.kind,
      stand: checklist.stand.value,
      site: site.site.value,
      ...checklist.counts,
      survey: o.survey,
    },
    requiredSample: required,
    belowSample,
    flags,
    sources: {
      checklist: checklist.source,
      site: site.source,
      survey: {
        respondents: o.survey.respondents,
        flagged: o.flagged,
        excluded: o.excluded,
        contingent: o.contingent,
        required,
        note: belowSample
          ? `выборка не набрана: учтено ${o.survey.respondents} из ${required}`
          : 'выборка набрана',
      },
    },
    indicatorNotes,
    missing: missingLists(o),
    noChecklist: !o.checklist,
    noSite: !o.checklist?.siteOverride && (!o.site || !o.site.site),
  };
}

/** sha-256 of everything that decides the stored results (hex). */
export function inputsDigest(
  prepared: readonly PreparedOrganization[],
  methodology: unknown,
  settings: ResultRunSettings,
): string {
  const hash = createHash('sha256');
  hash.update(canonical({ engine: RESULTS_ENGINE_VERSION, methodology, settings }));
  const sorted = [...prepared].sort((a, b) => a.source.organizationId - b.source.organizationId);
  for (const p of sorted) {
    const o = p.source;
    hash.update('\n');
    // JSON.stringify: these objects are built by this file in a fixed key order (canonical() is
    // several times slower and would double the time of an unchanged 10 000-organization check).
    hash.update(
      JSON.stringify({
        id: o.organizationId,
        kind: o.kind,
        municipality: o.municipalityId,
        input: p.input,
        required: p.requiredSample,
        flagged: o.flagged,
        excluded: o.excluded,
        flags: p.flags,
        sources: p.sources,
        missing: p.missing,
      }),
    );
  }
  return hash.digest('hex');
}
