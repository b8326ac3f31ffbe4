// Batched statements of the survey intake (group commit, see batcher.ts): the anti-fraud checks of
// many submissions in one SELECT and their rows in one INSERT. Rows travel as one jsonb parameter
// (jsonb_to_recordset): the same text on PGlite and node-postgres, one parse however many rows.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.ts';
import type { SurveyChannel } from '../../db/schema/index.ts';
import type { SubmitChecks } from './survey.repo.ts';

export interface CheckRow {
  campaignId: number;
  organizationId: number;
  key: string | null;
  clientHash: string | null;
  browserHash: string | null;
}

/**
 * For each row (same order): the id stored earlier with its idempotency key, the responses from its
 * client hash in the last hour and since `burstSince`, and whether its browser hash already
 * answered about the organization. Each subquery uses its own index of survey_responses.
 */
export async function batchSubmitChecks(
  ex: Executor,
  rows: readonly CheckRow[],
  hourSince: Date,
  burstSince: Date,
): Promise<SubmitChecks[]> {
  if (rows.length === 0) return [];
  const input = JSON.stringify(
    rows.map((r, ord) => ({
      ord,
      campaign_id: r.campaignId,
      organization_id: r.organizationId,
      key: r.key,
      client_hash: r.clientHash,
      browser_hash: r.browserHash,
    })),
  );
  const result = await queryRows<{
    ord: number;
    first_id: string | number | null;
    last_hour: number;
    recent: number;
    browser_seen: boolean;
  }>(
    ex,
    sql`select t.ord,
      (select r.id from survey_responses r
        where r.campaign_id = t.campaign_id and r.idempotency_key = t.key) as first_id,
      c.last_hour, c.recent,
      exists (select 1 from survey_responses r
        where r.campaign_id = t.campaign_id and r.organization_id = t.organization_id
          and r.browser_hash = t.browser_hash) as browser_seen
    from jsonb_to_recordset(${input}::jsonb) as t(ord int, campaign_id int, organization_id int,
      key text, client_hash text, browser_hash text)
    cross join lateral (
      select count(*)::int as last_hour,
        count(*) filter (where r.submitted_at >= ${burstSince.toISOString()}::timestamptz)::int
          as recent
      from survey_responses r
      where r.campaign_id = t.campaign_id and r.client_hash = t.client_hash
        and r.submitted_at >= ${hourSince.toISOString()}::timestamptz) c`,
  );
  const out: SubmitChecks[] = rows.map(() => ({
    firstId: null,
    lastHour: 0,
    recent: 0,
    browserSeen: false,
  }));
  for (const r of result) {
    out[Number(r.ord)] = {
      firstId: r.first_id == null ? null : Number(r.first_id),
      lastHour: Number(r.last_hour),
      recent: Number(r.recent),
      browserSeen: r.browser_seen === true,
    };
  }
  return out;
}

export interface ResponseRow {
  campaignId: number;
  organizationId: number;
  channel: SurveyChannel;
  answers: Record<string, boolean | string | number>;
  clientHash: string | null;
  uaHash: string | null;
  browserHash: string | null;
  idempotencyKey: string | null;
  flags: string[];
  flagReasons: Record<string, string>;
}

/**
 * Inserts valid online/API responses in ONE statement (one transaction, one WAL flush); returns
 * each row's id in input order, or null when its idempotency key was already stored (a concurrent
 * repeat won: the caller reads that id). Ids are drawn from the identity sequence first so that
 * every input row can be matched to its stored row. The sequence is named in its migration
 * (drizzle/0002): a constant regclass is resolved once per statement, whereas
 * pg_get_serial_sequence() searched pg_depend for every row (on PGlite ~0.2 ms per row).
 */
export async function insertResponses(
  ex: Executor,
  rows: readonly ResponseRow[],
  submittedAt: Date,
): Promise<(number | null)[]> {
  if (rows.length === 0) return [];
  const input = JSON.stringify(
    rows.map((r, ord) => ({
      ord,
      campaign_id: r.campaignId,
      organization_id: r.organizationId,
      channel: r.channel,
      answers: r.answers,
      client_hash: r.clientHash,
      ua_hash: r.uaHash,
      browser_hash: r.browserHash,
      idempotency_key: r.idempotencyKey,
      flags: r.flags,
      flag_reasons: r.flagReasons,
    })),
  );
  const result = await queryRows<{ ord: number; id: string | number; inserted: boolean }>(
    ex,
    sql`with input as (
      select t.*, nextval('survey_responses_id_seq'::regclass) as new_id
      from jsonb_to_recordset(${input}::jsonb) as t(ord int, campaign_id int,
        organization_id int, channel text, answers jsonb, client_hash text, ua_hash text,
        browser_hash text, idempotency_key text, flags jsonb, flag_reasons jsonb)
    ), ins as (
      insert into survey_responses (id, campaign_id, organization_id, channel, answers, valid,
        submitted_at, client_hash, ua_hash, browser_hash, idempotency_key, flags, flag_reasons)
      overriding system value
      select new_id, campaign_id, organization_id, channel, answers, true,
        ${submittedAt.toISOString()}::timestamptz, client_hash, ua_hash, browser_hash,
        idempotency_key, array(select jsonb_array_elements_text(flags)), flag_reasons
      from input order by ord
      on conflict (campaign_id, idempotency_key) do nothing
      returning id
    )
    select input.ord, input.new_id as id, ins.id is not null as inserted
    from input left join ins on ins.id = input.new_id`,
  );
  const ids: (number | null)[] = rows.map(() => null);
  for (const r of result) if (r.inserted) ids[Number(r.ord)] = Number(r.id);
  return ids;
}

/** Ids stored under (campaign, idempotency key) pairs; the key is `${campaignId}:${key}`. */
export async function responseIdsByKeys(
  ex: Executor,
  pairs: readonly { campaignId: number; key: string }[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (pairs.length === 0) return found;
  const input = JSON.stringify(pairs.map((p) => ({ campaign_id: p.campaignId, key: p.key })));
  const rows = await queryRows<{ campaign_id: number; key: string; id: string | number }>(
    ex,
    sql`select r.campaign_id, r.idempotency_key as key, r.id
    from jsonb_to_recordset(${input}::jsonb) as t(campaign_id int, key text)
    join survey_responses r on r.campaign_id = t.campaign_id and r.idempotency_key = t.key`,
  );
  for (const r of rows) found.set(`${Number(r.campaign_id)}:${r.key}`, Number(r.id));
  return found;
}
