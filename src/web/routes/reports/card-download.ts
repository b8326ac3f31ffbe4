// /campaigns/:id/reports/card/:orgId[?version=N] — the one-page result card of an organization (PDF).
import type { LoaderFunctionArgs } from 'react-router';
import { downloadHeaders } from '../../../features/reports/file-names.ts';
import { requirePermission } from '../../auth.server.ts';
import { load } from '../../errors.server.ts';

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'results.view');
  const version = new URL(request.url).searchParams.get('version');
  const f = await load(() =>
    ctx.services.reports.buildCard(ctx.caller, {
      campaignId: params.id,
      organizationId: params.orgId,
      ...(version ? { version } : {}),
    }),
  );
  return new Response(new Uint8Array(f.body), { headers: downloadHeaders(f) });
}
