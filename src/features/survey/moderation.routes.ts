// Sample control and moderation API (/api/v1/campaigns/{id}/survey-progress, …/flagged-responses):
// thin handlers; query strings and bodies are checked by the service's contracts after the
// permission check, so a refused caller always gets 403 whatever it sent.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../../server/types.ts';

const TAG = 'Опрос: контроль выборки и модерация';
const Id = z.object({ id: z.coerce.number().int().positive().openapi({ example: 1 }) });
const Json = z.record(z.string(), z.unknown());
const ok = (description: string) => ({
  200: { description, content: { 'application/json': { schema: Json } } },
});
const text = () => z.string().optional();

const routes = {
  progress: createRoute({
    method: 'get',
    path: '/campaigns/{id}/survey-progress',
    tags: [TAG],
    summary: 'Ход опроса: требуемая выборка, учтённые, отмеченные и исключённые ответы',
    description:
      'По организациям и муниципалитетам. Отстающая организация: учтено меньше ' +
      '`tolerance` (0,8) × доля прошедшего срока сбора × требуемая выборка, либо ни одного ' +
      'учтённого ответа после `silentAfter` (25 %) срока. `laggingOnly=true` — только отстающие.',
    request: {
      params: Id,
      query: z.object({ laggingOnly: text(), tolerance: text(), silentAfter: text() }),
    },
    responses: ok('Ход опроса'),
  }),
  flagged: createRoute({
    method: 'get',
    path: '/campaigns/{id}/flagged-responses',
    tags: [TAG],
    summary: 'Отмеченные ответы (подозрительные): ждут решения оператора',
    request: {
      params: Id,
      query: z.object({
        organizationId: text(),
        flag: text().openapi({ example: 'burst' }),
        status: text().openapi({
          description: 'undecided (по умолчанию), included, excluded, all',
        }),
        limit: text(),
        offset: text(),
      }),
    },
    responses: ok('Ответы, новые сначала, всего и отметки кампании'),
  }),
  decide: createRoute({
    method: 'post',
    path: '/campaigns/{id}/flagged-responses/decide',
    tags: [TAG],
    summary: 'Учитывать или исключить отмеченные ответы (причина обязательна, в журнал)',
    request: {
      params: Id,
      body: {
        required: true,
        description: '{ "ids": [1, 2], "decision": "included" | "excluded", "reason": "…" }',
        content: { 'application/json': { schema: Json } },
      },
    },
    responses: ok('Сколько ответов решено'),
  }),
};

export function registerModerationRoutes(api: Api): void {
  api.openapi(routes.progress, async (c) => {
    const { laggingOnly, ...rule } = c.req.valid('query');
    const res = await c
      .get('services')
      .surveyModeration.progress(c.get('caller'), c.req.valid('param').id, {
        rule,
        laggingOnly: laggingOnly === 'true' || laggingOnly === '1',
      });
    return c.json(JSON.parse(JSON.stringify(res)) as Record<string, unknown>, 200);
  });
  api.openapi(routes.flagged, async (c) => {
    const res = await c
      .get('services')
      .surveyModeration.flagged(c.get('caller'), c.req.valid('param').id, c.req.valid('query'));
    return c.json(JSON.parse(JSON.stringify(res)) as Record<string, unknown>, 200);
  });
  api.openapi(routes.decide, async (c) => {
    const res = await c
      .get('services')
      .surveyModeration.decide(c.get('caller'), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ...res }, 200);
  });
}
