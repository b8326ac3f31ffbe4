// A small seeded region for the dashboard and audit tests. Expected numbers (campaign year 2026):
//   active organizations A, B, C (municipality 1) and D (municipality 2); E is closed.
//   A: complete card, last assessed 2022 → must, overdue; proposed in the 2027 draft.
//   B: no website, last assessed 2023, included in the collecting 2026 campaign (survey code).
//   C: contingent 0, never assessed → must; excluded from the 2026 campaign.
//   D: no website, e-mail or head (fixture defaults), assessed 2025 → allowed.
//   Campaign X «НОК 2026» collecting with the default plan, «terms_of_reference» done on time;
//   campaign Z «НОК 2027» draft without stages.
import pino from 'pino';
import { parseConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { defaultStagePlan, STAGE_TITLES } from '../../domain/campaigns/stages.ts';
import type { Role } from '../../domain/permissions/index.ts';
import {
  campaignOrganizations,
  campaigns,
  campaignStages,
  users,
  type StoredMethodology,
} from '../../db/schema/index.ts';
import { createOrganizationRow, createRegion, type RegionFixture } from '../../../test/fixtures.ts';
import type { Caller, ServiceDeps } from '../context.ts';

export function testDeps(db: Db, clock: { now: Date }): ServiceDeps {
  return {
    db,
    config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    logger: pino({ level: 'silent' }),
    now: () => clock.now,
  };
}

export function callerOf(role: Role, extra: Partial<Caller> = {}): Caller {
  return { role, label: `Тест (${role})`, territoryId: null, organizationId: null, ...extra };
}

export const SURVEY_CODE = 'K7M2P9QR';

const full = { website: 'https://a.example/', email: 'a@a.example', headName: 'Иванова И. И.' };

export async function seedDashboard(db: Db) {
  const r: RegionFixture = await createRegion(db);
  const [m1, m2] = r.municipalities;
  const a = await createOrganizationRow(db, r, { ...full, lastAssessedYear: 2022 });
  const b = await createOrganizationRow(db, r, { ...full, website: null, lastAssessedYear: 2023 });
  const c = await createOrganizationRow(db, r, { ...full, contingent: 0 });
  const d = await createOrganizationRow(db, r, { municipalityId: m2.id, lastAssessedYear: 2025 });
  const e = await createOrganizationRow(db, r, {
    municipalityId: m2.id,
    active: false,
    deactivatedAt: new Date('2025-01-01T00:00:00Z'),
  });
  const methodology = {} as StoredMethodology; // not read by the dashboard
  const [x, z] = await db
    .insert(campaigns)
    .values([
      {
        title: 'НОК 2026',
        year: 2026,
        territoryId: r.region.id,
        status: 'collecting',
        methodology,
      },
      { title: 'НОК 2027', year: 2027, territoryId: r.region.id, status: 'draft', methodology },
    ])
    .returning();
  await db.insert(campaignStages).values(
    defaultStagePlan(2026).map((s) => ({
      campaignId: x!.id,
      key: s.key,
      title: STAGE_TITLES[s.key],
      plannedStart: s.plannedStart,
      plannedEnd: s.plannedEnd,
      completedAt: s.key === 'terms_of_reference' ? new Date('2026-03-10T08:00:00Z') : null,
    })),
  );
  await db.insert(campaignOrganizations).values([
    { campaignId: x!.id, organizationId: b.id, status: 'included', surveyCode: SURVEY_CODE },
    { campaignId: x!.id, organizationId: c.id, status: 'excluded', reason: 'Тест' },
    { campaignId: z!.id, organizationId: a.id, status: 'proposed' },
  ]);
  const [admin, clerk] = await db
    .insert(users)
    .values([
      {
        email: `admin-${r.region.id}@t.example`,
        fullName: 'Админ Тестовый',
        role: 'regional_admin',
      },
      {
        email: `clerk-${r.region.id}@t.example`,
        fullName: 'Муниципал Тестовый',
        role: 'municipal',
        territoryId: m2.id,
      },
    ])
    .returning();
  return {
    r,
    m1,
    m2,
    orgs: { a, b, c, d, e },
    x: x!,
    z: z!,
    users: { admin: admin!, clerk: clerk! },
  };
}

export type Seed = Awaited<ReturnType<typeof seedDashboard>>;
