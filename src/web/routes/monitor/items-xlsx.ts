// /monitor/items.xlsx?municipalityId=&kind= — every listed item of each organization's latest check
// and the 1.2 channels, as XLSX.
import type { LoaderFunctionArgs } from 'react-router';
import { requirePermission } from '../../auth.server.ts';
import { queryObject } from '../../components/paging.ts';
import { load } from '../../errors.server.ts';
import { download } from '../registry/registry.server.ts';

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'results.view');
  const filter = queryObject(new URL(request.url).search);
  return download(await load(() => ctx.services.monitor.exportItems(ctx.caller, filter)));
}
