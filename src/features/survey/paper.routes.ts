// Paper entry API (/api/v1/…, signed-in, survey.enterPaper): key a paper questionnaire, key it a
// second time for control, packet totals and the double-entry mismatch report. Validation problems
// come back as 400 validation_failed with details.issues[].code of the domain (e.g.
// skipped_question_answered: a dependent question answered while its filter is «Нет»).
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../../server/types.ts';
import type { PaperEntryInput, SecondEntryInput } from './paper.schema.ts';

const TAG = 'Бумажные анкеты';
const Id = z.object({ id: z.coerce.number().int().positive().openapi({ example: 1 }) });
const Json = z.record(z.string(), z.unknown());
const jsonBody = (description: string) => ({
  required: true,
  description,
  content: { 'application/json': { schema: Json } },
});
const ok = (status: 200 | 201, description: string) => ({
  [status]: { description, content: { 'application/json': { schema: Json } } },
});
const Batches = z.object({
  organizationId: z.coerce.number().int().positive().optional(),
  batchNumber: z.string().max(40).optional(),
});

const routes = {
  enter: createRoute({
    method: 'post',
    path: '/paper/responses',
    tags: [TAG],
    summary: 'Ввести бумажную анкету',
    description:
      '`{ "surveyCode": "K7M2QX9P" | "campaignId": 1, "organizationId": 5, "batchNumber": "12", ' +
      '"sequenceNumber"?: 3, "answers": { "q1": true, … } }`; без sequenceNumber — следующий номер в пакете.',
    request: { body: jsonBody('surveyCode | campaignId+organizationId, batchNumber, answers') },
    responses: ok(201, 'Анкета сохранена: её место в пакете'),
  }),
  second: createRoute({
    method: 'post',
    path: '/paper/double-entries',
    tags: [TAG],
    summary: 'Повторный (контрольный) ввод анкеты: расхождения с первичным',
    request: { body: jsonBody('как при вводе, sequenceNumber обязателен') },
    responses: ok(201, '{ mismatches: [{ question, number, first, second }] }'),
  }),
  batches: createRoute({
    method: 'get',
    path: '/campaigns/{id}/paper/batches',
    tags: [TAG],
    summary: 'Введено анкет по организациям, пакетам и операторам',
    request: { params: Id, query: Batches },
    responses: ok(200, '{ batches: [...] }'),
  }),
  mismatches: createRoute({
    method: 'get',
    path: '/campaigns/{id}/paper/mismatches',
    tags: [TAG],
    summary: 'Отчёт о расхождениях двойного ввода',
    request: { params: Id },
    responses: ok(200, '{ compared, withMismatches, rows }'),
  }),
};

export function registerPaperRoutes(api: Api): void {
  api.openapi(routes.enter, async (c) => {
    // The service parses the body (zod) and answers 400 with the fields named.
    const body = c.req.valid('json') as unknown as PaperEntryInput;
    return c.json(await c.get('services').paper.enterPaper(c.get('caller'), body), 201);
  });
  api.openapi(routes.second, async (c) => {
    const body = c.req.valid('json') as unknown as SecondEntryInput;
    const mismatches = await c.get('services').paper.enterSecond(c.get('caller'), body);
    return c.json({ mismatches }, 201);
  });
  api.openapi(routes.batches, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const batches = await c.get('services').paper.batchTotals(c.get('caller'), id, {
      ...(q.organizationId !== undefined ? { organizationId: q.organizationId } : {}),
      ...(q.batchNumber !== undefined ? { batchNumber: q.batchNumber } : {}),
    });
    return c.json({ batches }, 200);
  });
  api.openapi(routes.mismatches, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await c.get('services').paper.mismatchReport(c.get('caller'), id), 200);
  });
}
