import { beforeAll, expect, it } from 'vitest';
import {
  createTestApp,
  jsonRequest,
  loginAs,
  type TestApp,
  type TestSession,
} from '../../../test/app.ts';
import { describeBackends } from '../../../test/db.ts';
import {
  createOrganizationRow,
  createRegion,
  uniqueInn,
  type RegionFixture,
} from '../../../test/fixtures.ts';
import { importXlsx } from './registry.test-support.ts';

describeBackends('registry API', ({ db }) => {
  let app: TestApp;
  let r: RegionFixture;
  let admin: TestSession;
  let municipal: TestSession;

  beforeAll(async () => {
    app = createTestApp(db(), { now: new Date('2026-03-01T09:00:00Z') });
    r = await createRegion(db());
    admin = await loginAs(app, db(), 'regional_admin');
    municipal = await loginAs(app, db(), 'municipal', { territoryId: r.municipalities[0].id });
  });

  const call = (who: TestSession | null, method: string, path: string, body?: unknown) =>
    app.request(`/api/v1${path}`, jsonRequest(who, method, body));

  it('creates, reads, edits, lists and closes an organization', async () => {
    const inn = uniqueInn();
    const res = await call(admin, 'POST', '/organizations', {
      inn,
      kind: 'preschool',
      shortName: 'МБДОУ «Ромашка»',
      fullName: 'Муниципальное бюджетное дошкольное образовательное учреждение «Ромашка»',
      municipalityId: r.municipalities[0].id,
      founderId: r.department.id,
      contingent: 120,
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };

    const card = (await (await call(municipal, 'GET', `/organizations/${id}`)).json()) as {
      organization: { inn: string };
      frequency: { status: string };
    };
    expect(card.organization.inn).toBe(inn);
    expect(card.frequency.status).toBe('must');

    expect(
      (await call(municipal, 'PATCH', `/organizations/${id}`, { contingent: 130 })).status,
    ).toBe(200);
    const list = (await (await call(municipal, 'GET', `/organizations?q=${inn}`)).json()) as {
      total: number;
      rows: { contingent: number }[];
    };
    expect(list).toMatchObject({ total: 1, rows: [{ contingent: 130 }] });

    const closed = await call(admin, 'POST', `/organizations/${id}/deactivate`, {
      reason: 'ликвидирована',
    });
    expect(await closed.json()).toMatchObject({
      active: false,
      deactivationReason: 'ликвидирована',
    });
    expect((await call(admin, 'POST', `/organizations/${id}/reactivate`)).status).toBe(200);
  });

  it('answers validation, scope and sign-in errors as {error:{code,message}}', async () => {
    const bad = await call(admin, 'POST', '/organizations', { inn: '1' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'validation_failed' } });
    const other = await createOrganizationRow(db(), r, { municipalityId: r.municipalities[1].id });
    expect((await call(municipal, 'GET', `/organizations/${other.id}`)).status).toBe(403);
    expect((await call(null, 'GET', '/organizations')).status).toBe(403);
  });

  it('lists territories and authorities', async () => {
    const t = (await (await call(municipal, 'GET', '/territories')).json()) as {
      territories: { id: number }[];
    };
    expect(t.territories.map((x) => x.id)).toContain(r.region.id);
    const a = (await (await call(municipal, 'GET', '/authorities')).json()) as {
      authorities: { code: string }[];
    };
    expect(a.authorities.map((x) => x.code)).toContain(r.department.code);
  });

  it('imports in two steps and serves the template and the export as XLSX', async () => {
    const bytes = await importXlsx([
      {
        inn: uniqueInn(),
        kind: 'Общеобразовательная',
        shortName: 'МБОУ СОШ № 5',
        fullName: 'Средняя школа № 5',
        municipality: r.municipalities[0].code,
        founder: r.department.code,
        contingent: 400,
      },
      { inn: '1', kind: 'школа' },
    ]);
    const form = new FormData();
    form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], 'reestr.xlsx'));
    const preview = await app.request('/api/v1/organizations/import', {
      method: 'POST',
      headers: municipal.headers,
      body: form,
    });
    expect(preview.status).toBe(200);
    const p = (await preview.json()) as {
      fileId: number;
      validCount: number;
      invalidCount: number;
    };
    expect(p).toMatchObject({ validCount: 1, invalidCount: 1 });
    const commit = await call(municipal, 'POST', `/organizations/import/${p.fileId}/commit`, {
      mode: 'valid',
    });
    expect(await commit.json()).toEqual({ created: 1, updated: 0, skipped: 1 });

    for (const path of ['/organizations/template.xlsx', '/organizations/export.xlsx?kind=school']) {
      const res = await call(municipal, 'GET', path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename\*=UTF-8''/);
      expect(new Uint8Array(await res.arrayBuffer()).slice(0, 2)).toEqual(
        new Uint8Array([0x50, 0x4b]),
      );
    }
  });
});
