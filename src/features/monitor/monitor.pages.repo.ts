// Site monitoring: stored pages (snapshots, once per sha-256) and the pages of each check.
// Drizzle queries only; re-exported by monitor.repo.ts.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  monitorCheckPages,
  monitorSnapshots,
  type MonitorCheckPage,
  type SnapshotEncoding,
} from '../../db/schema/index.ts';

// ---- snapshots ----

/** Stores a compressed page once per sha-256 and returns its id (existing or new). */
export async function storeSnapshot(
  ex: Executor,
  s: { sha256: string; encoding: SnapshotEncoding; size: number; data: Uint8Array },
): Promise<number> {
  const [created] = await ex
    .insert(monitorSnapshots)
    .values(s)
    .onConflictDoNothing({ target: monitorSnapshots.sha256 })
    .returning({ id: monitorSnapshots.id });
  if (created) return created.id;
  const [existing] = await ex
    .select({ id: monitorSnapshots.id })
    .from(monitorSnapshots)
    .where(eq(monitorSnapshots.sha256, s.sha256));
  return existing!.id;
}

/**
 * The pages of one check, in three statements whatever their number: the ids of those already
 * stored, then the new ones inserted in one statement (their bytes sent only then), then any that
 * a concurrent check inserted meanwhile. Returns the snapshot id of each page, in order.
 */
export async function storeCheckSnapshots(
  ex: Executor,
  pages: readonly { sha256: string; encoding: SnapshotEncoding; size: number; data: Uint8Array }[],
): Promise<number[]> {
  if (pages.length === 0) return [];
  const ids = new Map<string, number>();
  const lookup = async (shas: string[]) => {
    const found = await ex
      .select({ id: monitorSnapshots.id, sha256: monitorSnapshots.sha256 })
      .from(monitorSnapshots)
      .where(inArray(monitorSnapshots.sha256, shas));
    for (const f of found) ids.set(f.sha256, f.id);
  };
  await lookup([...new Set(pages.map((p) => p.sha256))]);
  // In sha-256 order: two checks inserting the same new pages wait for each other, never deadlock.
  const fresh = [
    ...new Map(pages.filter((p) => !ids.has(p.sha256)).map((p) => [p.sha256, p])),
  ].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (fresh.length > 0) {
    const created = await ex
      .insert(monitorSnapshots)
      .values(fresh.map(([, p]) => p))
      .onConflictDoNothing({ target: monitorSnapshots.sha256 })
      .returning({ id: monitorSnapshots.id, sha256: monitorSnapshots.sha256 });
    for (const c of created) ids.set(c.sha256, c.id);
    const raced = fresh.map(([sha]) => sha).filter((sha) => !ids.has(sha));
    if (raced.length > 0) await lookup(raced);
  }
  return pages.map((p) => ids.get(p.sha256)!);
}

/** Stores many pages (each once per sha-256); returns sha-256 → snapshot id. */
export async function storeSnapshots(
  ex: Executor,
  rows: readonly { sha256: string; encoding: SnapshotEncoding; size: number; data: Uint8Array }[],
): Promise<Map<string, number>> {
  const unique = [...new Map(rows.map((r) => [r.sha256, r])).values()];
  const out = new Map<string, number>();
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100);
    await ex
      .insert(monitorSnapshots)
      .values(chunk)
      .onConflictDoNothing({ target: monitorSnapshots.sha256 });
    const found = await ex
      .select({ id: monitorSnapshots.id, sha256: monitorSnapshots.sha256 })
      .from(monitorSnapshots)
      .where(
        inArray(
          monitorSnapshots.sha256,
          chunk.map((r) => r.sha256),
        ),
      );
    for (const f of found) out.set(f.sha256, f.id);
  }
  return out;
}

export async function insertCheckPages(
  ex: Executor,
  rows: readonly MonitorCheckPage[],
): Promise<void> {
  if (rows.length > 0) await ex.insert(monitorCheckPages).values([...rows]);
}

export async function pagesOfCheck(
  ex: Executor,
  checkId: number,
): Promise<(MonitorCheckPage & { size: number })[]> {
  return ex
    .select({
      checkId: monitorCheckPages.checkId,
      seq: monitorCheckPages.seq,
      url: monitorCheckPages.url,
      httpStatus: monitorCheckPages.httpStatus,
      contentType: monitorCheckPages.contentType,
      snapshotId: monitorCheckPages.snapshotId,
      size: monitorSnapshots.size,
    })
    .from(monitorCheckPages)
    .innerJoin(monitorSnapshots, eq(monitorSnapshots.id, monitorCheckPages.snapshotId))
    .where(eq(monitorCheckPages.checkId, checkId))
    .orderBy(asc(monitorCheckPages.seq));
}

export async function snapshotOfPage(
  ex: Executor,
  checkId: number,
  seq: number,
): Promise<
  (MonitorCheckPage & { encoding: SnapshotEncoding; data: Uint8Array; sha256: string }) | undefined
> {
  const [row] = await ex
    .select({
      checkId: monitorCheckPages.checkId,
      seq: monitorCheckPages.seq,
      url: monitorCheckPages.url,
      httpStatus: monitorCheckPages.httpStatus,
      contentType: monitorCheckPages.contentType,
      snapshotId: monitorCheckPages.snapshotId,
      encoding: monitorSnapshots.encoding,
      data: monitorSnapshots.data,
      sha256: monitorSnapshots.sha256,
    })
    .from(monitorCheckPages)
    .innerJoin(monitorSnapshots, eq(monitorSnapshots.id, monitorCheckPages.snapshotId))
    .where(and(eq(monitorCheckPages.checkId, checkId), eq(monitorCheckPages.seq, seq)));
  return row;
}

export async function countSnapshots(ex: Executor): Promise<number> {
  const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(monitorSnapshots);
  return Number(row?.n ?? 0);
}
