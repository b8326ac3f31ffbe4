// The public survey API (/api/v1/public/…): anonymous, CSRF-exempt (src/server/session.ts).
// The body of POST /public/responses is parsed here rather than by the route's validator so that a
// malformed body gets the same stable error shape as every other problem:
// 400 validation_failed with details.issues[].code (invalid_body, unknown_question, wrong_type,
// skipped_question_answered, missing_required, text_too_long, out_of_range), 404 not_found (unknown
// code), 410 gone (closed), 413 payload_too_large, 429 rate_limited. Nothing is stored on any 4xx.
import { createRoute, z } from '@hono/zod-openapi';
import { AppError, ERROR_CODES } from '../../domain/errors.ts';
import { bodyLimitOf } from '../../server/middleware.ts';
import { clientAddress } from '../../server/session.ts';
import type { Api } from '../../server/types.ts';
import { RESPONSE_BODY_LIMIT, SubmitBodySchema } from './survey.schema.ts';

const TAG = 'Опрос (публичный)';

const SubmitResultSchema = z
  .object({ id: z.number().int().openapi({ example: 1042 }) })
  .openapi('SurveyResponseId');

const SurveyListSchema = z
  .object({
    surveys: z.array(
      z.object({
        code: z.string().openapi({ example: 'K7M2QX9P' }),
        organization: z.string().openapi({ example: 'МБОУ СОШ № 5' }),
        campaign: z.string(),
        url: z.string().openapi({ example: 'https://nok.example.ru/s/K7M2QX9P' }),
      }),
    ),
  })
  .openapi('PublicSurveys');

const routes = {
  submit: createRoute({
    method: 'post',
    path: '/public/responses',
    tags: [TAG],
    summary: 'Отправить анкету',
    description:
      'Тело: `{ "surveyCode": "K7M2QX9P", "answers": { "q1": true, "q2": false, … } }` ' +
      '(q1–q14 — true/false, q15 — текст до 2000 символов, q16 — male|female, q17 — 14–100, ' +
      'q18 — parent|student|other). Заголовок `Idempotency-Key` (необязательный): повтор с тем же ' +
      'ключом не сохраняет ответ второй раз и возвращает id первого.',
    responses: {
      201: {
        description: 'Ответ сохранён',
        content: { 'application/json': { schema: SubmitResultSchema } },
      },
      200: {
        description: 'Повтор с тем же Idempotency-Key: id первого ответа',
        content: { 'application/json': { schema: SubmitResultSchema } },
      },
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/public/surveys',
    tags: [TAG],
    summary: 'Открытые анкеты: коды, организации, адреса форм',
    responses: {
      200: {
        description: 'Анкеты, по которым сейчас идёт сбор ответов',
        content: { 'application/json': { schema: SurveyListSchema } },
      },
    },
  }),
};

/** The survey body limit as middleware (the feedback API uses it too). */
export const surveyBodyLimit = () =>
  bodyLimitOf(RESPONSE_BODY_LIMIT, () => {
    throw new AppError(
      ERROR_CODES.PAYLOAD_TOO_LARGE,
      `Размер анкеты превышает ${RESPONSE_BODY_LIMIT / 1024} КБ`,
      { maxBytes: RESPONSE_BODY_LIMIT },
    );
  });

function invalidBody(message: string): AppError {
  const issue = { path: '(тело запроса)', question: null, code: 'invalid_body', message };
  return AppError.validation(message, [issue]);
}

export async function readSurveyBody(
  req: Request,
): Promise<{ surveyCode: string; answers: unknown }> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw invalidBody('Ожидается тело JSON (Content-Type: application/json)');
  }
  let data: unknown;
  try {
    data = JSON.parse(await req.text());
  } catch {
    throw invalidBody('Тело запроса — не JSON');
  }
  const parsed = SubmitBodySchema.safeParse(data);
  if (!parsed.success) throw invalidBody(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}

export function registerSurveyRoutes(api: Api): void {
  api.use('/public/responses', surveyBodyLimit());
  api.openapi(routes.submit, async (c) => {
    const body = await readSurveyBody(c.req.raw);
    const result = await c.get('services').survey.submit({
      code: body.surveyCode,
      answers: body.answers,
      channel: 'api',
      skipped: 'reject',
      clientAddress: clientAddress(c),
      userAgent: c.req.header('user-agent') ?? null,
      idempotencyKey: c.req.header('idempotency-key') ?? null,
    });
    if (result.repeated) c.header('Idempotency-Replayed', 'true');
    return c.json({ id: result.id }, result.repeated ? 200 : 201);
  });
  api.openapi(routes.list, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ surveys: await c.get('services').survey.activeSurveys() }, 200);
  });
}
