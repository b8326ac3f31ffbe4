// Feedback between campaigns over the API (issue 4 item 8):
// - POST /public/feedback: anonymous, mirrors POST /public/responses (same body, Idempotency-Key,
//   error codes) for survey codes whose campaign has finished collecting; 409 while it collects
//   (send the questionnaire to /public/responses then), 410 before collection.
// - GET /feedback/summary?quarter=2026-Q2: quarterly summaries in the caller's scope.
import { createRoute, z } from '@hono/zod-openapi';
import { clientAddress } from '../../server/session.ts';
import type { Api } from '../../server/types.ts';
import { readSurveyBody, surveyBodyLimit } from '../survey/survey.routes.ts';

const Json = z.record(z.string(), z.unknown());
const Id = z.object({ id: z.number().int().openapi({ example: 17 }) }).openapi('FeedbackId');

const routes = {
  submit: createRoute({
    method: 'post',
    path: '/public/feedback',
    tags: ['Опрос (публичный)'],
    summary: 'Отправить отзыв между кампаниями',
    description:
      'Тело как у `POST /public/responses`: `{ "surveyCode": "K7M2QX9P", "answers": { … } }`. ' +
      'Принимается, когда сбор данных кампании этого кода завершён: отзыв хранится отдельно, ' +
      'в оценку кампании не входит и попадает в квартальные сводки организации. Пока идёт сбор — ' +
      '409 (отправьте анкету в `/public/responses`), до начала сбора — 410. Заголовок ' +
      '`Idempotency-Key`: повтор не сохраняет отзыв второй раз и возвращает id первого.',
    responses: {
      201: { description: 'Отзыв сохранён', content: { 'application/json': { schema: Id } } },
      200: {
        description: 'Повтор с тем же Idempotency-Key: id первого отзыва',
        content: { 'application/json': { schema: Id } },
      },
    },
  }),
  summary: createRoute({
    method: 'get',
    path: '/feedback/summary',
    tags: ['Отзывы между кампаниями'],
    summary: 'Квартальная сводка отзывов по организациям и муниципалитетам',
    description:
      'Число отзывов, отмеченные (не входят в доли) и доля ответов «Да» по вопросам 1–14. ' +
      'Оператор и администратор видят весь регион, муниципальный орган — свой муниципалитет, ' +
      'организация — себя. Без `quarter` — последний квартал с отзывами.',
    request: {
      query: z.object({ quarter: z.string().optional().openapi({ example: '2026-Q2' }) }),
    },
    responses: {
      200: { description: 'Сводка', content: { 'application/json': { schema: Json } } },
    },
  }),
};

export function registerFeedbackRoutes(api: Api): void {
  api.use('/public/feedback', surveyBodyLimit());
  api.openapi(routes.submit, async (c) => {
    const body = await readSurveyBody(c.req.raw);
    const result = await c.get('services').survey.submit({
      code: body.surveyCode,
      answers: body.answers,
      channel: 'api',
      skipped: 'reject',
      mode: 'feedback',
      clientAddress: clientAddress(c),
      userAgent: c.req.header('user-agent') ?? null,
      idempotencyKey: c.req.header('idempotency-key') ?? null,
    });
    if (result.repeated) c.header('Idempotency-Replayed', 'true');
    return c.json({ id: result.id }, result.repeated ? 200 : 201);
  });
  api.openapi(routes.summary, async (c) => {
    const summary = await c
      .get('services')
      .feedback.summary(c.get('caller'), { quarter: c.req.query('quarter') });
    return c.json(summary as unknown as Record<string, unknown>, 200);
  });
}
