// /campaigns/:id/reports/:format[?version=N] — a campaign document or export as a file download
// (the analytical report, the workbook, open data, the bus.gov.ru table).
import { data, type LoaderFunctionArgs } from 'react-router';
import { downloadHeaders } from '../../../features/reports/file-names.ts';
import { REPORT_FORMATS, type ReportFormat } from '../../../features/reports/reports.schema.ts';
import { requirePermission } from '../../auth.server.ts';
import { load } from '../../errors.server.ts';

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'results.view');
  const format = params.format as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) {
    throw data({ message: `Нет такого формата: ${params.format}` }, { status: 404 });
  }
  const version = new URL(request.url).searchParams.get('version');
  const f = await load(() =>
    ctx.services.reports.buildReport(ctx.caller, {
      campaignId: params.id,
      format,
      ...(version ? { version } : {}),
    }),
  );
  return new Response(new Uint8Array(f.body), { headers: downloadHeaders(f) });
}
