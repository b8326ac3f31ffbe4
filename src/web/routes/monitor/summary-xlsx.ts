// /monitor/summary.xlsx?municipalityId=&kind= — the ranking, municipalities and region as XLSX.
import type { LoaderFunctionArgs } from 'react-router';
import { requirePermission } from '../../auth.server.ts';
import { queryObject } from '../../components/paging.ts';
import { load } from '../../errors.server.ts';
import { download } from '../registry/registry.server.ts';

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'results.view');
  const filter = queryObject(new URL(request.url).search);
  return download(await load(() => ctx.services.monitor.exportSummary(ctx.caller, filter)));
}
