// readAll: independent reads concurrently on the pool, one after another inside a transaction.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeBackends } from '../../test/db.ts';
import { queryRows, readAll, type Executor } from './client.ts';

/** A read that logs its start and end and takes a few milliseconds of database time. */
function recorded(ex: Executor, log: string[], name: string) {
  return async () => {
    log.push(`${name}:start`);
    const [row] = await queryRows<{ v: string }>(
      ex,
      sql`select ${name}::text as v, pg_sleep(0.02)`,
    );
    log.push(`${name}:end`);
    return row!.v;
  };
}

describeBackends('readAll', ({ db }) => {
  it('starts every read at once on the database handle and keeps the order of results', async () => {
    const log: string[] = [];
    const out = await readAll(db(), [recorded(db(), log, 'a'), recorded(db(), log, 'b')] as const);
    expect(out).toEqual(['a', 'b']);
    expect(log.slice(0, 2)).toEqual(['a:start', 'b:start']);
  });

  it('runs reads one after another inside a transaction', async () => {
    const log: string[] = [];
    const out = await db().transaction((tx) =>
      readAll(tx, [
        recorded(tx, log, 'a'),
        recorded(tx, log, 'b'),
        recorded(tx, log, 'c'),
      ] as const),
    );
    expect(out).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
  });
});
