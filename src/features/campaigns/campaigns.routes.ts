// The campaigns JSON API (/api/v1/campaigns…): thin handlers over the campaigns service. Bodies
// are validated by the service's contracts (campaigns.schema.ts), so the API and the pages give
// the same Russian messages.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../../server/types.ts';
import { PROTOCOL_MAX_BYTES, type ProtocolFile } from './campaigns.schema.ts';

const TAG = 'Кампании';
const Id = z.object({ id: z.coerce.number().int().positive().openapi({ example: 1 }) });
const OrgId = Id.extend({ orgId: z.coerce.number().int().positive() });
const Json = z.record(z.string(), z.unknown());
const jsonBody = (description: string) => ({
  required: true,
  description,
  content: { 'application/json': { schema: Json } },
});
const ok = (description: string) => ({
  200: { description, content: { 'application/json': { schema: Json } } },
});
const ListFilter = z.object({
  municipalityId: z.string().optional(),
  kind: z.enum(['preschool', 'school', 'vocational', 'additional']).optional(),
  status: z.enum(['proposed', 'included', 'excluded']).optional(),
});
const ApproveForm = z.object({
  decisionNumber: z.string().openapi({ example: '3' }),
  decisionDate: z.string().openapi({ example: '2026-02-20' }),
  protocol: z
    .any()
    .openapi({ type: 'string', format: 'binary', description: 'PDF, JPEG, PNG или DOCX до 10 МБ' }),
});

const routes = {
  list: createRoute({
    method: 'get',
    path: '/campaigns',
    tags: [TAG],
    summary: 'Кампании с числом организаций',
    responses: ok('Кампании, новые сначала'),
  }),
  create: createRoute({
    method: 'post',
    path: '/campaigns',
    tags: [TAG],
    summary: 'Создать кампанию (черновик с планом этапов по умолчанию)',
    request: {
      body: jsonBody(
        'title, year, territoryId?, denominators?, zeroDenominator?, sampleShare?, sampleCap?',
      ),
    },
    responses: {
      201: { description: 'Созданная кампания', content: { 'application/json': { schema: Json } } },
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/campaigns/{id}',
    tags: [TAG],
    summary: 'Кампания: статус, методика, этапы с состояниями, счётчики',
    request: { params: Id },
    responses: ok('Кампания'),
  }),
  update: createRoute({
    method: 'patch',
    path: '/campaigns/{id}',
    tags: [TAG],
    summary: 'Изменить название, год (в черновике) или методику (до начала сбора)',
    request: {
      params: Id,
      body: jsonBody('title?, year?, denominators?, zeroDenominator?, sampleShare?, sampleCap?'),
    },
    responses: ok('Кампания'),
  }),
  organizations: createRoute({
    method: 'get',
    path: '/campaigns/{id}/organizations',
    tags: [TAG],
    summary: 'Перечень организаций кампании',
    request: { params: Id, query: ListFilter },
    responses: ok('Строки перечня в порядке приоритета'),
  }),
  propose: createRoute({
    method: 'post',
    path: '/campaigns/{id}/propose',
    tags: [TAG],
    summary: 'Сформировать предложение перечня по правилу периодичности',
    request: { params: Id },
    responses: ok('Сколько предложено'),
  }),
  add: createRoute({
    method: 'post',
    path: '/campaigns/{id}/organizations',
    tags: [TAG],
    summary: 'Добавить организацию (по id, ИНН или коду)',
    request: { params: Id, body: jsonBody('organizationId? | query (ИНН или код), comment?') },
    responses: {
      201: { description: 'Строка перечня', content: { 'application/json': { schema: Json } } },
    },
  }),
  exclude: createRoute({
    method: 'post',
    path: '/campaigns/{id}/organizations/{orgId}/exclude',
    tags: [TAG],
    summary: 'Исключить организацию (обязательную — только с причиной)',
    request: { params: OrgId, body: { ...jsonBody('reason?'), required: false } },
    responses: ok('Строка перечня'),
  }),
  approve: createRoute({
    method: 'post',
    path: '/campaigns/{id}/approve',
    tags: [TAG],
    summary: 'Утвердить перечень решением общественного совета (с протоколом)',
    request: {
      params: Id,
      body: { required: true, content: { 'multipart/form-data': { schema: ApproveForm } } },
    },
    responses: ok('Кампания в статусе «Перечень утверждён»'),
  }),
  status: createRoute({
    method: 'post',
    path: '/campaigns/{id}/status',
    tags: [TAG],
    summary: 'Перевести кампанию в другой статус',
    request: { params: Id, body: jsonBody('to') },
    responses: ok('Кампания'),
  }),
  stages: createRoute({
    method: 'put',
    path: '/campaigns/{id}/stages',
    tags: [TAG],
    summary: 'Плановые даты этапов',
    request: { params: Id, body: jsonBody('stages: [{key, plannedStart, plannedEnd}]') },
    responses: ok('Этапы с состояниями'),
  }),
  stageDone: createRoute({
    method: 'post',
    path: '/campaigns/{id}/stages/done',
    tags: [TAG],
    summary: 'Отметить этап выполненным (done=false — снять отметку)',
    request: { params: Id, body: jsonBody('key, done?') },
    responses: ok('Этапы с состояниями'),
  }),
  protocol: createRoute({
    method: 'get',
    path: '/campaigns/{id}/protocol',
    tags: [TAG],
    summary: 'Файл протокола общественного совета',
    request: { params: Id },
    responses: { 200: { description: 'Файл' } },
  }),
};

/** A File from a multipart body → what the service takes (the size is checked before reading). */
export async function protocolFromUpload(value: unknown): Promise<ProtocolFile | null> {
  if (!(value instanceof File) || value.size === 0) return null;
  // Too big: not read into memory; the service refuses it by the declared size.
  if (value.size > PROTOCOL_MAX_BYTES)
    return { name: value.name, type: value.type, size: value.size, bytes: new Uint8Array() };
  return { name: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
}

const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Record<string, unknown>;

export function registerCampaignRoutes(api: Api): void {
  api.openapi(routes.list, async (c) => {
    const rows = await c.get('services').campaigns.list(c.get('caller'));
    return c.json({ campaigns: rows.map(json) }, 200);
  });
  api.openapi(routes.create, async (c) => {
    const row = await c.get('services').campaigns.create(c.get('caller'), c.req.valid('json'));
    return c.json(json(row), 201);
  });
  api.openapi(routes.get, async (c) => {
    const row = await c.get('services').campaigns.get(c.get('caller'), c.req.valid('param').id);
    return c.json(json(row), 200);
  });
  api.openapi(routes.update, async (c) => {
    const { id } = c.req.valid('param');
    const row = await c.get('services').campaigns.update(c.get('caller'), id, c.req.valid('json'));
    return c.json(json(row), 200);
  });
  api.openapi(routes.organizations, async (c) => {
    const { id } = c.req.valid('param');
    const list = await c
      .get('services')
      .campaigns.listOrganizations(c.get('caller'), id, c.req.valid('query'));
    return c.json(json(list), 200);
  });
  api.openapi(routes.propose, async (c) => {
    const res = await c
      .get('services')
      .campaigns.proposeList(c.get('caller'), c.req.valid('param').id);
    return c.json(res, 200);
  });
  api.openapi(routes.add, async (c) => {
    const { id } = c.req.valid('param');
    const row = await c
      .get('services')
      .campaigns.addOrganization(c.get('caller'), id, c.req.valid('json'));
    return c.json(json(row), 201);
  });
  api.openapi(routes.exclude, async (c) => {
    const { id, orgId } = c.req.valid('param');
    const body: unknown = await c.req.json().catch(() => ({}));
    const row = await c
      .get('services')
      .campaigns.excludeOrganization(c.get('caller'), id, orgId, body);
    return c.json(json(row), 200);
  });
  api.openapi(routes.approve, async (c) => {
    const { id } = c.req.valid('param');
    const form = c.req.valid('form') as Record<string, unknown>;
    const file = await protocolFromUpload(form.protocol);
    const res = await c.get('services').campaigns.approveList(c.get('caller'), id, form, file);
    return c.json(json(res), 200);
  });
  api.openapi(routes.status, async (c) => {
    const { id } = c.req.valid('param');
    const row = await c
      .get('services')
      .campaigns.transition(c.get('caller'), id, c.req.valid('json'));
    return c.json(json(row), 200);
  });
  api.openapi(routes.stages, async (c) => {
    const { id } = c.req.valid('param');
    const stages = await c
      .get('services')
      .campaigns.setStageDates(c.get('caller'), id, c.req.valid('json'));
    return c.json({ stages: stages.map(json) }, 200);
  });
  api.openapi(routes.stageDone, async (c) => {
    const { id } = c.req.valid('param');
    const stages = await c
      .get('services')
      .campaigns.setStageDone(c.get('caller'), id, c.req.valid('json'));
    return c.json({ stages: stages.map(json) }, 200);
  });
  api.openapi(routes.protocol, async (c) => {
    const f = await c
      .get('services')
      .campaigns.protocolFile(c.get('caller'), c.req.valid('param').id);
    return c.body(new Uint8Array(f.bytes), 200, {
      'Content-Type': f.mime,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
      'Cache-Control': 'no-store',
    });
  });
}
