// Printed invitations API (/api/v1/campaigns/{id}/survey-print/…, permission survey.print): the
// list of what the caller may print, and the files themselves (QR SVG/PNG, poster and paper
// questionnaire PDF, ZIP of a municipality's posters). Thin: the service decides everything.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../../server/types.ts';
import { ORGANIZATION_FILES, type PrintFile } from './print.schema.ts';

const TAG = 'Опрос: приглашения и печать';
const Id = z.object({ id: z.coerce.number().int().positive().openapi({ example: 1 }) });
const Json = z.record(z.string(), z.unknown());
const file = (description: string) => ({ 200: { description } });

const routes = {
  materials: createRoute({
    method: 'get',
    path: '/campaigns/{id}/survey-print',
    tags: [TAG],
    summary: 'Организации с кодами анкет, доступные вызывающему для печати',
    request: { params: Id },
    responses: {
      200: {
        description: 'Кампания, организации, муниципалитеты',
        content: { 'application/json': { schema: Json } },
      },
    },
  }),
  organizationFile: createRoute({
    method: 'get',
    path: '/campaigns/{id}/survey-print/organizations/{orgId}/{file}',
    tags: [TAG],
    summary: 'QR-код ссылки на анкету (SVG, PNG), плакат A4 или бумажная анкета (PDF)',
    request: {
      params: Id.extend({
        orgId: z.coerce.number().int().positive(),
        file: z.enum(ORGANIZATION_FILES).openapi({ example: 'poster.pdf' }),
      }),
    },
    responses: file('Файл'),
  }),
  municipalityZip: createRoute({
    method: 'get',
    path: '/campaigns/{id}/survey-print/municipalities/{municipalityId}/posters.zip',
    tags: [TAG],
    summary: 'ZIP с плакатами всех организаций муниципалитета',
    request: { params: Id.extend({ municipalityId: z.coerce.number().int().positive() }) },
    responses: file('ZIP (имена файлов в UTF-8)'),
  }),
};

/** The file as an attachment (RFC 6266 UTF-8 name). */
export function fileHeaders(f: PrintFile): Record<string, string> {
  return {
    'Content-Type': f.mime,
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
    'Cache-Control': 'no-store',
  };
}

export function registerSurveyPrintRoutes(api: Api): void {
  api.openapi(routes.materials, async (c) => {
    const res = await c
      .get('services')
      .surveyPrint.materials(c.get('caller'), c.req.valid('param').id);
    return c.json(JSON.parse(JSON.stringify(res)) as Record<string, unknown>, 200);
  });
  api.openapi(routes.organizationFile, async (c) => {
    const { id, orgId, file: name } = c.req.valid('param');
    const f = await c
      .get('services')
      .surveyPrint.organizationFile(c.get('caller'), id, orgId, name);
    return c.body(new Uint8Array(f.bytes), 200, fileHeaders(f));
  });
  api.openapi(routes.municipalityZip, async (c) => {
    const { id, municipalityId } = c.req.valid('param');
    const f = await c.get('services').surveyPrint.postersZip(c.get('caller'), id, municipalityId);
    return c.body(new Uint8Array(f.bytes), 200, fileHeaders(f));
  });
}
