// The methodology version: every switch, parameter and catalogue version a campaign scores with.
// methodology.md: "The set of switches and catalogues used by a campaign is its methodology version;
// results store the version they were computed with." Every score result carries this value.

/** 1.3 and 4.3 denominators (methodology.md, switch): filter-question "yes" counts or all respondents. */
export type DenominatorMode = 'filter' | 'total';

/**
 * What a share with denominator 0 becomes (methodology.md "Zero denominator", switch):
 * `exclude` — not applicable (null), criterion weights rescaled; `zero` — 0, never rescaled.
 */
export type ZeroDenominatorMode = 'exclude' | 'zero';

export const DENOMINATOR_MODES = ['filter', 'total'] as const satisfies readonly DenominatorMode[];
export const ZERO_DENOMINATOR_MODES = [
  'exclude',
  'zero',
] as const satisfies readonly ZeroDenominatorMode[];

/** Required sample: `min(cap, ceil(share × contingent))` (methodology.md "Sample", switch). */
export interface SampleParameters {
  /** Share of the contingent, 0 < share ≤ 1. A decimal string keeps it exact ("0.40"). */
  share: string;
  /** Upper limit of the required number of respondents, integer ≥ 1. */
  cap: number;
}

/** One presentation band (methodology.md "Bands": presentation only, never called official). */
export interface Band {
  label: string;
  /** Exclusive lower bound; `null` for the lowest band, which starts at 0 inclusive. */
  above: number | null;
}

/** Versions of the expert and site catalogues (checklists.md: every list is a versioned catalogue). */
export interface CatalogueVersions {
  stand: string;
  site: string;
  remoteChannels: string;
  comfort: string;
  premises: string;
  services: string;
}

export interface MethodologyVersion {
  denominators: DenominatorMode;
  zeroDenominator: ZeroDenominatorMode;
  sample: SampleParameters;
  bands: readonly Band[];
  catalogues: CatalogueVersions;
}

export const DEFAULT_SAMPLE: SampleParameters = Object.freeze({ share: '0.40', cap: 600 });

/** Default bands: 81–100, 61–80, 41–60, 21–40, 0–20 (see bands.ts for how fractions fall). */
export const DEFAULT_BANDS: readonly Band[] = Object.freeze([
  { label: 'отлично', above: 80 },
  { label: 'хорошо', above: 60 },
  { label: 'удовлетворительно', above: 40 },
  { label: 'неудовлетворительно', above: 20 },
  { label: 'плохо', above: null },
]);

export const DEFAULT_CATALOGUES: CatalogueVersions = Object.freeze({
  stand: 'stand-default-1',
  // The machine-readable site catalogue, spec/site-requirements.json "version".
  site: 'site-requirements-2026-11-22',
  remoteChannels: 'remote-channels-default-1',
  comfort: 'comfort-default-1',
  premises: 'premises-default-1',
  services: 'services-default-1',
});

export const DEFAULT_METHODOLOGY: MethodologyVersion = Object.freeze({
  denominators: 'filter',
  zeroDenominator: 'exclude',
  sample: DEFAULT_SAMPLE,
  bands: DEFAULT_BANDS,
  catalogues: DEFAULT_CATALOGUES,
});

export type MethodologyOverrides = Partial<Omit<MethodologyVersion, 'catalogues' | 'sample'>> & {
  sample?: Partial<SampleParameters>;
  catalogues?: Partial<CatalogueVersions>;
};

/** The default methodology with some switches changed; nested records merge field by field. */
export function methodologyVersion(overrides: MethodologyOverrides = {}): MethodologyVersion {
  return Object.freeze({
    denominators: overrides.denominators ?? DEFAULT_METHODOLOGY.denominators,
    zeroDenominator: overrides.zeroDenominator ?? DEFAULT_METHODOLOGY.zeroDenominator,
    sample: Object.freeze({ ...DEFAULT_SAMPLE, ...overrides.sample }),
    bands: overrides.bands ?? DEFAULT_BANDS,
    catalogues: Object.freeze({ ...DEFAULT_CATALOGUES, ...overrides.catalogues }),
  });
}

/** Indicators for education (Minprosveshcheniya order 114): 2.2 "waiting time" is not used. */
export const INDICATOR_IDS = [
  '1.1',
  '1.2',
  '1.3',
  '2.1',
  '2.3',
  '3.1',
  '3.2',
  '3.3',
  '4.1',
  '4.2',
  '4.3',
  '5.1',
  '5.2',
  '5.3',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export const CRITERION_IDS = ['K1', 'K2', 'K3', 'K4', 'K5'] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

/**
 * Indicator weights within each criterion (Mintrud order 344н as listed in methodology.md). Decimal
 * strings, so that weighted sums are exact; each criterion's weights sum to 1.
 */
export const CRITERION_WEIGHTS: Readonly<
  Record<CriterionId, readonly (readonly [IndicatorId, string])[]>
> = Object.freeze({
  K1: [
    ['1.1', '0.3'],
    ['1.2', '0.3'],
    ['1.3', '0.4'],
  ],
  K2: [
    ['2.1', '0.5'],
    ['2.3', '0.5'],
  ],
  K3: [
    ['3.1', '0.3'],
    ['3.2', '0.4'],
    ['3.3', '0.3'],
  ],
  K4: [
    ['4.1', '0.4'],
    ['4.2', '0.4'],
    ['4.3', '0.2'],
  ],
  K5: [
    ['5.1', '0.3'],
    ['5.2', '0.2'],
    ['5.3', '0.5'],
  ],
});
