// The organizations of a run within one municipality (a municipal authority's scope of
// `results.view`), read from the municipality stored with each result row at calculation time.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { resultOrganizations } from '../../db/schema/index.ts';

export async function municipalityOrganizationIds(
  ex: Executor,
  runId: number,
  municipalityId: number,
): Promise<number[]> {
  const rows = await ex
    .select({ id: resultOrganizations.organizationId })
    .from(resultOrganizations)
    .where(
      and(
        eq(resultOrganizations.runId, runId),
        eq(resultOrganizations.municipalityId, municipalityId),
      ),
    );
  return rows.map((r) => r.id);
}
