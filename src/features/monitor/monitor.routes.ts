// The site monitoring API (/api/v1/monitor/…): thin handlers over the monitor service. Bodies and
// query strings are checked by the service's contracts after the permission check.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../../server/types.ts';

const TAG = 'Мониторинг сайтов';
const Id = z.object({ id: z.coerce.number().int().positive().openapi({ example: 1 }) });
const Json = z.record(z.string(), z.unknown());
const ok = (description: string) => ({
  200: { description, content: { 'application/json': { schema: Json } } },
});
const Filter = z.object({
  municipalityId: z.string().optional(),
  kind: z.enum(['preschool', 'school', 'vocational', 'additional']).optional(),
});

const routes = {
  start: createRoute({
    method: 'post',
    path: '/monitor/runs',
    tags: [TAG],
    summary: 'Запустить проверку сайтов: одной организации, муниципалитета или всех',
    description:
      'Тело: `organizationId?`, `municipalityId?`. Без них — все организации в пределах прав. ' +
      'Если такая же проверка уже идёт, возвращается она (`existing: true`).',
    request: {
      body: { required: false, content: { 'application/json': { schema: Json } } },
    },
    responses: {
      202: { description: 'Запуск', content: { 'application/json': { schema: Json } } },
    },
  }),
  runs: createRoute({
    method: 'get',
    path: '/monitor/runs',
    tags: [TAG],
    summary: 'Последние запуски мониторинга с ходом проверки',
    responses: ok('Запуски, новые сначала'),
  }),
  run: createRoute({
    method: 'get',
    path: '/monitor/runs/{id}',
    tags: [TAG],
    summary: 'Запуск: всего, проверено, ошибок; сохранённые проверки',
    request: { params: Id },
    responses: ok('Запуск'),
  }),
  stop: createRoute({
    method: 'post',
    path: '/monitor/runs/{id}/stop',
    tags: [TAG],
    summary: 'Остановить запуск: идущие проверки прерываются и сохраняются как ошибки',
    request: { params: Id },
    responses: ok('Запуск (остановленный или уже завершённый)'),
  }),
  history: createRoute({
    method: 'get',
    path: '/monitor/organizations/{id}/checks',
    tags: [TAG],
    summary: 'История проверок сайта организации с изменениями между проверками',
    request: { params: Id },
    responses: ok('Проверки, новые сначала'),
  }),
  check: createRoute({
    method: 'get',
    path: '/monitor/checks/{id}',
    tags: [TAG],
    summary: 'Отчёт проверки: недостающие сведения с основанием и способом исправления',
    request: { params: Id },
    responses: ok('Отчёт'),
  }),
  summary: createRoute({
    method: 'get',
    path: '/monitor/summary',
    tags: [TAG],
    summary: 'Свод: рейтинг организаций по доле размещённых сведений, муниципалитеты, регион',
    request: { query: Filter },
    responses: ok('Свод по последним проверкам'),
  }),
};

const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Record<string, unknown>;

export function registerMonitorRoutes(api: Api): void {
  api.openapi(routes.start, async (c) => {
    const body: unknown = await c.req.json().catch(() => ({}));
    const res = await c.get('services').monitor.startRun(c.get('caller'), body);
    return c.json(json(res), 202);
  });
  api.openapi(routes.runs, async (c) => {
    const runs = await c.get('services').monitor.listRuns(c.get('caller'));
    return c.json({ runs: runs.map(json) }, 200);
  });
  api.openapi(routes.run, async (c) => {
    const res = await c.get('services').monitor.getRun(c.get('caller'), c.req.valid('param').id);
    return c.json(json(res), 200);
  });
  api.openapi(routes.stop, async (c) => {
    const run = await c.get('services').monitor.stopRun(c.get('caller'), c.req.valid('param').id);
    return c.json({ run: json(run) }, 200);
  });
  api.openapi(routes.history, async (c) => {
    const res = await c.get('services').monitor.history(c.get('caller'), c.req.valid('param').id);
    return c.json(json(res), 200);
  });
  api.openapi(routes.check, async (c) => {
    const res = await c.get('services').monitor.report(c.get('caller'), c.req.valid('param').id);
    return c.json(json(res), 200);
  });
  api.openapi(routes.summary, async (c) => {
    const res = await c.get('services').monitor.summary(c.get('caller'), c.req.valid('query'));
    return c.json(json(res), 200);
  });
}
