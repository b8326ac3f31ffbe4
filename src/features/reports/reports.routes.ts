// Downloads of campaign documents and exports (/api/v1/campaigns/{id}/reports/…): thin handlers
// over the reports service answering the file with Content-Disposition (RFC 6266, UTF-8 name).
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../../server/types.ts';
import { downloadHeaders } from './file-names.ts';
import { FORMAT_INFO, REPORT_FORMATS, type ReportFile } from './reports.schema.ts';

const TAG = 'Отчёты';
const positive = z.coerce.number().int().positive();
const Version = z.object({
  version: positive.optional().openapi({
    description: 'Версия результатов (по умолчанию: утверждённая, для оператора — текущая)',
  }),
});
const file = (description: string) => ({
  200: {
    description,
    content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
  },
});

const routes = {
  report: createRoute({
    method: 'get',
    path: '/campaigns/{id}/reports/{format}',
    tags: [TAG],
    summary: 'Документ или выгрузка результатов кампании',
    description: REPORT_FORMATS.map((f) => `\`${f}\` — ${FORMAT_INFO[f].title}`).join('; '),
    request: {
      params: z.object({ id: positive.openapi({ example: 1 }), format: z.enum(REPORT_FORMATS) }),
      query: Version,
    },
    responses: file('Файл (Content-Disposition: attachment)'),
  }),
  card: createRoute({
    method: 'get',
    path: '/campaigns/{id}/reports/cards/{orgId}',
    tags: [TAG],
    summary: 'Карточка результатов организации (PDF, одна страница)',
    request: { params: z.object({ id: positive, orgId: positive }), query: Version },
    responses: file('PDF'),
  }),
};

const bytes = (f: ReportFile) => new Uint8Array(f.body);

export function registerReportRoutes(api: Api): void {
  api.openapi(routes.report, async (c) => {
    const { id, format } = c.req.valid('param');
    const { version } = c.req.valid('query');
    const f = await c.get('services').reports.buildReport(c.get('caller'), {
      campaignId: id,
      format,
      ...(version !== undefined ? { version } : {}),
    });
    return c.body(bytes(f), 200, downloadHeaders(f));
  });
  api.openapi(routes.card, async (c) => {
    const { id, orgId } = c.req.valid('param');
    const { version } = c.req.valid('query');
    const f = await c.get('services').reports.buildCard(c.get('caller'), {
      campaignId: id,
      organizationId: orgId,
      ...(version !== undefined ? { version } : {}),
    });
    return c.body(bytes(f), 200, downloadHeaders(f));
  });
}
