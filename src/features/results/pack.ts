// Compact storage of the per-organization JSON. Most of a provenance record and of a shortcoming is
// the same for every organization of a run (formulas, variants, weights, recommendation texts and
// legal bases, in Russian — two bytes a letter): stored 10 000 times it would be ~150 MB to send to
// the database. So each run keeps its repeated parts once (result_runs.fragments) and a row keeps
// only its own values, in arrays:
//   provenance  { v: 1, i: [[fragment, inputValues, unrounded, sourceNote?] × 14],
//                 c: [[fragment, unrounded] × 5], t: [fragment, unrounded], s: sources, r: fragment }
//   shortcoming [fragment, value, detail]
// Unpacking restores exactly the objects that were packed (pack.test.ts).
import { CRITERION_IDS, INDICATOR_IDS } from '../../domain/scoring/index.ts';
import type { Shortcoming } from '../../domain/shortcomings/index.ts';

type Json = Record<string, unknown>;

/** JSON with sorted keys: equal values give equal text whatever the order of their keys. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Json)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The repeated parts of one run, each stored once under a short id. */
export class FragmentTable {
  private readonly ids = new Map<string, string>();
  readonly entries: Record<string, Json> = {};

  /** The id of the fragment identified by `key`, made by `make` the first time. */
  ref(key: string, make: () => Json): string {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size.toString(36);
      this.ids.set(key, id);
      this.entries[id] = make();
    }
    return id;
  }
}

interface IndicatorProv {
  indicator: string;
  source: string;
  inputs: Record<string, number>;
  formula: string;
  variant: Json;
  notApplicable: boolean;
  note: string | null;
  unrounded: string | null;
  sourceNote?: string;
}

interface CriterionProv {
  formula: string;
  weights: { indicator: string; nominal: number; effective: number; applicable: boolean }[];
  zeroDenominator: string;
  notApplicable: boolean;
  note: string | null;
  unrounded: string | null;
}

const SEP = '\u0001';

function packIndicator(p: IndicatorProv, table: FragmentTable): unknown[] {
  const { inputs, unrounded, sourceNote, ...shared } = p;
  const keys = Object.keys(inputs);
  const key = [
    'i',
    p.indicator,
    p.source,
    p.formula,
    p.notApplicable,
    p.note,
    JSON.stringify(p.variant),
    keys.join(','),
  ].join(SEP);
  const f = table.ref(key, () => ({ ...shared, inputKeys: keys }));
  const row: unknown[] = [f, keys.map((k) => inputs[k]), unrounded];
  if (sourceNote !== undefined) row.push(sourceNote);
  return row;
}

function unpackIndicator(row: unknown[], fragments: Readonly<Record<string, Json>>): Json {
  const [f, values, unrounded, sourceNote] = row as [string, number[], string | null, string?];
  const { inputKeys, ...shared } = fragments[f] as Json & { inputKeys: string[] };
  const inputs = Object.fromEntries(inputKeys.map((k, i) => [k, values[i]]));
  return { ...shared, inputs, unrounded, ...(sourceNote !== undefined ? { sourceNote } : {}) };
}

function packCriterion(p: CriterionProv, table: FragmentTable): unknown[] {
  const { unrounded, ...shared } = p;
  const weights = p.weights
    .map((w) => `${w.indicator}:${w.nominal}:${w.effective}:${w.applicable}`)
    .join(',');
  const key = ['c', p.formula, p.zeroDenominator, p.notApplicable, p.note, weights].join(SEP);
  return [table.ref(key, () => shared), unrounded];
}

const packWhole = (value: Json, table: FragmentTable): string =>
  table.ref(`w${SEP}${JSON.stringify(value)}`, () => value);

/** Order of the arrays `i` and `c`, kept with the run so a later code change cannot shift them. */
const ORDER = '_order';

interface Order {
  indicators: readonly string[];
  criteria: readonly string[];
}

/** Provenance (see the file comment). */
export function packProvenance(p: Json, table: FragmentTable): Json {
  const ids: Order = { indicators: INDICATOR_IDS, criteria: CRITERION_IDS };
  table.entries[ORDER] ??= { indicators: [...INDICATOR_IDS], criteria: [...CRITERION_IDS] };
  const indicators = p.indicators as Record<string, IndicatorProv>;
  const criteria = p.criteria as Record<string, CriterionProv>;
  const total = p.total as Json & { unrounded: string | null };
  const { unrounded, ...totalShared } = total;
  const sources = (p.sources ?? {}) as Json;
  const { checkedAt, ...site } = (sources.site ?? {}) as Json;
  return {
    v: 1,
    i: ids.indicators.map((id) => packIndicator(indicators[id]!, table)),
    c: ids.criteria.map((id) => packCriterion(criteria[id]!, table)),
    t: [packWhole(totalShared, table), unrounded],
    s: {
      ...sources,
      ...(sources.checklist ? { checklist: packWhole(sources.checklist as Json, table) } : {}),
      ...(sources.site ? { site: [packWhole(site, table), checkedAt ?? null] } : {}),
    },
    ...(p.ranking ? { r: packWhole(p.ranking as Json, table) } : {}),
  };
}

export function unpackProvenance(stored: Json, fragments: Readonly<Record<string, Json>>): Json {
  const ids = (fragments[ORDER] as unknown as Order | undefined) ?? {
    indicators: INDICATOR_IDS,
    criteria: CRITERION_IDS,
  };
  const i = stored.i as unknown[][];
  const c = stored.c as [string, string | null][];
  const [totalRef, totalValue] = stored.t as [string, string | null];
  const s = (stored.s ?? {}) as Json;
  const sources: Json = { ...s };
  if (typeof s.checklist === 'string') sources.checklist = fragments[s.checklist];
  if (Array.isArray(s.site)) {
    const [ref, checkedAt] = s.site as [string, unknown];
    sources.site = { ...fragments[ref], checkedAt };
  }
  return {
    indicators: Object.fromEntries(
      ids.indicators.map((id, n) => [id, unpackIndicator(i[n]!, fragments)]),
    ),
    criteria: Object.fromEntries(
      ids.criteria.map((id, n) => [id, { ...fragments[c[n]![0]], unrounded: c[n]![1] }]),
    ),
    total: { ...fragments[totalRef], unrounded: totalValue },
    sources,
    ...(typeof stored.r === 'string' ? { ranking: fragments[stored.r] } : {}),
  };
}

/** Shortcomings: the catalogue's texts shared; the value and this organization's figure own. */
export function packShortcomings(list: readonly Shortcoming[], table: FragmentTable): unknown[][] {
  return list.map((s) => {
    const key = [s.code, s.indicator, s.source, s.subject].join(SEP);
    const f = table.ref(key, () => ({
      code: s.code,
      indicator: s.indicator,
      source: s.source,
      subject: s.subject,
      recommendation: s.recommendation,
      legalBasis: s.legalBasis,
    }));
    return [f, s.value, s.detail];
  });
}

/** Back to shortcomings (title = subject, or «subject: detail»). */
export function unpackShortcomings(
  stored: readonly unknown[],
  fragments: Readonly<Record<string, Json>>,
): Shortcoming[] {
  return stored.map((raw) => {
    const [f, value, detail] = raw as [string, number | null, string | null];
    const shared = fragments[f] as Omit<Shortcoming, 'title' | 'value' | 'detail'>;
    const title = detail ? `${shared.subject}: ${detail}` : shared.subject;
    return { ...shared, title, value, detail };
  });
}
