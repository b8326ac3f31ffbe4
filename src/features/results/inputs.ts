// Where the calculation's checklist and site facts come from. Two features produce them (expert
// checklists: src/features/checklists; the site monitor: src/features/monitor); the calculation
// sees them through this interface, so tests can hand in any facts and the providers can evolve.
//
// Missing facts never look complete: an organization without a checklist (or a site check) is
// scored with nothing present out of the catalogue's required count, and its provenance says
// «нет данных чек-листа» («нет данных мониторинга сайта»).
import type { Executor } from '../../db/client.ts';
import type { ItemCount } from '../../domain/scoring/input.ts';
import { checklistInputs, type ChecklistInputs } from '../checklists/checklist-inputs.ts';
import { siteFeed, type SiteFeedEntry } from '../monitor/monitor.feed.ts';

/** One organization's expert checklist, as the scoring engine counts it. */
export interface ChecklistFacts {
  stand: ItemCount;
  remoteChannels: number;
  comfortConditions: number;
  premisesAccessibility: number;
  serviceAccessibility: number;
  /** The expert confirmed every item (false: still being filled in; counted as it stands). */
  complete: boolean;
  /**
   * Items answered «нет» (channels: not listed or not working), when the provider reports them:
   * `section` is stand | remoteChannels | comfort | premises | services, `key` the catalogue key.
   */
  missing?: readonly { section: string; key: string }[];
  /**
   * The expert's correction of the site half of 1.1 (Исайт / Инорм.сайт), used instead of the
   * site monitor's counts, with the reason; absent or null: the monitor's counts stand.
   */
  siteOverride?: (ItemCount & { reason: string }) | null;
}

/** One organization's official site check (the site half of 1.1). */
export interface SiteFacts {
  /** Required items found / required items («Исайт» / «Инорм.сайт»); null: site not reachable. */
  site: ItemCount | null;
  /** When the site was checked (ISO), if known. */
  checkedAt?: string | null;
  /** Catalogue ids (`common.fullName`) of required items not found, when reported. */
  missing?: readonly string[];
  /** Remote channels listed on the site, by channel key, when reported (provenance only). */
  channels?: Readonly<Record<string, boolean>>;
}

export interface CalculationInputsSource {
  /** Checklists of the campaign's organizations (absent key: no checklist). */
  checklists(ex: Executor, campaignId: number): Promise<ReadonlyMap<number, ChecklistFacts>>;
  /** The latest site check of each organization up to `cutoff` (absent key: never checked). */
  sites(ex: Executor, campaignId: number, cutoff: Date): Promise<ReadonlyMap<number, SiteFacts>>;
}

/** No checklist or site data at all (tests). */
export const NO_EXTERNAL_INPUTS: CalculationInputsSource = {
  checklists: () => Promise.resolve(new Map()),
  sites: () => Promise.resolve(new Map()),
};

/** Facts handed in directly (tests, the demo seed): the same maps for every campaign. */
export function fixedInputs(
  checklists: ReadonlyMap<number, ChecklistFacts>,
  sites: ReadonlyMap<number, SiteFacts> = new Map(),
): CalculationInputsSource {
  return {
    checklists: () => Promise.resolve(checklists),
    sites: () => Promise.resolve(sites),
  };
}

/** The checklist feature's inputs in the calculation's terms. */
export function checklistFacts(c: ChecklistInputs): ChecklistFacts {
  return {
    stand: c.stand,
    remoteChannels: c.remoteChannels,
    comfortConditions: c.comfortConditions,
    premisesAccessibility: c.premisesAccessibility,
    serviceAccessibility: c.serviceAccessibility,
    complete: c.complete,
    missing: c.missing.map((m) => ({ section: m.section, key: m.key })),
    siteOverride: c.siteOverride,
  };
}

/** The site monitor's feed entry in the calculation's terms. */
export function siteFacts(s: SiteFeedEntry): SiteFacts {
  return {
    site: s.site,
    checkedAt: s.checkedAt.toISOString(),
    channels: Object.fromEntries(s.channelsListed.map((c) => [c, true])),
  };
}

const mapValues = <K, A, B>(m: ReadonlyMap<K, A>, f: (a: A) => B): Map<K, B> =>
  new Map([...m].map(([k, v]) => [k, f(v)]));

/** The providers of the application: expert checklists and the site monitor's stored checks. */
export const defaultInputsSource: CalculationInputsSource = {
  checklists: async (ex, campaignId) =>
    mapValues(await checklistInputs(ex, campaignId), checklistFacts),
  sites: async (ex, campaignId, cutoff) =>
    mapValues(await siteFeed(ex, campaignId, cutoff), siteFacts),
};
