// The demo region (issue 3 item 6): on an empty database `noko serve` fills in a fictional oblast
// with 8 municipalities, their education authorities, 300 organizations, one account per role and
// two campaigns (the current year collecting data, the previous year closed), so a first-time
// visitor can try every screen at once. Everything happens in ONE transaction: a failed seed leaves
// the database empty and the next start tries again. Bulk statements keep it to a few seconds.
import { count, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../../db/client.ts';
import { authorities, territories, users } from '../../db/schema/index.ts';
import { hashPassword } from '../accounts/password.ts';
import { recordAudit, type AuditChange } from '../audit/audit.service.ts';
import { SYSTEM_CALLER } from '../context.ts';
import { upsertManyByInn } from '../registry/organizations.repo.ts';
import { buildDemoRegistry, type DemoRegistry } from './factories.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './logins.ts';
import { seedChecklists, type ChecklistSeedSummary } from '../checklists/checklists.demo.ts';
import { seedMonitorChecks } from '../monitor/monitor.seed.ts';
import { seedResults } from '../results/results.seed.ts';
import { seedDemoCampaigns, type SeededOrganization } from './seed-campaigns.ts';

/** The year the factories' "last assessed" years were written for; the seed shifts them. */
const FACTORY_YEAR = 2026;
// Any constant: serialises two instances seeding one empty PostgreSQL database at the same time.
const SEED_LOCK_KEY = 0x6e6f6b64;

export interface SeedOptions {
  /** The clock (services pass theirs): decides the campaign years and stage states. */
  now?: Date;
  /** A ready hash of DEMO_PASSWORD (tests reuse one); hashed once here otherwise. */
  passwordHash?: string;
  /** Number of organizations (default 300). */
  organizations?: number;
}

export interface SeedSummary {
  territories: number;
  authorities: number;
  organizations: number;
  users: number;
  campaigns: number;
  /** Organizations included in the current year's campaign. */
  included: number;
  year: number;
  /** Expert checklists filled for the collecting campaign. */
  checklists: ChecklistSeedSummary;
  ms: number;
}

/** True when the registry has anything in it: then the demo is never seeded. */
export async function hasApplicationData(ex: Executor): Promise<boolean> {
  const [row] = await ex.select({ n: count() }).from(territories);
  return (row?.n ?? 0) > 0;
}

/**
 * Seeds the demo region if the database holds no territories; returns null (and changes nothing)
 * otherwise. Safe to call from several instances at once: the check runs under a lock.
 */
export async function seedDemoIfEmpty(db: Db, opts: SeedOptions = {}): Promise<SeedSummary | null> {
  if (await hasApplicationData(db)) return null;
  const started = performance.now();
  const hash = opts.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if (await hasApplicationData(tx)) return null;
    return seedInto(tx, { ...opts, passwordHash: hash }, started);
  });
}

/** Seeds unconditionally (the caller has checked or wiped the database). */
export async function seedDemo(db: Db, opts: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const hash = opts.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  return db.transaction((tx) => seedInto(tx, { ...opts, passwordHash: hash }, started));
}

async function seedInto(
  tx: Tx,
  opts: SeedOptions & { passwordHash: string },
  started: number,
): Promise<SeedSummary> {
  const now = opts.now ?? new Date();
  const year = now.getUTCFullYear();
  const registry = buildDemoRegistry(opts.organizations ?? 300);
  const audit: AuditChange[] = [];

  const territoryIds = await insertTerritories(tx, registry, audit);
  const authorityIds = await insertAuthorities(tx, registry, territoryIds, audit);
  const orgs = await insertOrganizations(tx, registry, territoryIds, authorityIds, year, audit);
  const userIds = await insertUsers(tx, registry, territoryIds, authorityIds, orgs, opts, audit);
  const adminId = userIds.get('regional_admin') ?? null;
  const regionId = territoryIds.get(registry.region.code)!;
  const campaigns = await seedDemoCampaigns(tx, { now, regionId, adminId, orgs }, audit);
  // Two monthly site checks per organization, so monitoring history and diffs show at once.
  await seedMonitorChecks(tx, { now });
  const checklists = await seedChecklists(tx, { now, expertUserId: userIds.get('expert') ?? null });
  // Last year's results calculated and approved, this year's preliminary ones: ratings,
  // dashboards, year-over-year and the public result pages have data at once.
  await seedResults(tx, { now });

  const summary: SeedSummary = {
    territories: territoryIds.size,
    authorities: authorityIds.size,
    organizations: orgs.length,
    users: userIds.size,
    campaigns: campaigns.campaigns,
    included: campaigns.included,
    year,
    checklists,
    ms: 0,
  };
  audit.push({
    action: 'demo_seed',
    entityType: 'system',
    entityId: 'demo',
    after: { ...summary, checklists: { ...checklists }, ms: undefined },
  });
  await recordAudit(tx, SYSTEM_CALLER, audit);
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

async function insertTerritories(
  tx: Tx,
  reg: DemoRegistry,
  audit: AuditChange[],
): Promise<Map<string, number>> {
  const [region] = await tx
    .insert(territories)
    .values({ code: reg.region.code, name: reg.region.name, kind: 'region' })
    .returning({ id: territories.id, code: territories.code, name: territories.name });
  const municipalities = await tx
    .insert(territories)
    .values(
      reg.municipalities.map((m) => ({
        code: m.code,
        name: m.name,
        kind: 'municipality' as const,
        parentId: region!.id,
        timezone: m.timezone,
      })),
    )
    .returning({ id: territories.id, code: territories.code, name: territories.name });
  const all = [region!, ...municipalities];
  for (const t of all) {
    audit.push({ action: 'create', entityType: 'territory', entityId: t.id, after: t });
  }
  return new Map(all.map((t) => [t.code, t.id]));
}

async function insertAuthorities(
  tx: Tx,
  reg: DemoRegistry,
  territoryIds: Map<string, number>,
  audit: AuditChange[],
): Promise<Map<string, number>> {
  const rows = await tx
    .insert(authorities)
    .values(
      reg.authorities.map((a) => ({
        code: a.code,
        name: a.name,
        shortName: a.shortName,
        level: a.level,
        territoryId: territoryIds.get(a.territoryCode)!,
        inn: a.inn,
        email: a.email,
        phone: a.phone,
      })),
    )
    .returning({ id: authorities.id, code: authorities.code, name: authorities.name });
  for (const a of rows) {
    audit.push({ action: 'create', entityType: 'authority', entityId: a.id, after: a });
  }
  return new Map(rows.map((a) => [a.code, a.id]));
}

async function insertOrganizations(
  tx: Tx,
  reg: DemoRegistry,
  territoryIds: Map<string, number>,
  authorityIds: Map<string, number>,
  year: number,
  audit: AuditChange[],
): Promise<SeededOrganization[]> {
  // The factories' assessment history was written for FACTORY_YEAR; shifting it keeps the
  // three-year rule's picture (who is due, who is overdue) the same whatever the clock says.
  const shift = year - FACTORY_YEAR;
  const rows = reg.organizations.map((o) => ({
    ...o,
    municipalityId: territoryIds.get(o.municipalityCode)!,
    founderId: authorityIds.get(o.founderCode)!,
    lastAssessedYear: o.lastAssessedYear === null ? null : o.lastAssessedYear + shift,
  }));
  const result = await upsertManyByInn(tx, rows);
  const idByInn = new Map(result.map((r) => [r.inn, r.id]));
  const seeded = rows.map((r) => ({
    id: idByInn.get(r.inn)!,
    code: r.code,
    kind: r.kind,
    municipalityCode: r.municipalityCode,
    lastAssessedYear: r.lastAssessedYear,
  }));
  for (const [i, o] of seeded.entries()) {
    const shortName = rows[i]!.shortName;
    audit.push({
      action: 'create',
      entityType: 'organization',
      entityId: o.id,
      after: { code: o.code, inn: rows[i]!.inn, shortName },
    });
  }
  return seeded;
}

async function insertUsers(
  tx: Tx,
  reg: DemoRegistry,
  territoryIds: Map<string, number>,
  authorityIds: Map<string, number>,
  orgs: readonly SeededOrganization[],
  opts: { passwordHash: string },
  audit: AuditChange[],
): Promise<Map<string, number>> {
  // The municipal account works for the regional centre; the organization account for its
  // first school, so both see a well-filled municipality.
  const home = reg.municipalities[0]!.code;
  const school = orgs
    .filter((o) => o.kind === 'school' && o.municipalityCode === home)
    .sort((a, b) => a.code.localeCompare(b.code))[0];
  if (!school) throw new Error('В демонстрационном реестре нет школы для учётной записи');
  const rows = await tx
    .insert(users)
    .values(
      DEMO_ACCOUNTS.map((a) => ({
        email: a.email,
        fullName: a.fullName,
        passwordHash: opts.passwordHash,
        role: a.role,
        territoryId: a.role === 'municipal' ? territoryIds.get(home)! : null,
        authorityId: a.role === 'municipal' ? authorityIds.get(`UO-${home}`)! : null,
        organizationId: a.role === 'organization' ? school.id : null,
      })),
    )
    .returning({ id: users.id, email: users.email, role: users.role });
  for (const u of rows) {
    audit.push({ action: 'create', entityType: 'user', entityId: u.id, after: u });
  }
  return new Map(rows.map((u) => [u.role, u.id]));
}
