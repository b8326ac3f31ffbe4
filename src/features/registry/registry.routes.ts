// The registry JSON API (/api/v1/organizations…, /territories, /authorities): thin handlers over
// the registry service. Bodies are validated by the service's contracts (registry.schema.ts), so
// the API and the pages give the same Russian messages.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Api, AppEnv } from '../../server/types.ts';
import { IMPORT_MAX_BYTES, ORG_KINDS, type UploadedFile } from './registry.schema.ts';
import type { DownloadFile } from './registry-import.service.ts';

const TAG = 'Реестр';
const Id = z.object({ id: z.coerce.number().int().positive().openapi({ example: 1 }) });
const Json = z.record(z.string(), z.unknown());
const jsonBody = (description: string) => ({
  required: true,
  description,
  content: { 'application/json': { schema: Json } },
});
const ok = (description: string) => ({
  200: { description, content: { 'application/json': { schema: Json } } },
});
const created = (description: string) => ({
  201: { description, content: { 'application/json': { schema: Json } } },
});
const Filter = z.object({
  q: z.string().optional().openapi({ description: 'Часть наименования или начало ИНН' }),
  kind: z.enum(ORG_KINDS).optional(),
  municipalityId: z.string().optional(),
  founderId: z.string().optional(),
  status: z.enum(['active', 'closed', 'all']).optional(),
  due: z.string().optional().openapi({ description: '1 — только подлежащие оценке в этом году' }),
  page: z.string().optional(),
  pageSize: z.string().optional(),
});
const ORG_FIELDS =
  'inn, kind, shortName, fullName, municipalityId, founderId?, contingent, code?, ogrn?, kpp?, address?, website?, email?, phone?, headName?, headPosition?, lastAssessedYear?';
const xlsx = { 200: { description: 'Файл XLSX' } };

const routes = {
  list: createRoute({
    method: 'get',
    path: '/organizations',
    tags: [TAG],
    summary: 'Организации: поиск, отбор, страницы (в пределах прав)',
    request: { query: Filter },
    responses: ok('rows, total, page, pageSize'),
  }),
  export: createRoute({
    method: 'get',
    path: '/organizations/export.xlsx',
    tags: [TAG],
    summary: 'Выгрузка отобранных организаций в XLSX (столбцы шаблона импорта)',
    request: { query: Filter },
    responses: xlsx,
  }),
  template: createRoute({
    method: 'get',
    path: '/organizations/template.xlsx',
    tags: [TAG],
    summary: 'Шаблон импорта XLSX с допустимыми значениями',
    responses: xlsx,
  }),
  preview: createRoute({
    method: 'post',
    path: '/organizations/import',
    tags: [TAG],
    summary: 'Шаг 1 импорта: проверить файл XLSX или CSV и получить отчёт по строкам',
    request: {
      body: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: z.object({
              file: z
                .any()
                .openapi({ type: 'string', format: 'binary', description: 'XLSX или CSV до 5 МБ' }),
            }),
          },
        },
      },
    },
    responses: ok('fileId, totalRows, validCount, invalidCount, wouldCreate, wouldUpdate, issues'),
  }),
  commit: createRoute({
    method: 'post',
    path: '/organizations/import/{id}/commit',
    tags: [TAG],
    summary: 'Шаг 2 импорта: загрузить корректные строки (mode=valid) или ничего (mode=nothing)',
    request: { params: Id, body: jsonBody('mode: valid | nothing') },
    responses: ok('created, updated, skipped'),
  }),
  get: createRoute({
    method: 'get',
    path: '/organizations/{id}',
    tags: [TAG],
    summary: 'Карточка организации с историей кампаний',
    request: { params: Id },
    responses: ok('organization, municipality, founder, campaigns, frequency'),
  }),
  create: createRoute({
    method: 'post',
    path: '/organizations',
    tags: [TAG],
    summary: 'Добавить организацию',
    request: { body: jsonBody(ORG_FIELDS) },
    responses: created('Организация'),
  }),
  update: createRoute({
    method: 'patch',
    path: '/organizations/{id}',
    tags: [TAG],
    summary: 'Изменить организацию (пустая строка или null очищает необязательное поле)',
    request: { params: Id, body: jsonBody(ORG_FIELDS) },
    responses: ok('Организация'),
  }),
  deactivate: createRoute({
    method: 'post',
    path: '/organizations/{id}/deactivate',
    tags: [TAG],
    summary: 'Закрыть организацию с указанием причины (не удаляется)',
    request: { params: Id, body: jsonBody('reason') },
    responses: ok('Организация'),
  }),
  reactivate: createRoute({
    method: 'post',
    path: '/organizations/{id}/reactivate',
    tags: [TAG],
    summary: 'Восстановить закрытую организацию',
    request: { params: Id },
    responses: ok('Организация'),
  }),
  territories: createRoute({
    method: 'get',
    path: '/territories',
    tags: [TAG],
    summary: 'Регион и муниципальные образования',
    responses: ok('territories'),
  }),
  authorities: createRoute({
    method: 'get',
    path: '/authorities',
    tags: [TAG],
    summary: 'Учредители и органы управления образованием',
    responses: ok('authorities'),
  }),
  createAuthority: createRoute({
    method: 'post',
    path: '/authorities',
    tags: [TAG],
    summary: 'Добавить учредителя (региональный администратор)',
    request: { body: jsonBody('code, name, shortName, level, territoryId, inn?, email?, phone?') },
    responses: created('Орган управления'),
  }),
  updateAuthority: createRoute({
    method: 'patch',
    path: '/authorities/{id}',
    tags: [TAG],
    summary: 'Изменить учредителя (региональный администратор)',
    request: {
      params: Id,
      body: jsonBody('name?, shortName?, level?, territoryId?, inn?, email?, phone?, active?'),
    },
    responses: ok('Орган управления'),
  }),
};

/** A File from a form → what the service takes (an oversized one is not read into memory). */
export async function uploadFrom(value: unknown): Promise<UploadedFile | null> {
  if (!(value instanceof File) || value.size === 0) return null;
  if (value.size > IMPORT_MAX_BYTES)
    return { name: value.name, type: value.type, size: value.size, bytes: new Uint8Array() };
  return { name: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
}

/** The header of a file download (RFC 6266: the UTF-8 name in `filename*`). */
export function downloadHeaders(f: DownloadFile): Record<string, string> {
  return {
    'Content-Type': f.mime,
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
    'Cache-Control': 'no-store',
  };
}

const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
const send = (c: Context<AppEnv>, f: DownloadFile) =>
  c.body(new Uint8Array(f.bytes), 200, downloadHeaders(f));

export function registerRegistryRoutes(api: Api): void {
  const svc = (c: Context<AppEnv>) => c.get('services').registry;
  api.openapi(routes.list, async (c) => {
    const list = await svc(c).listOrganizations(c.get('caller'), c.req.valid('query'));
    return c.json(json(list), 200);
  });
  api.openapi(routes.export, async (c) =>
    send(c, await svc(c).exportOrganizations(c.get('caller'), c.req.valid('query'))),
  );
  api.openapi(routes.template, async (c) => send(c, await svc(c).importTemplate(c.get('caller'))));
  api.openapi(routes.preview, async (c) => {
    const form = c.req.valid('form') as Record<string, unknown>;
    const preview = await svc(c).previewImport(c.get('caller'), await uploadFrom(form.file));
    return c.json(json(preview), 200);
  });
  api.openapi(routes.commit, async (c) => {
    const body = c.req.valid('json');
    const res = await svc(c).commitImport(c.get('caller'), {
      ...body,
      fileId: c.req.valid('param').id,
    });
    return c.json(json(res), 200);
  });
  api.openapi(routes.get, async (c) => {
    const card = await svc(c).getOrganization(c.get('caller'), c.req.valid('param').id);
    return c.json(json(card), 200);
  });
  api.openapi(routes.create, async (c) => {
    const o = await svc(c).createOrganization(c.get('caller'), c.req.valid('json'));
    return c.json(json(o), 201);
  });
  api.openapi(routes.update, async (c) => {
    const { id } = c.req.valid('param');
    const o = await svc(c).updateOrganization(c.get('caller'), id, c.req.valid('json'));
    return c.json(json(o), 200);
  });
  api.openapi(routes.deactivate, async (c) => {
    const { id } = c.req.valid('param');
    const o = await svc(c).deactivateOrganization(c.get('caller'), id, c.req.valid('json'));
    return c.json(json(o), 200);
  });
  api.openapi(routes.reactivate, async (c) => {
    const o = await svc(c).reactivateOrganization(c.get('caller'), c.req.valid('param').id);
    return c.json(json(o), 200);
  });
  api.openapi(routes.territories, async (c) => {
    const rows = await svc(c).listTerritories(c.get('caller'));
    return c.json({ territories: rows.map(json) }, 200);
  });
  api.openapi(routes.authorities, async (c) => {
    const rows = await svc(c).listAuthorities(c.get('caller'));
    return c.json({ authorities: rows.map(json) }, 200);
  });
  api.openapi(routes.createAuthority, async (c) => {
    const a = await svc(c).createAuthority(c.get('caller'), c.req.valid('json'));
    return c.json(json(a), 201);
  });
  api.openapi(routes.updateAuthority, async (c) => {
    const { id } = c.req.valid('param');
    const a = await svc(c).updateAuthority(c.get('caller'), id, c.req.valid('json'));
    return c.json(json(a), 200);
  });
}
