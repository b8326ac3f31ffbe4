// The survey intake: every online/API submission goes through one group-commit batch (batcher.ts).
// Per batch, whatever its size: one query for the codes' targets and salts, one for the
// anti-fraud checks, one multi-row INSERT (intake.repo.ts). The decisions are those of one-by-one
// processing, in this order per submission: unknown code (404) → closed (410) → repeat of a stored
// Idempotency-Key (the first id) → invalid answers (400) → hourly limit (429) → flags → stored.
// Submissions of the same batch see each other as if they had been processed one after another:
// a repeated key answers the first row's id, and counts per address and browser include the
// earlier ones of the batch.
import { randomBytes } from 'node:crypto';
import { AppError, ERROR_CODES } from '../../domain/errors.ts';
import type { ServiceDeps } from '../context.ts';
import { createBatcher, type Settled } from './batcher.ts';
import {
  batchSubmitChecks,
  insertResponses,
  responseIdsByKeys,
  type ResponseRow,
} from './intake.repo.ts';
import { saltedHash } from './salted-hash.ts';
import { campaignSalt, findCodeTargetsWithSalt, type CodeTarget } from './survey.repo.ts';
import {
  BURST_WINDOW_MS,
  fraudFlags,
  surveyValidationError,
  unknownCode,
  type FeedbackSink,
  type Pending,
  type SubmitResult,
} from './submit-rules.ts';
import { targetState } from './window.ts';

export * from './submit-rules.ts';

// Batches of up to 500 submissions (a jsonb parameter of ~150 KB); a lone submission waits ≤ 1 ms
// for company. Few batches in flight make big batches: at 200 connections, 4 at once on
// PostgreSQL cost ~30 % more CPU per submission than 2 (more, smaller statements), 1 and 2 were
// alike (bench/survey.bench.ts); 2 keeps one slow batch from holding up every submission. PGlite
// runs statements one at a time anyway: one batch at a time.
const batchOptions = (postgres: boolean) => ({
  maxBatch: 500,
  maxInFlight: postgres ? 2 : 1,
  windowMs: 1,
});

interface Work {
  index: number;
  p: Pending;
  target: CodeTarget;
  outside: string | null;
  clientHash: string | null;
  browserHash: string | null;
  uaHash: string | null;
}

const fail = <O>(error: unknown): Settled<O> => ({ ok: false, error });
const done = <O>(value: O): Settled<O> => ({ ok: true, value });

export function createIntake(deps: ServiceDeps, feedback?: FeedbackSink) {
  const { db } = deps;

  /** Salts per campaign of the batch; a campaign's first response creates its salt. */
  async function saltsOf(
    found: Iterable<{ target: CodeTarget; salt: Uint8Array | null; saltExists: boolean }>,
  ): Promise<Map<number, Uint8Array | null>> {
    const salts = new Map<number, Uint8Array | null>();
    for (const f of found) {
      if (salts.has(f.target.campaignId)) continue;
      salts.set(
        f.target.campaignId,
        f.saltExists ? f.salt : await campaignSalt(db, f.target.campaignId, () => randomBytes(32)),
      );
    }
    return salts;
  }

  /** Resolves each submission's code; feedback and closed ones are settled here. */
  async function classify(
    items: readonly Pending[],
    now: Date,
    out: Settled<SubmitResult>[],
    later: Promise<void>[],
  ): Promise<Work[]> {
    const found = await findCodeTargetsWithSalt(db, [...new Set(items.map((p) => p.code))]);
    const open = [...found.values()].filter((f) => f.target.campaignStatus === 'collecting');
    const salts = await saltsOf(open);
    const work: Work[] = [];
    items.forEach((p, index) => {
      const f = found.get(p.code);
      if (!f) return void (out[index] = fail(unknownCode(p.input.code)));
      const state = targetState(f.target, now);
      const mode = p.input.mode ?? 'survey';
      if (state.kind === 'closed' || (state.kind === 'feedback' && mode === 'survey')) {
        return void (out[index] = fail(
          new AppError(ERROR_CODES.GONE, state.reason, { code: p.code }),
        ));
      }
      if (state.kind === 'feedback') {
        if (!feedback) return void (out[index] = fail(new Error('feedback intake missing')));
        later.push(
          feedback(f.target, p, now).then(
            (r) => void (out[index] = done(r)),
            (e: unknown) => void (out[index] = fail(e)),
          ),
        );
        return;
      }
      if (mode === 'feedback') {
        return void (out[index] = fail(
          AppError.conflict(
            `Сейчас идёт сбор ответов независимой оценки об организации «${f.target.organizationName}»: ` +
              'отправьте анкету методом POST /api/v1/public/responses.',
            { code: p.code },
          ),
        ));
      }
      const salt = salts.get(f.target.campaignId) ?? null;
      const h = (kind: string, v: string | null | undefined) =>
        salt && v ? saltedHash(salt, kind, v) : null;
      work.push({
        index,
        p,
        target: f.target,
        outside: state.outside?.reason ?? null,
        clientHash: h('ip', p.input.clientAddress),
        browserHash: h('browser', p.input.browserToken),
        uaHash: h('ua', p.input.userAgent),
      });
    });
    return work;
  }

  async function runBatch(items: readonly Pending[]): Promise<Settled<SubmitResult>[]> {
    const now = deps.now();
    const out: Settled<SubmitResult>[] = new Array<Settled<SubmitResult>>(items.length);
    const later: Promise<void>[] = [];
    const work = await classify(items, now, out, later);
    const checks = await batchSubmitChecks(
      db,
      work.map((w) => ({
        campaignId: w.target.campaignId,
        organizationId: w.target.organizationId,
        key: w.p.input.idempotencyKey ?? null,
        clientHash: w.clientHash,
        browserHash: w.browserHash,
      })),
      new Date(+now - 3.6e6),
      new Date(+now - BURST_WINDOW_MS),
    );
    // Earlier submissions of this batch, as the database will hold them after the insert.
    const keyRow = new Map<string, number>(); // campaign:key → index in rows
    const perClient = new Map<string, number>(); // campaign:clientHash → accepted in batch
    const browsers = new Set<string>(); // campaign:org:browserHash
    const rows: ResponseRow[] = [];
    const rowOf: number[] = []; // rows[i] belongs to items[rowOf[i]]
    const repeats: { index: number; row: number }[] = [];
    work.forEach((w, j) => {
      const c = checks[j]!;
      const { campaignId, organizationId } = w.target;
      const key = w.p.input.idempotencyKey ?? null;
      if (c.firstId !== null) {
        return void (out[w.index] = done({ id: c.firstId, repeated: true, flags: [] }));
      }
      const keyId = key === null ? null : `${campaignId}:${key}`;
      const earlier = keyId === null ? undefined : keyRow.get(keyId);
      if (earlier !== undefined) return void repeats.push({ index: w.index, row: earlier });
      if (!w.p.checked.ok)
        return void (out[w.index] = fail(surveyValidationError(w.p.checked.issues)));
      const clientId = w.clientHash ? `${campaignId}:${w.clientHash}` : null;
      const browserId = w.browserHash ? `${campaignId}:${organizationId}:${w.browserHash}` : null;
      const inBatch = clientId ? (perClient.get(clientId) ?? 0) : 0;
      let flagReasons: Record<string, string>;
      try {
        flagReasons = fraudFlags(
          {
            lastHour: c.lastHour + inBatch,
            recent: c.recent + inBatch,
            browserSeen: c.browserSeen || (browserId !== null && browsers.has(browserId)),
          },
          w.clientHash,
          w.browserHash,
        );
      } catch (e) {
        return void (out[w.index] = fail(e));
      }
      if (w.outside) flagReasons.outside_window = w.outside;
      if (keyId !== null) keyRow.set(keyId, rows.length);
      if (clientId) perClient.set(clientId, inBatch + 1);
      if (browserId) browsers.add(browserId);
      rowOf.push(w.index);
      rows.push({
        campaignId,
        organizationId,
        channel: w.p.input.channel,
        answers: w.p.checked.answers as Record<string, boolean | string | number>,
        clientHash: w.clientHash,
        uaHash: w.uaHash,
        browserHash: w.browserHash,
        idempotencyKey: key,
        flags: Object.keys(flagReasons),
        flagReasons,
      });
    });
    const ids = await insertAll(rows, now);
    // A concurrent batch stored the same key first: answer its id.
    const lost = rows.filter((r, i) => ids[i] === null && r.idempotencyKey !== null);
    const firstIds = await responseIdsByKeys(
      db,
      lost.map((r) => ({ campaignId: r.campaignId, key: r.idempotencyKey! })),
    );
    rows.forEach((r, i) => {
      const id = ids[i];
      const index = rowOf[i]!;
      if (id instanceof Error) out[index] = fail(id);
      else if (id !== null && id !== undefined)
        out[index] = done({ id, repeated: false, flags: r.flags });
      else {
        const first = firstIds.get(`${r.campaignId}:${r.idempotencyKey}`);
        out[index] =
          first === undefined
            ? fail(new Error('survey response insert returned no row'))
            : done({ id: first, repeated: true, flags: [] });
      }
    });
    for (const { index, row } of repeats) {
      const first = out[rowOf[row]!]!;
      out[index] = first.ok ? done({ id: first.value.id, repeated: true, flags: [] }) : first;
    }
    await Promise.all(later);
    return out;
  }

  /**
   * One INSERT for the batch; if it fails (it should not: rows are validated), each row is tried
   * alone so that one bad row cannot cost the others their answers.
   */
  async function insertAll(
    rows: readonly ResponseRow[],
    now: Date,
  ): Promise<(number | null | Error)[]> {
    try {
      return await insertResponses(db, rows, now);
    } catch (e) {
      if (rows.length === 1) return [e instanceof Error ? e : new Error(String(e))];
      deps.logger.warn({ err: e, rows: rows.length }, 'survey batch insert failed: row by row');
      return Promise.all(
        rows.map(async (r) => {
          try {
            return (await insertResponses(db, [r], now))[0] ?? null;
          } catch (err) {
            return err instanceof Error ? err : new Error(String(err));
          }
        }),
      );
    }
  }

  const batcher = createBatcher(runBatch, batchOptions(Boolean(deps.config.DATABASE_URL)));
  return {
    submit: (p: Pending): Promise<SubmitResult> => batcher.submit(p),
    get pending() {
      return batcher.pending;
    },
  };
}
