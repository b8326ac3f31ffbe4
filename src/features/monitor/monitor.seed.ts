// Demo monitoring data without network: two monthly scheduled runs with plausible checks of the
// demo organizations (item statuses drawn per organization from a seeded generator, the second
// month fixing some gaps and breaking a few), a few unreachable sites, and the «Основные сведения»
// page of each check stored as evidence (identical pages are stored once, as in real runs).
import {
  ALIASES,
  CATALOGUE,
  type CatalogueItem,
  listedItems,
  requirementOf,
  rulesetFor,
  type OrgKind,
} from '../../domain/site-requirements/index.ts';
import type { Executor } from '../../db/client.ts';
import {
  monitorRuns,
  type NewMonitorCheck,
  type StoredChannel,
  type StoredItem,
  type StoredSection,
} from '../../db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.ts';
import { SYSTEM_CALLER } from '../context.ts';
import { createRng, type Rng } from '../demo/random.ts';
import { isPresentStatus } from './monitor.diff.ts';
import * as repo from './monitor.repo.ts';
import { applicabilityOf } from './monitor.runner.ts';
import { compressText } from './monitor.snapshots.ts';

export interface MonitorSeedOptions {
  /** The clock: the runs are on the 1st of this month and of the month before. */
  now: Date;
  /** Organizations to check (default: every active one). */
  organizationIds?: readonly number[];
  seed?: number;
}

export interface MonitorSeedSummary {
  runs: number;
  checks: number;
  errors: number;
}

const CHANNEL_ODDS: Array<[string, number]> = [
  ['telephone', 0.97],
  ['email', 0.95],
  ['e_service', 0.6],
  ['faq', 0.4],
  ['quality_opinion', 0.35],
  ['other', 0.55],
];

/** A status for an item: realistic faults only (aliases where spellings vary, nesting for children). */
function drawStatus(rng: Rng, quality: number, item: CatalogueItem): string {
  if (rng.chance(quality)) return 'found';
  const faults = ['missing', 'missing', 'missing', 'hidden'];
  if (item.parent) faults.push('outside_parent');
  if (item.itemprop && ALIASES[item.itemprop]) faults.push('nonstandard');
  return rng.pick(faults);
}

interface Draft {
  items: StoredItem[];
  channels: StoredChannel[];
}

function firstMonth(
  rng: Rng,
  kind: OrgKind,
  flags: ReturnType<typeof applicabilityOf>,
  at: Date,
): Draft {
  const ruleset = rulesetFor(at);
  const quality = 0.55 + rng.next() * 0.45;
  const items = CATALOGUE.sections.flatMap((s) =>
    listedItems(s, kind, ruleset).map((i): StoredItem => {
      const requirement = requirementOf(i, kind, ruleset, flags);
      let status = drawStatus(rng, quality, i);
      if (i.presence === 'if_applicable' && status === 'found' && rng.chance(0.3))
        status = 'placeholder';
      return { key: i.id, section: s.key, itemprop: i.itemprop, status, requirement };
    }),
  );
  const channels = CHANNEL_ODDS.map(([channel, odds]) => {
    const detected = rng.chance(odds * (0.6 + quality * 0.4));
    return { channel, detected, evidence: detected ? `демо: ${channel}` : null };
  });
  return { items, channels };
}

/** A month later: most gaps stay, some are fixed, a few things break. */
function nextMonth(rng: Rng, prev: Draft): Draft {
  return {
    items: prev.items.map((i) => {
      if (!isPresentStatus(i.status) && rng.chance(0.35)) return { ...i, status: 'found' };
      if (i.status === 'found' && rng.chance(0.02)) return { ...i, status: 'missing' };
      return i;
    }),
    channels: prev.channels.map((c) =>
      !c.detected && rng.chance(0.25)
        ? { ...c, detected: true, evidence: `демо: ${c.channel}` }
        : c,
    ),
  };
}

function commonPage(shortName: string, items: readonly StoredItem[]): string {
  const rows = items
    .filter((i) => i.section === 'common' && i.itemprop && isPresentStatus(i.status))
    .map(
      (i) =>
        `<p><span itemprop="${i.itemprop}">${i.status === 'placeholder' ? 'отсутствует' : `${i.itemprop}: ${shortName}`}</span></p>`,
    );
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Основные сведения — ${shortName}</title></head><body><h1>Основные сведения</h1>${rows.join('')}</body></html>`;
}

function sectionsOf(url: string, error: string | null): StoredSection[] {
  return CATALOGUE.sections.map((s) => ({
    key: s.key,
    path: s.path,
    status: error ? 'error' : 'found',
    url: error ? null : new URL(s.path, url).href,
    httpStatus: error ? null : 200,
    ...(error ? { reason: `сайт недоступен: ${error}` } : {}),
  }));
}

/** Stores the demo runs and checks; call inside the demo seed's transaction. */
export async function seedMonitorChecks(
  ex: Executor,
  opts: MonitorSeedOptions,
): Promise<MonitorSeedSummary> {
  const rng = createRng(opts.seed ?? 1493);
  const ids = opts.organizationIds ?? (await repo.scopeOrganizations(ex, {})).map((o) => o.id);
  const infos = await repo.organizationInfo(ex, ids);
  const month = (back: number) =>
    new Date(Date.UTC(opts.now.getUTCFullYear(), opts.now.getUTCMonth() - back, 1, 0, 0));
  const dates = [month(1), month(0)];
  const drafts = new Map<number, Draft>();
  const summary: MonitorSeedSummary = { runs: 0, checks: 0, errors: 0 };
  for (const [n, at] of dates.entries()) {
    const run = await repo.insertRun(ex, {
      scope: 'all',
      trigger: 'schedule',
      // No slot: a real scheduled run on the same day must not be taken for this one.
      scheduleSlot: null,
      status: 'done',
      total: infos.length,
      requestedBy: 'расписание (демо)',
      createdAt: at,
      startedAt: at,
      finishedAt: new Date(at.getTime() + 40 * 60_000),
      notifiedAt: new Date(at.getTime() + 41 * 60_000),
    });
    summary.runs++;
    let errors = 0;
    const checks: NewMonitorCheck[] = [];
    const pages: { organizationId: number; url: string; html: string }[] = [];
    for (const [i, info] of infos.entries()) {
      const o = info.organization;
      const checkedAt = new Date(at.getTime() + i * 5_000);
      const url = o.website ?? `https://org-${o.id}.example/`;
      const flags = applicabilityOf(o.applicability);
      const prev = drafts.get(o.id);
      const draft = prev ? nextMonth(rng, prev) : firstMonth(rng, o.kind, flags, checkedAt);
      drafts.set(o.id, draft);
      const error = rng.chance(0.03) ? 'нет ответа за 30 с' : null;
      const required = draft.items.filter((x) => x.requirement === 'required');
      checks.push({
        runId: run.id,
        organizationId: o.id,
        url,
        kind: o.kind,
        checkedAt,
        rulesetVersion: rulesetFor(checkedAt).version,
        catalogueVersion: CATALOGUE.version,
        status: error ? 'error' : 'ok',
        errorReason: error,
        sectionLink: !error,
        sectionLinkInNav: !error && rng.chance(0.8),
        items: error ? [] : draft.items,
        sections: sectionsOf(url, error),
        channels: error
          ? CHANNEL_ODDS.map(([channel]) => ({ channel, detected: false, evidence: null }))
          : draft.channels,
        present: error ? 0 : required.filter((x) => isPresentStatus(x.status)).length,
        required: required.length,
        durationMs: 4_000 + Math.round(rng.next() * 20_000),
      });
      if (error) errors++;
      else pages.push({ organizationId: o.id, url, html: commonPage(o.shortName, draft.items) });
    }
    // Bulk statements: the demo seed runs at start-up and must stay a few seconds.
    const ids = new Map<number, number>();
    for (let i = 0; i < checks.length; i += 100) {
      for (const row of await repo.insertChecks(ex, checks.slice(i, i + 100))) {
        ids.set(row.organizationId, row.id);
      }
    }
    summary.checks += ids.size;
    const compressed = await Promise.all(pages.map((p) => compressText(p.html)));
    const snapshotIds = await repo.storeSnapshots(
      ex,
      compressed.map((c) => ({ ...c, encoding: 'br' as const })),
    );
    await repo.insertCheckPages(
      ex,
      pages.map((p, i) => ({
        checkId: ids.get(p.organizationId)!,
        seq: 1,
        url: new URL('/sveden/common', p.url).href,
        httpStatus: 200,
        contentType: 'text/html; charset=utf-8',
        snapshotId: snapshotIds.get(compressed[i]!.sha256)!,
      })),
    );
    await ex
      .update(monitorRuns)
      .set({ done: infos.length, errors })
      .where(eq(monitorRuns.id, run.id));
    summary.errors += errors;
    await recordAudit(ex, SYSTEM_CALLER, {
      action: 'monitor_seed',
      entityType: 'monitor_run',
      entityId: run.id,
      after: { month: n, checks: infos.length, errors },
    });
  }
  return summary;
}
