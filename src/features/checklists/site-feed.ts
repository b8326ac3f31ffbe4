// What the checklist takes from the site monitor: whether each remote channel is listed on the
// official site («указан на сайте», 1.2) and the site half of 1.1 (Исайт / Инорм.сайт), which the
// expert sees and may correct with a reason. The reader is injectable; see createChecklistsService.
import type { Executor } from '../../db/client.ts';

export interface SiteFeedEntry {
  /** When the site was checked (ISO). */
  checkedAt: string;
  /** Listed on the site, by channel key (telephone, email, e_service, faq, quality_opinion, other). */
  channels: Readonly<Record<string, boolean>>;
  /** Исайт / Инорм.сайт of the check; null when the site could not be checked. */
  site: { present: number; required: number } | null;
}

/** The latest check of each organization of a campaign that has one. */
export type SiteFeed = (
  ex: Executor,
  campaignId: number,
  organizationIds: readonly number[],
) => Promise<Map<number, SiteFeedEntry>>;

/** No site monitor data: the expert states what the site lists. */
export const noSiteFeed: SiteFeed = () => Promise.resolve(new Map());
