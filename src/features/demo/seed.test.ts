// The demo region on a fresh database (both backends): what a first-time visitor gets, and that a
// database with data is never touched.
import { count, eq, isNull } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { createRegion } from '../../../test/fixtures.ts';
import {
  auditLog,
  authorities,
  campaignOrganizations,
  campaigns,
  campaignStages,
  organizations,
  territories,
  users,
} from '../../db/schema/index.ts';
import { ROLES } from '../../domain/permissions/index.ts';
import { hashPassword } from '../accounts/password.ts';
import { SURVEY_CODE_PATTERN } from '../campaigns/survey-code.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, findDemoLogins } from './logins.ts';
import { hasApplicationData, seedDemoIfEmpty, type SeedSummary } from './seed.ts';

const NOW = new Date('2026-05-12T09:00:00Z');
let hash: string;

beforeAll(async () => {
  hash = await hashPassword(DEMO_PASSWORD);
});

describeBackends('demo seed on an empty database', ({ db }) => {
  let summary: SeedSummary | null;

  beforeAll(async () => {
    summary = await seedDemoIfEmpty(db(), { now: NOW, passwordHash: hash });
  });

  it('creates the region, 8 municipalities, 9 authorities and 300 organizations of 4 kinds', async () => {
    expect(summary).toMatchObject({
      territories: 9,
      authorities: 9,
      organizations: 300,
      year: 2026,
    });
    const kinds = await db()
      .select({ kind: territories.kind, n: count() })
      .from(territories)
      .groupBy(territories.kind);
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k.n]))).toEqual({
      region: 1,
      municipality: 8,
    });
    const [auth] = await db().select({ n: count() }).from(authorities);
    expect(auth?.n).toBe(9);
    const orgKinds = await db()
      .select({ kind: organizations.kind, n: count() })
      .from(organizations)
      .groupBy(organizations.kind);
    expect(orgKinds.map((k) => k.kind).sort()).toEqual([
      'additional',
      'preschool',
      'school',
      'vocational',
    ]);
    expect(orgKinds.reduce((s, k) => s + k.n, 0)).toBe(300);
    const orphans = await db()
      .select({ n: count() })
      .from(organizations)
      .where(isNull(organizations.founderId));
    expect(orphans[0]?.n).toBe(0);
  });

  it('creates one account per role, all logging in with the one demo password', async () => {
    const rows = await db().select().from(users);
    expect(rows.map((u) => u.role).sort()).toEqual([...ROLES].sort());
    expect(rows.find((u) => u.role === 'municipal')?.territoryId).not.toBeNull();
    expect(rows.find((u) => u.role === 'organization')?.organizationId).not.toBeNull();
    const logins = await findDemoLogins(db());
    expect(logins.map((l) => l.email)).toEqual(DEMO_ACCOUNTS.map((a) => a.email));
  });

  it('opens this year’s campaign collecting data, with a list, codes, stages and a frozen methodology', async () => {
    const list = await db().select().from(campaigns);
    const current = list.find((c) => c.year === 2026)!;
    const previous = list.find((c) => c.year === 2025)!;
    expect(current).toMatchObject({ status: 'collecting', councilDecisionDate: '2026-02-28' });
    expect(current.councilDecisionNumber).toBeTruthy();
    expect(current.methodologyFrozenAt).not.toBeNull();
    expect(current.methodology.sample.share).toBe('0.40');
    expect(previous.status).toBe('closed');

    const included = await db()
      .select()
      .from(campaignOrganizations)
      .where(eq(campaignOrganizations.campaignId, current.id));
    expect(included.length).toBeGreaterThanOrEqual(100);
    expect(included.length).toBeLessThanOrEqual(160);
    expect(included.every((r) => r.status === 'included')).toBe(true);
    expect(included.some((r) => r.mandatory)).toBe(true);
    const codes = included.map((r) => r.surveyCode ?? '');
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(SURVEY_CODE_PATTERN);

    const stages = await db()
      .select()
      .from(campaignStages)
      .where(eq(campaignStages.campaignId, current.id));
    expect(stages).toHaveLength(8);
    const done = stages.filter((s) => s.completedAt !== null).map((s) => s.key);
    expect(done.sort()).toEqual(['list_approval', 'terms_of_reference']);
  });

  it('does not list an organization assessed last year as mandatory this year', async () => {
    const rows = await db()
      .select({
        campaignId: campaignOrganizations.campaignId,
        organizationId: campaignOrganizations.organizationId,
        mandatory: campaignOrganizations.mandatory,
      })
      .from(campaignOrganizations);
    const [prev, cur] = [...new Set(rows.map((r) => r.campaignId))].sort((a, b) => a - b);
    const lastYear = new Set(
      rows.filter((r) => r.campaignId === prev).map((r) => r.organizationId),
    );
    const mandatoryNow = rows.filter((r) => r.campaignId === cur && r.mandatory);
    expect(mandatoryNow.some((r) => lastYear.has(r.organizationId))).toBe(false);
  });

  it('records the seed in the audit log as the system', async () => {
    const entries = await db()
      .select({ type: auditLog.entityType, label: auditLog.actorLabel, n: count() })
      .from(auditLog)
      .groupBy(auditLog.entityType, auditLog.actorLabel);
    const byType = Object.fromEntries(entries.map((e) => [e.type, e.n]));
    expect(byType).toMatchObject({ territory: 9, authority: 9, organization: 300, user: 6 });
    expect(new Set(entries.map((e) => e.label))).toEqual(new Set(['система']));
  });

  it('does nothing the second time', async () => {
    expect(await seedDemoIfEmpty(db(), { now: NOW, passwordHash: hash })).toBeNull();
    const [row] = await db().select({ n: count() }).from(organizations);
    expect(row?.n).toBe(300);
  });
});

describeBackends('demo seed on a database with data', ({ db }) => {
  it('leaves a real installation alone and prints no logins for it', async () => {
    await createRegion(db());
    expect(await hasApplicationData(db())).toBe(true);
    expect(await seedDemoIfEmpty(db(), { now: NOW, passwordHash: hash })).toBeNull();
    const [row] = await db().select({ n: count() }).from(users);
    expect(row?.n).toBe(0);
    expect(await findDemoLogins(db())).toEqual([]);
  });
});
