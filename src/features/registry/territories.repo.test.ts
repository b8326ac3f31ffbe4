import { expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { isCheckViolation } from '../../db/errors.ts';
import {
  createTerritory,
  getTerritoryByCode,
  getTerritoryById,
  listTerritories,
  updateTerritory,
} from './territories.repo.ts';

describeBackends('territories.repo', ({ db }) => {
  it('creates a region with municipalities and lists them', async () => {
    const region = await createTerritory(db(), {
      code: 'r66',
      name: 'Свердловская область',
      kind: 'region',
      timezone: 'Asia/Yekaterinburg',
    });
    expect(region).toMatchObject({
      kind: 'region',
      parentId: null,
      timezone: 'Asia/Yekaterinburg',
    });
    const b = await createTerritory(db(), {
      code: 'm2',
      name: 'Берёзовский ГО',
      kind: 'municipality',
      parentId: region.id,
    });
    const a = await createTerritory(db(), {
      code: 'm1',
      name: 'Асбестовский ГО',
      kind: 'municipality',
      parentId: region.id,
      oktmo: '65730000',
    });
    expect(a.timezone).toBe('Europe/Moscow');
    expect((await listTerritories(db(), { parentId: region.id })).map((t) => t.id)).toEqual([
      a.id,
      b.id,
    ]);
    expect((await listTerritories(db(), { kind: 'region' })).map((t) => t.id)).toEqual([region.id]);
    expect(await getTerritoryByCode(db(), 'm1')).toEqual(a);
    expect(
      (await updateTerritory(db(), a.id, { name: 'Асбестовский городской округ' }))?.name,
    ).toBe('Асбестовский городской округ');
    expect(await getTerritoryById(db(), 999_999)).toBeNull();
  });

  it('rejects duplicate codes, orphan municipalities and malformed OKTMO', async () => {
    await expect(
      createTerritory(db(), { code: 'r66', name: 'Дубль', kind: 'region' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const orphan = await createTerritory(db(), {
      code: 'x',
      name: 'Сирота',
      kind: 'municipality',
    }).catch((e: unknown) => e);
    expect(isCheckViolation(orphan, 'territories_parent_check')).toBe(true);
    const oktmo = await createTerritory(db(), {
      code: 'y',
      name: 'Y',
      kind: 'region',
      oktmo: '12ab',
    }).catch((e: unknown) => e);
    expect(isCheckViolation(oktmo, 'territories_oktmo_check')).toBe(true);
  });
});
