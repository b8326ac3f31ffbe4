import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import {
  createRegion,
  organizationInput,
  uniqueInn,
  type RegionFixture,
} from '../../../test/fixtures.ts';
import { isAppError } from '../../domain/errors.ts';
import { isCheckViolation } from '../../db/errors.ts';
import {
  countOrganizations,
  createOrganization,
  deactivateOrganization,
  getOrganizationById,
  getOrganizationByInn,
  listOrganizations,
  reactivateOrganization,
  updateOrganization,
  upsertManyByInn,
  type OrganizationImportRow,
} from './organizations.repo.ts';

describeBackends('organizations.repo', ({ db }) => {
  let r: RegionFixture;
  beforeAll(async () => {
    r = await createRegion(db());
  });

  it('creates and reads an organization by id and by INN', async () => {
    const input = organizationInput(r, { applicability: { hasDormitory: true } });
    const org = await createOrganization(db(), input);
    expect(org).toMatchObject({ inn: input.inn, kind: 'school', active: true, contingent: 500 });
    expect(org.applicability).toEqual({ hasDormitory: true });
    expect(org.createdAt).toBeInstanceOf(Date);
    expect(await getOrganizationById(db(), org.id)).toEqual(org);
    expect(await getOrganizationByInn(db(), input.inn)).toEqual(org);
    expect(await getOrganizationById(db(), 999_999)).toBeNull();
  });

  it('rejects a second organization with the same INN or code (AppError conflict)', async () => {
    const org = await createOrganization(db(), organizationInput(r));
    const sameInn = createOrganization(db(), organizationInput(r, { inn: org.inn }));
    await expect(sameInn).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('ИНН'),
    });
    const sameCode = await createOrganization(db(), organizationInput(r, { code: org.code })).catch(
      (e: unknown) => e,
    );
    expect(isAppError(sameCode) && sameCode.code).toBe('conflict');
  });

  it('enforces INN format and non-negative contingent in the database', async () => {
    const badInn = await createOrganization(db(), organizationInput(r, { inn: '12345' })).catch(
      (e: unknown) => e,
    );
    expect(isCheckViolation(badInn, 'organizations_inn_check')).toBe(true);
    const badContingent = await createOrganization(
      db(),
      organizationInput(r, { contingent: -1 }),
    ).catch((e: unknown) => e);
    expect(isCheckViolation(badContingent, 'organizations_contingent_check')).toBe(true);
  });

  it('updates given fields and refreshes updatedAt', async () => {
    const org = await createOrganization(db(), organizationInput(r));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const updated = await updateOrganization(db(), org.id, {
      contingent: 640,
      website: 'https://school.example.ru',
    });
    expect(updated).toMatchObject({
      contingent: 640,
      website: 'https://school.example.ru',
      shortName: org.shortName,
    });
    expect(updated!.updatedAt.getTime()).toBeGreaterThan(org.updatedAt.getTime());
    expect(await updateOrganization(db(), 999_999, { contingent: 1 })).toBeNull();
  });

  it('deactivates and reactivates without deleting', async () => {
    const org = await createOrganization(db(), organizationInput(r));
    const at = new Date('2026-03-01T10:00:00Z');
    const closed = await deactivateOrganization(db(), org.id, 'Реорганизация', at);
    expect(closed).toMatchObject({
      active: false,
      deactivationReason: 'Реорганизация',
      deactivatedAt: at,
    });
    expect(await countOrganizations(db(), { search: org.inn, active: false })).toBe(1);
    expect(await countOrganizations(db(), { search: org.inn, active: true })).toBe(0);
    const reopened = await reactivateOrganization(db(), org.id);
    expect(reopened).toMatchObject({ active: true, deactivatedAt: null, deactivationReason: null });
  });
});

describeBackends('organizations.repo search and filters', ({ db }) => {
  let r: RegionFixture;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    r = await createRegion(db());
    const [m1, m2] = r.municipalities;
    const rows = [
      {
        key: 'school',
        shortName: 'МБОУ «Средняя ШКОЛА № 7»',
        kind: 'school',
        municipalityId: m1.id,
        founderId: r.department.id,
      },
      {
        key: 'yolochka',
        shortName: 'МБДОУ детский сад «Ёлочка»',
        kind: 'preschool',
        municipalityId: m1.id,
        founderId: r.department.id,
      },
      {
        key: 'college',
        shortName: 'ГБПОУ Технический колледж',
        kind: 'vocational',
        municipalityId: m2.id,
        founderId: r.ministry.id,
      },
      {
        key: 'art',
        shortName: 'МБУ ДО Школа искусств',
        kind: 'additional',
        municipalityId: m2.id,
        founderId: r.department.id,
      },
      {
        key: 'percent',
        shortName: 'Школа 100% успеха',
        kind: 'school',
        municipalityId: m2.id,
        founderId: r.department.id,
      },
    ] as const;
    for (const { key, ...fields } of rows) {
      ids[key] = (
        await createOrganization(
          db(),
          organizationInput(r, { ...fields, fullName: fields.shortName }),
        )
      ).id;
    }
  });

  const names = async (
    filter: Parameters<typeof listOrganizations>[1],
    page?: Parameters<typeof listOrganizations>[2],
  ) => (await listOrganizations(db(), filter, page)).map((o) => o.id);

  it('finds Cyrillic names regardless of case', async () => {
    expect(await names({ search: 'школа' })).toEqual(
      [ids.art, ids.school, ids.percent].sort(byName(await all())),
    );
    expect(await names({ search: 'ТЕХНИЧЕСКИЙ' })).toEqual([ids.college]);
    expect(await names({ search: '  колледж ' })).toEqual([ids.college]);
  });

  it('treats ё and е alike', async () => {
    expect(await names({ search: 'елочка' })).toEqual([ids.yolochka]);
    expect(await names({ search: 'ЁЛОЧКА' })).toEqual([ids.yolochka]);
  });

  it('escapes LIKE wildcards in the search text', async () => {
    expect(await names({ search: '100%' })).toEqual([ids.percent]);
    expect(await names({ search: '%' })).toEqual([ids.percent]);
    expect(await names({ search: '_' })).toEqual([]);
  });

  it('finds by the beginning of the INN', async () => {
    const org = (await getOrganizationById(db(), ids.college!))!;
    expect(await names({ search: org.inn.slice(0, 10) })).toEqual([ids.college]);
  });

  it('filters by kind, municipality, founder and activity', async () => {
    const [m1, m2] = r.municipalities;
    expect(await names({ kind: 'preschool' })).toEqual([ids.yolochka]);
    expect((await names({ municipalityId: m1.id })).sort()).toEqual(
      [ids.school, ids.yolochka].sort(),
    );
    expect(await names({ founderId: r.ministry.id })).toEqual([ids.college]);
    expect(await names({ municipalityId: m2.id, kind: 'school', search: 'школа' })).toEqual([
      ids.percent,
    ]);
    expect(await countOrganizations(db(), { active: true })).toBe(5);
    expect(await countOrganizations(db(), { search: 'школа', municipalityId: m2.id })).toBe(2);
  });

  it('pages in name order', async () => {
    const everything = await names({});
    expect(everything).toHaveLength(5);
    expect(await names({}, { limit: 2 })).toEqual(everything.slice(0, 2));
    expect(await names({}, { limit: 2, offset: 2 })).toEqual(everything.slice(2, 4));
    expect(await names({}, { limit: 2, offset: 4 })).toEqual(everything.slice(4));
  });

  async function all() {
    return listOrganizations(db(), {}, { limit: 100 });
  }
  function byName(orgs: Awaited<ReturnType<typeof all>>) {
    const order = new Map(orgs.map((o, i) => [o.id, i]));
    return (a: number | undefined, b: number | undefined) => order.get(a!)! - order.get(b!)!;
  }
});

describeBackends('organizations.repo upsertManyByInn', ({ db }) => {
  let r: RegionFixture;
  beforeAll(async () => {
    r = await createRegion(db());
  });

  const row = (inn: string, over: Partial<OrganizationImportRow> = {}): OrganizationImportRow => ({
    inn,
    kind: 'school',
    shortName: `Школа ${inn}`,
    fullName: `Общеобразовательная школа ${inn}`,
    municipalityId: r.municipalities[0].id,
    founderId: r.department.id,
    contingent: 300,
    ...over,
  });

  it('inserts new rows, then updates them by INN without duplicates', async () => {
    const inns = [uniqueInn(), uniqueInn(), uniqueInn()] as const;
    const first = await upsertManyByInn(db(), [
      row(inns[0], { code: 'imp-a', website: 'https://a.example.ru', lastAssessedYear: 2023 }),
      row(inns[1]),
      row(inns[2], { headName: 'Иванова Анна Петровна' }),
    ]);
    expect(first.map((x) => x.inserted)).toEqual([true, true, true]);
    expect(first.map((x) => x.inn)).toEqual([...inns]);

    const fourth = uniqueInn();
    const second = await upsertManyByInn(db(), [
      row(inns[0], {
        shortName: 'Школа № 1 (новое имя)',
        contingent: 320,
        code: 'ignored-on-update',
      }),
      row(fourth, { kind: 'preschool' }),
      row(inns[2], { municipalityId: r.municipalities[1].id }),
    ]);
    expect(second.map((x) => [x.inn, x.inserted])).toEqual([
      [inns[0], false],
      [fourth, true],
      [inns[2], false],
    ]);
    expect(second[0]!.id).toBe(first[0]!.id);
    expect(second[2]!.id).toBe(first[2]!.id);

    expect(await countOrganizations(db(), {})).toBe(4);
    const a = (await getOrganizationByInn(db(), inns[0]))!;
    // Required fields follow the import; optional ones it does not mention are kept; code is stable.
    expect(a).toMatchObject({ shortName: 'Школа № 1 (новое имя)', contingent: 320, code: 'imp-a' });
    expect(a).toMatchObject({ website: 'https://a.example.ru', lastAssessedYear: 2023 });
    expect((await getOrganizationByInn(db(), inns[1]))!.code).toBe(`inn-${inns[1]}`);
    const c = (await getOrganizationByInn(db(), inns[2]))!;
    expect(c).toMatchObject({
      municipalityId: r.municipalities[1].id,
      headName: 'Иванова Анна Петровна',
    });
  });

  it('rejects duplicate INNs in one batch and does nothing for an empty one', async () => {
    const inn = uniqueInn();
    await expect(upsertManyByInn(db(), [row(inn), row(inn)])).rejects.toMatchObject({
      code: 'validation_failed',
    });
    expect(await getOrganizationByInn(db(), inn)).toBeNull();
    expect(await upsertManyByInn(db(), [])).toEqual([]);
  });

  it('is all-or-nothing: one invalid row rolls back the statement', async () => {
    const good = uniqueInn();
    const err = await upsertManyByInn(db(), [
      row(good),
      row(uniqueInn(), { contingent: -5 }),
    ]).catch((e: unknown) => e);
    expect(isCheckViolation(err, 'organizations_contingent_check')).toBe(true);
    expect(await getOrganizationByInn(db(), good)).toBeNull();
  });

  it('imports a thousand rows in one statement', async () => {
    const rows = Array.from({ length: 1000 }, () => row(uniqueInn()));
    const started = performance.now();
    const result = await upsertManyByInn(db(), rows);
    const ms = performance.now() - started;
    expect(result.filter((x) => x.inserted)).toHaveLength(1000);
    expect(ms).toBeLessThan(5000);
  });
});
