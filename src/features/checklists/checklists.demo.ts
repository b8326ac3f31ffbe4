// Demo checklists: for every demo campaign collecting data or being calculated, most included
// organizations get a checklist confirmed by the expert (with the organization's self-report,
// channel tests and a few optimistic declarations the expert corrected), some a self-report
// waiting for the visit, and the rest nothing yet — so the expert has work to try. Organizations
// with an organization account are left untouched: their user starts the self-report from scratch.
// Reproducible (seeded PRNG); a second run adds nothing. Called from the demo seed.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  campaigns,
  checklistChannelTests,
  checklistItems,
  checklists,
  users,
  type NewChecklistItemRow,
} from '../../db/schema/index.ts';
import {
  CHECKLIST_SECTIONS,
  appliesToKind,
  defaultAnswer,
  resolveCatalogues,
  type Answer,
  type ChecklistSection,
} from '../../domain/checklists/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { SYSTEM_CALLER } from '../context.ts';
import { createRng, type Rng } from '../demo/random.ts';
import { includedOrganizations, type CampaignOrganizationRow } from './checklists.repo.ts';

export interface ChecklistSeedOptions {
  now: Date;
  /** Who confirmed (default: the demo expert account expert@demo.noko when it exists). */
  expertUserId?: number | null;
  /** Share of organizations with a confirmed checklist (default 0.7); 0.1 more self-reported. */
  confirmedShare?: number;
  seed?: number;
}

export interface ChecklistSeedSummary {
  campaigns: number;
  confirmed: number;
  selfReported: number;
}

/** How often a condition is found, per list (what operators report in practice, roughly). */
const PRESENT: Record<ChecklistSection, number> = {
  stand: 0.88,
  remoteChannels: 0.9,
  comfort: 0.85,
  premises: 0.45,
  services: 0.4,
};
const LISTED: Record<string, number> = {
  telephone: 0.98,
  email: 0.97,
  e_service: 0.7,
  faq: 0.55,
  quality_opinion: 0.8,
  other: 0.65,
};
const DAY = 86_400_000;
const CHUNK = 1000;

export async function seedChecklists(
  ex: Executor,
  opts: ChecklistSeedOptions,
): Promise<ChecklistSeedSummary> {
  const summary: ChecklistSeedSummary = { campaigns: 0, confirmed: 0, selfReported: 0 };
  const expertId = opts.expertUserId !== undefined ? opts.expertUserId : await demoExpert(ex);
  const active = await ex
    .select()
    .from(campaigns)
    .where(inArray(campaigns.status, ['collecting', 'calculating']));
  const withAccounts = new Set(
    (
      await ex
        .select({ id: users.organizationId })
        .from(users)
        .where(and(eq(users.role, 'organization'), isNotNull(users.organizationId)))
    ).map((r) => r.id),
  );
  for (const campaign of active) {
    const rng = createRng((opts.seed ?? 2026) + campaign.id);
    const catalogues = resolveCatalogues(campaign.methodology.catalogues);
    const orgs = (await includedOrganizations(ex, campaign.id)).filter(
      (o) => !withAccounts.has(o.id),
    );
    const plan = orgs.map((org) => {
      const r = rng.next();
      const share = opts.confirmedShare ?? 0.7;
      return { org, status: r < share ? 'confirmed' : r < share + 0.1 ? 'self_reported' : null };
    });
    let chosen = plan.filter((p) => p.status !== null) as {
      org: CampaignOrganizationRow;
      status: 'confirmed' | 'self_reported';
    }[];
    if (chosen.length === 0) continue;
    const at = (days: number) => new Date(opts.now.getTime() - days * DAY);
    const heads = await ex
      .insert(checklists)
      .values(
        chosen.map((p) => ({
          campaignId: campaign.id,
          organizationId: p.org.id,
          status: p.status,
          selfReportedAt: at(20),
          reviewStartedAt: p.status === 'confirmed' ? at(10) : null,
          confirmedAt: p.status === 'confirmed' ? at(rng.int(1, 9)) : null,
          confirmedById: p.status === 'confirmed' ? expertId : null,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: checklists.id, organizationId: checklists.organizationId });
    const idOf = new Map(heads.map((h) => [h.organizationId, h.id]));
    // Organizations that already had a checklist (a second run) keep theirs untouched.
    chosen = chosen.filter((p) => idOf.has(p.org.id));
    if (chosen.length === 0) continue;
    const items: NewChecklistItemRow[] = [];
    const tests: (typeof checklistChannelTests.$inferInsert)[] = [];
    for (const p of chosen) {
      const checklistId = idOf.get(p.org.id)!;
      const facts = { kind: p.org.kind, facts: p.org.applicability };
      for (const section of CHECKLIST_SECTIONS) {
        for (const def of catalogues[section].items) {
          if (!appliesToKind(def, p.org.kind)) continue;
          const registry = defaultAnswer(def, facts);
          const listed = section === 'remoteChannels' ? rng.chance(LISTED[def.key] ?? 0.5) : null;
          const confirmed: Answer = registry ? 'na' : rng.chance(PRESENT[section]) ? 'yes' : 'no';
          // Self-reports are a little optimistic: some «нет» are declared as «есть».
          const declared: Answer =
            confirmed === 'no' && rng.chance(0.3) ? 'yes' : confirmed === 'na' ? 'na' : confirmed;
          const reason = registry?.reason ?? null;
          items.push({
            checklistId,
            section,
            itemKey: def.key,
            declaredAnswer: section === 'remoteChannels' && declared === 'na' ? 'no' : declared,
            declaredReason: declared === 'na' ? reason : null,
            declaredAt: at(20),
            ...(p.status === 'confirmed'
              ? {
                  confirmedAnswer: confirmed,
                  confirmedReason: confirmed === 'na' ? reason : null,
                  confirmedById: expertId,
                  confirmedAt: at(10),
                  listed,
                  listedMonitor: null,
                }
              : {}),
          });
          if (p.status === 'confirmed' && def.test)
            tests.push(
              testEntry(
                rng,
                checklistId,
                def.key,
                def.test,
                confirmed === 'yes',
                opts.now,
                expertId,
              ),
            );
        }
      }
    }
    for (let i = 0; i < items.length; i += CHUNK)
      await ex.insert(checklistItems).values(items.slice(i, i + CHUNK));
    if (tests.length > 0) await ex.insert(checklistChannelTests).values(tests);
    const confirmed = chosen.filter((p) => p.status === 'confirmed').length;
    summary.campaigns++;
    summary.confirmed += confirmed;
    summary.selfReported += chosen.length - confirmed;
    await recordAudit(ex, SYSTEM_CALLER, {
      action: 'checklist.demo_seed',
      entityType: 'campaign',
      entityId: campaign.id,
      after: { confirmed, selfReported: chosen.length - confirmed, items: items.length },
    });
  }
  return summary;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A test call or letter consistent with the answer (a letter answered within 5 working days). */
function testEntry(
  rng: Rng,
  checklistId: number,
  channel: string,
  kind: 'call' | 'letter',
  works: boolean,
  now: Date,
  expertId: number | null,
): typeof checklistChannelTests.$inferInsert {
  const base = {
    checklistId,
    channel,
    recordedById: expertId,
    recordedAt: new Date(now.getTime() - 10 * DAY),
  };
  if (kind === 'call')
    return {
      ...base,
      callDate: isoDay(new Date(now.getTime() - rng.int(10, 20) * DAY)),
      callTime: `${String(rng.int(9, 16)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`,
      callAnswered: works,
    };
  // Sent 28 days ago; a reply after 1–3 days is in time, none at all is not.
  const sent = new Date(now.getTime() - 28 * DAY);
  return {
    ...base,
    letterSentOn: isoDay(sent),
    letterAnsweredOn: works ? isoDay(new Date(sent.getTime() + rng.int(1, 3) * DAY)) : null,
  };
}

async function demoExpert(ex: Executor): Promise<number | null> {
  const [row] = await ex
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'expert@demo.noko'));
  return row?.id ?? null;
}
