// /registry/export.xlsx?… — the list with the same filters as /registry, as XLSX in the template's
// columns (an export can be edited and imported back).
import type { LoaderFunctionArgs } from 'react-router';
import { requirePermission } from '../../auth.server.ts';
import { queryObject } from '../../components/paging.ts';
import { download, load } from './registry.server.ts';

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'registry.export');
  const filter = queryObject(new URL(request.url).search);
  return download(await load(() => ctx.services.registry.exportOrganizations(ctx.caller, filter)));
}
