import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { createRegion, type RegionFixture } from '../../../test/fixtures.ts';
import {
  createAuthority,
  getAuthorityByCode,
  getAuthorityById,
  listAuthorities,
  updateAuthority,
} from './authorities.repo.ts';

describeBackends('authorities.repo', ({ db }) => {
  let r: RegionFixture;
  beforeAll(async () => {
    r = await createRegion(db());
  });

  it('creates, updates and lists authorities by level, territory and activity', async () => {
    const a = await createAuthority(db(), {
      code: 'uo-b',
      name: 'Управление образования Берёзовского ГО',
      shortName: 'УО Берёзовский',
      level: 'municipal',
      territoryId: r.municipalities[1].id,
      email: 'uo@example.ru',
    });
    expect(a).toMatchObject({ active: true, inn: null });
    expect(await getAuthorityByCode(db(), 'uo-b')).toEqual(a);
    const off = await updateAuthority(db(), a.id, { active: false, phone: '+7 343 000-00-00' });
    expect(off).toMatchObject({ active: false, phone: '+7 343 000-00-00' });
    expect((await listAuthorities(db(), { level: 'regional' })).map((x) => x.id)).toEqual([
      r.ministry.id,
    ]);
    expect(
      (await listAuthorities(db(), { territoryId: r.municipalities[1].id })).map((x) => x.id),
    ).toEqual([a.id]);
    expect((await listAuthorities(db(), { active: true })).map((x) => x.id).sort()).toEqual(
      [r.ministry.id, r.department.id].sort(),
    );
    expect(await getAuthorityById(db(), 999_999)).toBeNull();
  });

  it('rejects a duplicate code', async () => {
    await expect(
      createAuthority(db(), {
        code: r.ministry.code,
        name: 'X',
        shortName: 'X',
        level: 'regional',
        territoryId: r.region.id,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});
