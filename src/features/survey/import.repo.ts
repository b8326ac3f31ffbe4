// Survey import: Drizzle queries only; executor passed in.
import { and, eq, like } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { surveyResponses } from '../../db/schema/index.ts';

/** Idempotency keys of a file's rows already stored in the campaign. */
export async function importedKeys(
  ex: Executor,
  campaignId: number,
  prefix: string,
): Promise<Set<string>> {
  const rows = await ex
    .select({ key: surveyResponses.idempotencyKey })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.campaignId, campaignId),
        like(surveyResponses.idempotencyKey, `${prefix}%`),
      ),
    );
  return new Set(rows.map((r) => r.key!));
}
