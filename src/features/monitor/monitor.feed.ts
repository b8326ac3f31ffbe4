// The site half of indicator 1.1 and the listed channels of 1.2 for a campaign, from stored checks.
// Contract with the checklists (expert overrides) and results (calculation) features: keep the
// name and the shape.
//
// Cut-off: the moment after which checks no longer count for the campaign —
//   1. the `cutoff` argument when given;
//   2. else the end of the data-collection stage: when the stage is marked done, that moment;
//      otherwise the end (23:59:59.999) of its planned last day in the region's time zone;
//   3. else (no stage) now.
// For each organization included in the campaign the last successful (`ok`) check at or before the
// cut-off is taken. `site.required` is recounted under the ruleset in force on that check's date for
// the organization's kind and its recorded applicability facts (if_applicable items count only
// when the thing exists; informational never): «Инорм.сайт» of site-monitoring.md. `site.present`
// counts the required items the check found or found with a placeholder («отсутствует»).
// Organizations without such a check are absent from the map.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  campaignOrganizations,
  campaignStages,
  campaigns,
  organizations,
  territories,
} from '../../db/schema/index.ts';
import { CHANNELS, requiredItems, rulesetFor } from '../../domain/site-requirements/index.ts';
import type { RulesetVersion } from '../../domain/site-requirements/index.ts';
import { isPresentStatus } from './monitor.diff.ts';
import { lastOkChecksBefore } from './monitor.repo.ts';
import { applicabilityOf } from './monitor.runner.ts';

export interface SiteFeedEntry {
  site: { present: number; required: number };
  /** Codes of the 1.2 channels the site lists (telephone, email, e_service, faq, …), in order. */
  channelsListed: string[];
  checkId: number;
  checkedAt: Date;
  rulesetVersion: RulesetVersion;
}

/** The UTC offset of `zone` at `at`, in milliseconds (Intl only; no time zone library). */
function zoneOffsetMs(at: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return local - Math.floor(at.getTime() / 1000) * 1000;
}

/** The last millisecond of the calendar day `isoDate` (YYYY-MM-DD) in `zone`. */
export function endOfDayIn(isoDate: string, zone: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const nextMidnightUtc = Date.UTC(y, m - 1, d + 1);
  let offset: number;
  try {
    offset = zoneOffsetMs(new Date(nextMidnightUtc), zone);
  } catch {
    offset = 3 * 3600_000; // an unknown zone name: Moscow, the default of territories
  }
  return new Date(nextMidnightUtc - offset - 1);
}

/** The campaign's cut-off for site checks (see the header); null when there is no campaign. */
export async function campaignCutoff(
  ex: Executor,
  campaignId: number,
  now: Date = new Date(),
): Promise<Date | null> {
  const [row] = await ex
    .select({
      timezone: territories.timezone,
      plannedEnd: campaignStages.plannedEnd,
      completedAt: campaignStages.completedAt,
    })
    .from(campaigns)
    .innerJoin(territories, eq(territories.id, campaigns.territoryId))
    .leftJoin(
      campaignStages,
      and(eq(campaignStages.campaignId, campaigns.id), eq(campaignStages.key, 'data_collection')),
    )
    .where(eq(campaigns.id, campaignId));
  if (!row) return null;
  if (row.completedAt) return row.completedAt;
  if (row.plannedEnd) return endOfDayIn(row.plannedEnd, row.timezone);
  return now;
}

export async function siteFeed(
  executor: Executor,
  campaignId: number,
  cutoff?: Date,
): Promise<Map<number, SiteFeedEntry>> {
  const at = cutoff ?? (await campaignCutoff(executor, campaignId));
  const out = new Map<number, SiteFeedEntry>();
  if (!at) return out;
  const orgs = await executor
    .select({
      id: organizations.id,
      kind: organizations.kind,
      applicability: organizations.applicability,
    })
    .from(campaignOrganizations)
    .innerJoin(organizations, eq(organizations.id, campaignOrganizations.organizationId))
    .where(
      and(
        eq(campaignOrganizations.campaignId, campaignId),
        eq(campaignOrganizations.status, 'included'),
      ),
    );
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const checks = await lastOkChecksBefore(executor, [...byId.keys()], at);
  for (const c of checks) {
    const org = byId.get(c.organizationId)!;
    const checkedAt = new Date(c.checkedAt);
    const ruleset = rulesetFor(checkedAt);
    const statuses = new Map(c.items.map((i) => [i.key, i.status]));
    const required = requiredItems(org.kind, ruleset, applicabilityOf(org.applicability));
    const present = required.filter((i) => isPresentStatus(statuses.get(i.id))).length;
    const listed = new Set(c.channels.filter((ch) => ch.detected).map((ch) => ch.channel));
    out.set(c.organizationId, {
      site: { present, required: required.length },
      channelsListed: CHANNELS.filter((ch) => listed.has(ch)),
      checkId: c.id,
      checkedAt,
      rulesetVersion: ruleset.version,
    });
  }
  return out;
}
