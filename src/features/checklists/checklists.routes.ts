// The checklists JSON API (/api/v1/campaigns/{id}/checklists…, /api/v1/checklist-evidence/{id}):
// thin handlers over the checklists service; bodies are validated by its contracts
// (checklists.schema.ts), so the API and the pages give the same Russian messages.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../../server/types.ts';
import { EVIDENCE_MAX_BYTES, type EvidenceUpload } from './checklists.schema.ts';
import { isChecklistSection } from '../../domain/checklists/index.ts';
import { AppError } from '../../domain/errors.ts';

const TAG = 'Чек-листы экспертов';
const Params = z.object({
  id: z.coerce.number().int().positive().openapi({ example: 1, description: 'Кампания' }),
  orgId: z.coerce.number().int().positive().openapi({ example: 7, description: 'Организация' }),
});
const CampaignParam = Params.pick({ id: true });
const EvidenceParam = z.object({ evidenceId: z.coerce.number().int().positive() });
const Json = z.record(z.string(), z.unknown());
const ok = (description: string) => ({
  200: { description, content: { 'application/json': { schema: Json } } },
});
const jsonBody = (description: string, required = true) => ({
  required,
  description,
  content: { 'application/json': { schema: Json } },
});
const ListQuery = z.object({
  status: z
    .string()
    .optional()
    .openapi({ description: 'not_started, draft, self_reported, in_review, confirmed' }),
  kind: z.string().optional(),
  municipalityId: z.string().optional(),
  q: z.string().optional(),
});
const EvidenceForm = z.object({
  side: z.string().openapi({ example: 'confirmed', description: 'declared | confirmed' }),
  section: z.string().openapi({ example: 'comfort' }),
  key: z.string().openapi({ example: 'drinking_water' }),
  file: z.any().openapi({
    type: 'string',
    format: 'binary',
    description: 'Фото JPEG, PNG, WebP или HEIC либо PDF, до 10 МБ',
  }),
});

const base = '/campaigns/{id}/checklists/{orgId}';
const routes = {
  list: createRoute({
    method: 'get',
    path: '/campaigns/{id}/checklists',
    tags: [TAG],
    summary: 'Чек-листы кампании: статус по каждой организации перечня',
    request: { params: CampaignParam, query: ListQuery },
    responses: ok('Строки по организациям и итоги по статусам'),
  }),
  get: createRoute({
    method: 'get',
    path: base,
    tags: [TAG],
    summary: 'Чек-лист организации (с подстановкой самообследования, реестра и мониторинга сайта)',
    request: { params: Params },
    responses: ok('Чек-лист'),
  }),
  save: createRoute({
    method: 'patch',
    path: base,
    tags: [TAG],
    summary: 'Сохранить ответы (частично, повтор ничего не меняет)',
    request: {
      params: Params,
      body: jsonBody(
        'side (declared | confirmed), items [{section, key, answer?, comment?, reason?}], channels [{key, listed?, listedReason?, test?}], links [{section, key, url}], siteOverride? {present, required, reason} | null',
      ),
    },
    responses: ok('Чек-лист после сохранения'),
  }),
  evidence: createRoute({
    method: 'post',
    path: `${base}/evidence`,
    tags: [TAG],
    summary: 'Приложить фото или документ к пункту',
    request: {
      params: Params,
      body: { required: true, content: { 'multipart/form-data': { schema: EvidenceForm } } },
    },
    responses: {
      201: { description: 'Чек-лист', content: { 'application/json': { schema: Json } } },
    },
  }),
  submit: createRoute({
    method: 'post',
    path: `${base}/submit`,
    tags: [TAG],
    summary: 'Отправить самообследование эксперту (организация)',
    request: { params: Params },
    responses: ok('Чек-лист в статусе self_reported'),
  }),
  complete: createRoute({
    method: 'post',
    path: `${base}/complete`,
    tags: [TAG],
    summary: 'Подтвердить чек-лист (эксперт; все пункты отвечены)',
    request: { params: Params },
    responses: ok('Чек-лист в статусе confirmed'),
  }),
  reopen: createRoute({
    method: 'post',
    path: `${base}/reopen`,
    tags: [TAG],
    summary: 'Открыть подтверждённый чек-лист заново (с причиной)',
    request: { params: Params, body: jsonBody('reason') },
    responses: ok('Чек-лист в статусе in_review'),
  }),
  differences: createRoute({
    method: 'get',
    path: `${base}/differences`,
    tags: [TAG],
    summary: 'Расхождения заявленного организацией и подтверждённого экспертом',
    request: { params: Params },
    responses: ok('Расхождения'),
  }),
  file: createRoute({
    method: 'get',
    path: '/checklist-evidence/{evidenceId}',
    tags: [TAG],
    summary: 'Файл подтверждающего материала',
    request: { params: EvidenceParam },
    responses: { 200: { description: 'Файл' } },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/checklist-evidence/{evidenceId}',
    tags: [TAG],
    summary: 'Удалить подтверждающий материал',
    request: { params: EvidenceParam },
    responses: { 204: { description: 'Удалено' } },
  }),
};

/** A File from a multipart body → what the service takes (oversized ones are not read). */
export async function evidenceFromUpload(
  value: unknown,
  section: string,
  key: string,
): Promise<EvidenceUpload | null> {
  if (!(value instanceof File) || value.size === 0) return null;
  if (!isChecklistSection(section))
    throw AppError.validation('Неизвестный раздел чек-листа', [
      { path: 'section', message: 'Неизвестный раздел чек-листа' },
    ]);
  const head = { section, key, name: value.name, type: value.type, size: value.size };
  if (value.size > EVIDENCE_MAX_BYTES) return { ...head, bytes: new Uint8Array() };
  return { ...head, bytes: new Uint8Array(await value.arrayBuffer()) };
}

const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Record<string, unknown>;

export function registerChecklistRoutes(api: Api): void {
  api.openapi(routes.list, async (c) => {
    const { id } = c.req.valid('param');
    const res = await c.get('services').checklists.list(c.get('caller'), id, c.req.valid('query'));
    return c.json(json(res), 200);
  });
  api.openapi(routes.get, async (c) => {
    const { id, orgId } = c.req.valid('param');
    return c.json(json(await c.get('services').checklists.get(c.get('caller'), id, orgId)), 200);
  });
  api.openapi(routes.save, async (c) => {
    const { id, orgId } = c.req.valid('param');
    const v = await c
      .get('services')
      .checklists.save(c.get('caller'), id, orgId, c.req.valid('json'));
    return c.json(json(v), 200);
  });
  api.openapi(routes.evidence, async (c) => {
    const { id, orgId } = c.req.valid('param');
    const form = c.req.valid('form') as Record<string, unknown>;
    const section = String(form.section ?? '');
    const key = String(form.key ?? '');
    const file = await evidenceFromUpload(form.file, section, key);
    if (!file)
      throw AppError.validation('Приложите файл', [{ path: 'file', message: 'Приложите файл' }]);
    const v = await c
      .get('services')
      .checklists.save(c.get('caller'), id, orgId, { side: form.side }, [file]);
    return c.json(json(v), 201);
  });
  api.openapi(routes.submit, async (c) => {
    const { id, orgId } = c.req.valid('param');
    const v = await c.get('services').checklists.submitSelfReport(c.get('caller'), id, orgId);
    return c.json(json(v), 200);
  });
  api.openapi(routes.complete, async (c) => {
    const { id, orgId } = c.req.valid('param');
    return c.json(
      json(await c.get('services').checklists.complete(c.get('caller'), id, orgId)),
      200,
    );
  });
  api.openapi(routes.reopen, async (c) => {
    const { id, orgId } = c.req.valid('param');
    const v = await c
      .get('services')
      .checklists.reopen(c.get('caller'), id, orgId, c.req.valid('json'));
    return c.json(json(v), 200);
  });
  api.openapi(routes.differences, async (c) => {
    const { id, orgId } = c.req.valid('param');
    const list = await c.get('services').checklists.differences(c.get('caller'), id, orgId);
    return c.json({ differences: list.map(json) }, 200);
  });
  api.openapi(routes.file, async (c) => {
    const f = await c
      .get('services')
      .checklists.evidenceFile(c.get('caller'), c.req.valid('param').evidenceId);
    return c.body(new Uint8Array(f.bytes), 200, {
      'Content-Type': f.mime,
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
  });
  api.openapi(routes.remove, async (c) => {
    await c
      .get('services')
      .checklists.removeEvidence(c.get('caller'), c.req.valid('param').evidenceId);
    return c.body(null, 204);
  });
}
