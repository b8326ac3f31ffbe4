// The results JSON API (/api/v1/campaigns/{id}/results…): thin handlers over the results service.
// Responses follow the read model (results.schema.ts), so the OpenAPI document shows it.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../../server/types.ts';
import {
  AGGREGATE_LEVELS,
  AggregateResult,
  CampaignResults,
  OrganizationResult,
  ResultRun,
} from './results.schema.ts';

const TAG = 'Результаты';
const Id = z.object({ id: z.coerce.number().int().positive().openapi({ example: 1 }) });
const OrgId = Id.extend({ orgId: z.coerce.number().int().positive() });
const Version = z.object({
  version: z.coerce.number().int().positive().optional().openapi({
    description: 'Версия расчёта (по умолчанию: утверждённая, для оператора — текущая)',
  }),
});
const json = (schema: z.ZodType, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
});
const body = (description: string, required = true) => ({
  required,
  description,
  content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
});

const Outcome = z.object({
  run: ResultRun,
  stored: z.boolean(),
  organizations: z.number().int(),
  ms: z.number(),
});

const routes = {
  results: createRoute({
    method: 'get',
    path: '/campaigns/{id}/results',
    tags: [TAG],
    summary: 'Результаты кампании: организации, рейтинги, агрегаты',
    request: {
      params: Id,
      query: Version.extend({
        provenance: z.enum(['0', '1']).optional().openapi({
          description: '0 — без происхождения значений и исходных чисел (короче)',
        }),
      }),
    },
    responses: json(CampaignResults, 'Результаты одной версии расчёта'),
  }),
  runs: createRoute({
    method: 'get',
    path: '/campaigns/{id}/results/runs',
    tags: [TAG],
    summary: 'Версии расчёта, новые сначала',
    request: { params: Id },
    responses: json(z.object({ runs: z.array(ResultRun) }), 'Версии'),
  }),
  organization: createRoute({
    method: 'get',
    path: '/campaigns/{id}/results/organizations/{orgId}',
    tags: [TAG],
    summary: 'Результат организации: показатели, происхождение, недостатки',
    request: { params: OrgId, query: Version },
    responses: json(z.object({ run: ResultRun, organization: OrganizationResult }), 'Результат'),
  }),
  aggregates: createRoute({
    method: 'get',
    path: '/campaigns/{id}/results/aggregates',
    tags: [TAG],
    summary: 'Средние по региону, муниципалитетам и типам организаций',
    request: { params: Id, query: Version.extend({ level: z.enum(AGGREGATE_LEVELS).optional() }) },
    responses: json(z.object({ aggregates: z.array(AggregateResult) }), 'Агрегаты'),
  }),
  calculate: createRoute({
    method: 'post',
    path: '/campaigns/{id}/results/calculate',
    tags: [TAG],
    summary: 'Рассчитать результаты (новая версия, если данные изменились)',
    request: { params: Id, body: body('rankBelowSample?, surveyThreshold?', false) },
    responses: json(Outcome, 'Версия расчёта; stored=false — данные не менялись'),
  }),
  freeze: createRoute({
    method: 'post',
    path: '/campaigns/{id}/results/freeze',
    tags: [TAG],
    summary: 'Утвердить текущий расчёт решением общественного совета',
    request: { params: Id, body: body('decisionNumber, decisionDate (ГГГГ-ММ-ДД)') },
    responses: json(ResultRun, 'Утверждённая версия'),
  }),
  proposals: createRoute({
    method: 'put',
    path: '/campaigns/{id}/results/organizations/{orgId}/proposals',
    tags: [TAG],
    summary: 'Предложения общественного совета по организации (текущий расчёт)',
    request: { params: OrgId, body: body('text') },
    responses: { 204: { description: 'Сохранено' } },
  }),
};

export function registerResultsRoutes(api: Api): void {
  api.openapi(routes.results, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const res = await c.get('services').results.getCampaignResults(c.get('caller'), {
      campaignId: id,
      ...(q.version !== undefined ? { version: q.version } : {}),
      withProvenance: q.provenance !== '0',
    });
    return c.json(res, 200);
  });
  api.openapi(routes.runs, async (c) => {
    const runs = await c.get('services').results.listRuns(c.get('caller'), c.req.valid('param').id);
    return c.json({ runs }, 200);
  });
  api.openapi(routes.organization, async (c) => {
    const { id, orgId } = c.req.valid('param');
    const { version } = c.req.valid('query');
    const res = await c.get('services').results.getOrganizationResult(c.get('caller'), {
      campaignId: id,
      organizationId: orgId,
      ...(version !== undefined ? { version } : {}),
    });
    return c.json({ run: res.run, organization: res.organization }, 200);
  });
  api.openapi(routes.aggregates, async (c) => {
    const { id } = c.req.valid('param');
    const { version, level } = c.req.valid('query');
    const aggregates = await c.get('services').results.getAggregates(c.get('caller'), {
      campaignId: id,
      ...(version !== undefined ? { version } : {}),
      ...(level !== undefined ? { level } : {}),
    });
    return c.json({ aggregates }, 200);
  });
  api.openapi(routes.calculate, async (c) => {
    const raw: unknown = await c.req.json().catch(() => ({}));
    const res = await c
      .get('services')
      .results.calculate(c.get('caller'), c.req.valid('param').id, raw);
    return c.json(res, 200);
  });
  api.openapi(routes.freeze, async (c) => {
    const run = await c
      .get('services')
      .results.freeze(c.get('caller'), c.req.valid('param').id, c.req.valid('json'));
    return c.json(run, 200);
  });
  api.openapi(routes.proposals, async (c) => {
    const { id, orgId } = c.req.valid('param');
    await c
      .get('services')
      .results.setCouncilProposals(
        c.get('caller'),
        { campaignId: id, organizationId: orgId },
        c.req.valid('json'),
      );
    return c.body(null, 204);
  });
}
