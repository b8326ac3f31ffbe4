import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { createOrganizationRow, createRegion, type RegionFixture } from '../../../test/fixtures.ts';
import { isCheckViolation } from '../../db/errors.ts';
import {
  createUser,
  getUserByEmail,
  getUserById,
  listUsers,
  listUsersByRole,
  recordLogin,
} from './users.repo.ts';

describeBackends('users.repo', ({ db }) => {
  let r: RegionFixture;
  beforeAll(async () => {
    r = await createRegion(db());
  });

  it('stores the e-mail lower-case and finds it in any case', async () => {
    const user = await createUser(db(), {
      email: '  Ivanova@Школа.РФ ',
      fullName: 'Иванова А. П.',
      role: 'operator',
    });
    expect(user.email).toBe('ivanova@школа.рф');
    expect((await getUserByEmail(db(), 'IVANOVA@ШКОЛА.РФ'))?.id).toBe(user.id);
    expect(await getUserById(db(), user.id)).toEqual(user);
    expect(await getUserByEmail(db(), 'nobody@example.ru')).toBeNull();
  });

  it('rejects a second account with the same e-mail in another case', async () => {
    await createUser(db(), { email: 'expert@example.ru', fullName: 'Эксперт', role: 'expert' });
    await expect(
      createUser(db(), { email: 'EXPERT@example.ru', fullName: 'Другой', role: 'expert' }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('requires a territory for municipal users and an organization for organization users', async () => {
    const municipal = await createUser(db(), {
      email: 'm@example.ru',
      fullName: 'М',
      role: 'municipal',
    }).catch((e: unknown) => e);
    expect(isCheckViolation(municipal, 'users_municipal_scope_check')).toBe(true);
    const orgUser = await createUser(db(), {
      email: 'o@example.ru',
      fullName: 'О',
      role: 'organization',
    }).catch((e: unknown) => e);
    expect(isCheckViolation(orgUser, 'users_organization_scope_check')).toBe(true);
    const org = await createOrganizationRow(db(), r);
    const ok = await createUser(db(), {
      email: 'o@example.ru',
      fullName: 'О',
      role: 'organization',
      organizationId: org.id,
    });
    expect(ok.organizationId).toBe(org.id);
  });

  it('lists by role and records logins', async () => {
    const a = await createUser(db(), {
      email: 'c1@example.ru',
      fullName: 'Борисов',
      role: 'council',
    });
    const b = await createUser(db(), {
      email: 'c2@example.ru',
      fullName: 'Александрова',
      role: 'council',
      active: false,
    });
    expect((await listUsersByRole(db(), 'council')).map((u) => u.id)).toEqual([b.id, a.id]);
    expect((await listUsers(db(), { role: 'council', active: true })).map((u) => u.id)).toEqual([
      a.id,
    ]);
    const at = new Date('2026-05-01T08:00:00Z');
    await recordLogin(db(), a.id, at);
    expect((await getUserById(db(), a.id))?.lastLoginAt).toEqual(at);
  });
});
