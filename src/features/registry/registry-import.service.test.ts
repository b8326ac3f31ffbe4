import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import {
  createOrganizationRow,
  createRegion,
  uniqueInn,
  type RegionFixture,
} from '../../../test/fixtures.ts';
import { count, eq } from 'drizzle-orm';
import { files, organizations, users } from '../../db/schema/index.ts';
import { countAudit, listAudit } from '../audit/audit.repo.ts';
import { createRegistryService } from './registry.service.ts';
import {
  admin,
  callerOf,
  importCsv,
  importXlsx,
  testDeps,
  type ImportRow,
} from './registry.test-support.ts';

describeBackends('registry import and export', ({ db }) => {
  let r: RegionFixture;
  let svc: ReturnType<typeof createRegistryService>;
  const orgCount = async () => (await db().select({ n: count() }).from(organizations))[0]!.n;

  beforeAll(async () => {
    svc = createRegistryService(testDeps(db()));
    r = await createRegion(db());
  });

  const row = (over: ImportRow = {}): ImportRow => ({
    inn: uniqueInn(),
    kind: 'Общеобразовательная',
    shortName: `МБОУ СОШ № ${Math.floor(Math.random() * 1e6)}`,
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение',
    municipality: r.municipalities[0].code,
    founder: r.department.code,
    contingent: 300,
    ...over,
  });
  const xlsx = async (rows: ImportRow[], name = 'reestr.xlsx') => ({
    name,
    bytes: await importXlsx(rows),
  });

  it('previews a file with errors: a per-row report, nothing stored but the upload', async () => {
    const before = await orgCount();
    const rows = [
      row(),
      row({ inn: '1234567890' }),
      row({ kind: 'Лицей', contingent: 'много' }),
      row({ municipality: 'Нигде' }),
    ];
    const p = await svc.previewImport(admin, await xlsx(rows));
    expect(p).toMatchObject({
      totalRows: 4,
      validCount: 1,
      invalidCount: 3,
      wouldCreate: 1,
      wouldUpdate: 0,
      format: 'xlsx',
    });
    expect(p.issues).toEqual([
      { row: 3, column: 'ИНН', message: 'неверная контрольная цифра ИНН' },
      expect.objectContaining({ row: 4, column: 'Тип организации' }),
      expect.objectContaining({ row: 4, column: 'Контингент обучающихся' }),
      expect.objectContaining({ row: 5, column: 'Муниципальное образование' }),
    ]);
    expect(await orgCount()).toBe(before);
    expect(await countAudit(db(), { action: 'import' })).toBe(0);
  });

  it('commits only the valid rows, one audit entry each; «nothing» stores nothing', async () => {
    const before = await orgCount();
    const good = [row(), row()];
    const p = await svc.previewImport(admin, await xlsx([good[0]!, row({ inn: '' }), good[1]!]));
    const none = await svc.commitImport(admin, { fileId: p.fileId, mode: 'nothing' });
    expect(none).toEqual({ created: 0, updated: 0, skipped: 3 });
    expect(await orgCount()).toBe(before);
    expect((await db().select().from(files).where(eq(files.id, p.fileId))).length).toBe(0);

    const p2 = await svc.previewImport(admin, await xlsx([good[0]!, row({ inn: '' }), good[1]!]));
    const done = await svc.commitImport(admin, { fileId: String(p2.fileId), mode: 'valid' });
    expect(done).toEqual({ created: 2, updated: 0, skipped: 1 });
    expect(await orgCount()).toBe(before + 2);
    const log = await listAudit(db(), { action: 'import' });
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      entityType: 'organization',
      before: null,
      after: expect.objectContaining({ contingent: 300 }),
    });
  });

  it('re-import updates by INN instead of duplicating, keeping fields it does not mention', async () => {
    const existing = await createOrganizationRow(db(), r, { phone: '+7 900 000-00-00' });
    const before = await orgCount();
    const p = await svc.previewImport(
      admin,
      await xlsx([row({ inn: existing.inn, contingent: 999 })]),
    );
    expect(p).toMatchObject({ wouldCreate: 0, wouldUpdate: 1 });
    expect(await svc.commitImport(admin, { fileId: p.fileId, mode: 'valid' })).toEqual({
      created: 0,
      updated: 1,
      skipped: 0,
    });
    expect(await orgCount()).toBe(before);
    const [after] = await db()
      .select()
      .from(organizations)
      .where(eq(organizations.id, existing.id));
    expect(after).toMatchObject({
      contingent: 999,
      phone: '+7 900 000-00-00',
      code: existing.code,
    });
    const [entry] = await listAudit(db(), { action: 'import', entityId: existing.id });
    expect(entry).toMatchObject({
      before: expect.objectContaining({ contingent: 500 }),
      after: expect.objectContaining({ contingent: 999 }),
    });
  });

  it('a municipal user gets errors for rows of another municipality or its organizations', async () => {
    const municipal = callerOf('municipal', { territoryId: r.municipalities[0].id });
    const foreign = await createOrganizationRow(db(), r, {
      municipalityId: r.municipalities[1].id,
    });
    const p = await svc.previewImport(
      municipal,
      await xlsx([
        row(),
        row({ municipality: r.municipalities[1].code }),
        row({ inn: foreign.inn }),
      ]),
    );
    expect(p.validCount).toBe(1);
    expect(p.issues).toEqual([
      {
        row: 3,
        column: 'Муниципальное образование',
        message: 'можно загружать только организации своего муниципального образования',
      },
      {
        row: 4,
        column: 'ИНН',
        message: 'организация с этим ИНН относится к другому муниципальному образованию',
      },
    ]);
    await expect(
      svc.previewImport(callerOf('operator'), await xlsx([row()])),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('reads CSV with «;» and a BOM, and with «,» and quoted fields', async () => {
    const semi = await svc.previewImport(admin, {
      name: 'r.csv',
      bytes: importCsv([row(), row({ address: 'ул. Ленина; д. 1' })]),
    });
    expect(semi).toMatchObject({ format: 'csv', totalRows: 2, validCount: 2, issues: [] });
    const comma = await svc.previewImport(admin, {
      name: 'r.csv',
      bytes: importCsv([row({ fullName: 'Школа «Радуга», "новая"' })], ','),
    });
    expect(comma).toMatchObject({ validCount: 1, issues: [] });
  });

  it('rejects wrong types, oversized and headerless files with Russian messages', async () => {
    const fail = (name: string, bytes: Uint8Array, size?: number) =>
      svc
        .previewImport(admin, { name, bytes, ...(size ? { size } : {}) })
        .catch((e: unknown) => (e as Error).message);
    expect(await fail('a.pdf', new TextEncoder().encode('%PDF-1.4'))).toMatch(/XLSX или CSV/);
    expect(await fail('a.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toMatch(/XLS/);
    expect(await fail('a.csv', new Uint8Array([0xcf, 0xf0, 0xe8]))).toMatch(/UTF-8/);
    expect(await fail('a.xlsx', new Uint8Array(1), 6 * 1024 * 1024)).toMatch(/больше 5 МБ/);
    expect(await fail('a.csv', new Uint8Array())).toMatch(/Выберите файл/);
    const noHeader = await svc.previewImport(admin, {
      name: 'a.csv',
      bytes: new TextEncoder().encode('x;y\n1;2\n'),
    });
    expect(noHeader.issues.map((i) => i.column)).toContain('ИНН');
    expect(noHeader.validCount).toBe(0);
  });

  it("commits only the caller's own upload", async () => {
    const [u] = await db()
      .insert(users)
      .values({
        email: `imp${Date.now()}@example.ru`,
        fullName: 'Импортёр',
        role: 'regional_admin',
      })
      .returning();
    const owner = { ...admin, userId: u!.id };
    const p = await svc.previewImport(owner, await xlsx([row()]));
    await expect(
      svc.commitImport(admin, { fileId: p.fileId, mode: 'valid' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      svc.commitImport(owner, { fileId: p.fileId, mode: 'later' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('round trip: export → import preview finds no errors and would update every row', async () => {
    const file = await svc.exportOrganizations(admin, { status: 'all' });
    expect(file.name).toMatch(/\.xlsx$/);
    const total = await orgCount();
    const p = await svc.previewImport(admin, { name: file.name, bytes: file.bytes });
    expect(p.issues).toEqual([]);
    expect(p).toMatchObject({
      totalRows: total,
      validCount: total,
      wouldUpdate: total,
      wouldCreate: 0,
    });
    // A municipal export holds only its municipality and loads back without errors too.
    const municipal = callerOf('municipal', { territoryId: r.municipalities[0].id });
    const own = await svc.exportOrganizations(municipal);
    const p2 = await svc.previewImport(municipal, { name: 'own.xlsx', bytes: own.bytes });
    expect(p2.issues).toEqual([]);
    expect(p2.validCount).toBe((await svc.listOrganizations(municipal)).total);
  });

  it('the template loads with its example row skipped and lists the allowed values', async () => {
    const t = await svc.importTemplate(admin);
    const p = await svc.previewImport(admin, { name: t.name, bytes: t.bytes });
    expect(p).toMatchObject({ totalRows: 0, validCount: 0, issues: [] });
  });
});
