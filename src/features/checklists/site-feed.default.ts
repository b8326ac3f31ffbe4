// The site feed the service uses unless told otherwise: the site monitor's stored checks
// (src/features/monitor/monitor.feed.ts `siteFeed`: per included organization, the last successful
// check before the campaign's cut-off, with Исайт / Инорм.сайт recounted for the organization and
// the channels the site lists), reshaped for the checklist.
import { CHANNELS } from '../../domain/site-requirements/channels.ts';
import { siteFeed } from '../monitor/monitor.feed.ts';
import type { SiteFeed, SiteFeedEntry } from './site-feed.ts';

export const defaultSiteFeed: SiteFeed = async (ex, campaignId, organizationIds) => {
  const all = await siteFeed(ex, campaignId);
  const out = new Map<number, SiteFeedEntry>();
  for (const id of organizationIds) {
    const e = all.get(id);
    if (!e) continue;
    const listed = new Set(e.channelsListed);
    out.set(id, {
      checkedAt: e.checkedAt.toISOString(),
      channels: Object.fromEntries(CHANNELS.map((c) => [c, listed.has(c)])),
      site: e.site,
    });
  }
  return out;
};
