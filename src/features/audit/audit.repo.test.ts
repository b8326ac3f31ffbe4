import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { createUser } from '../accounts/users.repo.ts';
import { pgErrorOf } from '../../db/errors.ts';
import { appendAudit, countAudit, listAudit } from './audit.repo.ts';

describeBackends('audit.repo', ({ db }) => {
  let userId: number;
  beforeAll(async () => {
    userId = (
      await createUser(db(), {
        email: 'Admin@Example.ru',
        fullName: 'Петров П. П.',
        role: 'regional_admin',
      })
    ).id;
  });

  it('appends one entry and reads it back with before/after as JSON', async () => {
    const [id] = await appendAudit(db(), {
      actorUserId: userId,
      actorLabel: 'Петров П. П.',
      action: 'update',
      entityType: 'organization',
      entityId: 42,
      before: { contingent: 500 },
      after: { contingent: 640, note: 'кавычки " и \\ обратная черта' },
      requestId: 'req-1',
    });
    const [entry] = await listAudit(db(), { entityType: 'organization', entityId: '42' });
    expect(entry).toMatchObject({
      id,
      actorUserId: userId,
      action: 'update',
      entityId: '42',
      before: { contingent: 500 },
      after: { contingent: 640, note: 'кавычки " и \\ обратная черта' },
      requestId: 'req-1',
    });
    expect(entry!.at).toBeInstanceOf(Date);
  });

  it('appends many entries in one call and filters them', async () => {
    const ids = await appendAudit(db(), [
      {
        actorLabel: 'cli',
        action: 'import',
        entityType: 'organization',
        entityId: '1',
        after: { inn: '1' },
      },
      { actorLabel: 'cli', action: 'import', entityType: 'organization', entityId: '2' },
      {
        actorLabel: 'system',
        action: 'create',
        entityType: 'campaign',
        entityId: '7',
        before: null,
      },
    ]);
    expect(ids).toHaveLength(3);
    expect(await countAudit(db(), { action: 'import' })).toBe(2);
    expect(await countAudit(db(), { entityType: 'campaign', entityId: 7 })).toBe(1);
    expect(await countAudit(db(), { actorUserId: userId })).toBe(1);
    const [campaignEntry] = await listAudit(db(), { entityType: 'campaign' });
    expect(campaignEntry).toMatchObject({ actorUserId: null, before: null, after: null });
    expect(await appendAudit(db(), [])).toEqual([]);
  });

  it('filters by date range and pages newest first', async () => {
    const total = await countAudit(db());
    const future = new Date(Date.now() + 3_600_000);
    const past = new Date(Date.now() - 3_600_000);
    expect(await countAudit(db(), { from: past, to: future })).toBe(total);
    expect(await countAudit(db(), { from: future })).toBe(0);
    expect(await countAudit(db(), { to: past })).toBe(0);
    const all = await listAudit(db(), {}, { limit: 100 });
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));
    const page2 = await listAudit(db(), {}, { limit: 2, offset: 2 });
    expect(page2.map((e) => e.id)).toEqual(all.slice(2, 4).map((e) => e.id));
  });

  it.each([
    ['UPDATE', sql`update audit_log set action = 'forged'`],
    ['UPDATE of no rows', sql`update audit_log set action = 'forged' where id < 0`],
    ['DELETE', sql`delete from audit_log`],
    ['TRUNCATE', sql`truncate audit_log`],
  ])('refuses %s at the database level', async (_label, statement) => {
    const before = await countAudit(db());
    const error = await db()
      .execute(statement)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(pgErrorOf(error)).toMatchObject({
      code: '42501',
      message: expect.stringContaining('audit_log is append-only'),
    });
    expect(await countAudit(db())).toBe(before);
  });
});
