import { beforeAll, describe, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import {
  createOrganizationRow,
  createRegion,
  uniqueInn,
  type RegionFixture,
} from '../../../test/fixtures.ts';
import { campaignOrganizations, campaigns, type Organization } from '../../db/schema/index.ts';
import { listAudit } from '../audit/audit.repo.ts';
import { PUBLIC_CALLER } from '../context.ts';
import { createRegistryService } from './registry.service.ts';
import { admin, callerOf, testDeps } from './registry.test-support.ts';

describeBackends('registry service', ({ db }) => {
  let r: RegionFixture;
  let svc: ReturnType<typeof createRegistryService>;
  let orgs: Record<string, Organization>;
  let municipal: ReturnType<typeof callerOf>;

  beforeAll(async () => {
    svc = createRegistryService(testDeps(db()));
    r = await createRegion(db());
    const [m1, m2] = r.municipalities;
    municipal = callerOf('municipal', { territoryId: m1.id });
    orgs = {
      school: await createOrganizationRow(db(), r, {
        shortName: 'Ёлочка школа',
        lastAssessedYear: 2023,
      }),
      kinder: await createOrganizationRow(db(), r, { kind: 'preschool', lastAssessedYear: 2025 }),
      never: await createOrganizationRow(db(), r, {
        municipalityId: m2.id,
        founderId: r.ministry.id,
      }),
      campaigned: await createOrganizationRow(db(), r, {
        municipalityId: m2.id,
        lastAssessedYear: 2019,
      }),
    };
    // An approved 2025 campaign included `campaigned`: it is not due although imported 2019.
    const [c] = await db()
      .insert(campaigns)
      .values({
        title: 'НОК 2025',
        year: 2025,
        territoryId: r.region.id,
        status: 'published',
        methodology: {} as never,
      })
      .returning();
    await db()
      .insert(campaignOrganizations)
      .values({ campaignId: c!.id, organizationId: orgs.campaigned!.id, status: 'included' });
  });

  const ids = (list: { rows: { id: number }[] }) =>
    list.rows.map((o) => o.id).sort((a, b) => a - b);
  const idsOf = (...keys: string[]) => keys.map((k) => orgs[k]!.id).sort((a, b) => a - b);

  describe('list', () => {
    it.each([
      ['kind', { kind: 'preschool' }, ['kinder']],
      ['municipality', () => ({ municipalityId: r.municipalities[1].id }), ['never', 'campaigned']],
      ['founder', () => ({ founderId: r.ministry.id }), ['never']],
      ['search by name, ё = е', { q: 'елочка' }, ['school']],
      ['assessment due (never, or 2023 and earlier in 2026)', { due: '1' }, ['school', 'never']],
    ] as const)('filters by %s', async (_name, filter, expected) => {
      const f = typeof filter === 'function' ? filter() : filter;
      expect(ids(await svc.listOrganizations(admin, f))).toEqual(idsOf(...expected));
    });

    it('searches by the beginning of the INN and paginates', async () => {
      const list = await svc.listOrganizations(admin, { q: orgs.kinder!.inn.slice(0, 10) });
      expect(ids(list)).toEqual(idsOf('kinder'));
      const page = await svc.listOrganizations(admin, { pageSize: 3, page: 2 });
      expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(page.rows).toHaveLength(1);
      expect(page.rows[0]?.municipalityName).toMatch(/^(Город|Район)/);
    });

    it('forces the scope: a municipal user sees their municipality, an organization only itself', async () => {
      const own = await svc.listOrganizations(municipal, {
        municipalityId: r.municipalities[1].id,
      });
      expect(ids(own)).toEqual(idsOf('school', 'kinder'));
      const org = callerOf('organization', { organizationId: orgs.never!.id });
      expect(ids(await svc.listOrganizations(org))).toEqual(idsOf('never'));
      await expect(svc.listOrganizations(PUBLIC_CALLER)).rejects.toMatchObject({
        code: 'forbidden',
      });
    });
  });

  it('shows a card with campaign history and the frequency decision, within scope', async () => {
    const card = await svc.getOrganization(admin, orgs.campaigned!.id);
    expect(card.campaigns).toEqual([expect.objectContaining({ year: 2025, status: 'included' })]);
    expect(card.frequency).toMatchObject({ status: 'allowed', lastAssessedYear: 2025 });
    expect(card.canEdit).toBe(true);
    await expect(svc.getOrganization(municipal, orgs.never!.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(svc.getOrganization(admin, 999_999)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('creates, edits, closes and reopens with audit entries before/after', async () => {
    const inn = uniqueInn();
    const created = await svc.createOrganization(municipal, {
      inn,
      kind: 'school',
      shortName: 'МБОУ СОШ № 77',
      fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 77»',
      municipalityId: String(r.municipalities[0].id),
      founderId: String(r.department.id),
      contingent: '350',
      website: 'school77.ru',
    });
    expect(created).toMatchObject({
      code: `inn-${inn}`,
      website: 'https://school77.ru/',
      contingent: 350,
    });
    const edited = await svc.updateOrganization(municipal, created.id, {
      contingent: '400',
      website: '',
    });
    expect(edited).toMatchObject({ contingent: 400, website: null, shortName: 'МБОУ СОШ № 77' });
    const closed = await svc.deactivateOrganization(municipal, created.id, {
      reason: 'реорганизована',
    });
    expect(closed).toMatchObject({ active: false, deactivationReason: 'реорганизована' });
    await expect(
      svc.deactivateOrganization(admin, created.id, { reason: 'ещё раз' }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
    expect((await svc.reactivateOrganization(admin, created.id)).active).toBe(true);

    const log = await listAudit(db(), { entityType: 'organization', entityId: created.id });
    expect(log.map((e) => e.action).reverse()).toEqual([
      'create',
      'update',
      'deactivate',
      'reactivate',
    ]);
    const update = log.find((e) => e.action === 'update')!;
    expect(update.before).toMatchObject({ contingent: 350, website: 'https://school77.ru/' });
    expect(update.after).toMatchObject({ contingent: 400, website: null });
    expect(update.actorLabel).toBe('Тест (municipal)');
  });

  it('refuses invalid input and writes outside the scope, changing nothing', async () => {
    const bad = await svc
      .createOrganization(admin, { inn: '123', kind: 'school' })
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'validation_failed' });
    const paths = (bad as { details: { issues: { path: string }[] } }).details.issues.map(
      (i) => i.path,
    );
    expect(paths).toEqual(
      expect.arrayContaining(['inn', 'shortName', 'fullName', 'municipalityId', 'contingent']),
    );
    await expect(
      svc.updateOrganization(municipal, orgs.never!.id, { contingent: 1 }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      svc.updateOrganization(municipal, orgs.school!.id, {
        municipalityId: r.municipalities[1].id,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      svc.updateOrganization(admin, orgs.school!.id, { municipalityId: r.region.id }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      svc.deactivateOrganization(admin, orgs.school!.id, { reason: ' ' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const org = callerOf('organization', { organizationId: orgs.school!.id });
    await expect(
      svc.updateOrganization(org, orgs.school!.id, { contingent: 1 }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await svc.getOrganization(admin, orgs.school!.id)).organization.contingent).toBe(500);
  });

  it('lists territories and authorities; only the regional admin edits authorities (audited)', async () => {
    expect((await svc.listTerritories(municipal)).map((t) => t.id)).toContain(r.region.id);
    expect(
      (await svc.listAuthorities(municipal)).find((a) => a.id === r.department.id)?.territoryName,
    ).toBe(r.municipalities[0].name);
    const input = {
      code: `UO-X-${Date.now()}`,
      name: 'Управление образования X',
      shortName: 'УО X',
      level: 'municipal',
      territoryId: r.municipalities[1].id,
    };
    await expect(svc.createAuthority(municipal, input)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const a = await svc.createAuthority(admin, input);
    const b = await svc.updateAuthority(admin, a.id, { shortName: 'УО Икс' });
    expect(b.shortName).toBe('УО Икс');
    const log = await listAudit(db(), { entityType: 'authority', entityId: a.id });
    expect(log.map((e) => e.action).sort()).toEqual(['create', 'update']);
    await expect(svc.createAuthority(admin, input)).rejects.toMatchObject({ code: 'conflict' });
  });
});
