// Survey reminders API (/api/v1/campaigns/{id}/survey-reminders, permission survey.moderate): the
// letters sent so far, and the operator's «remind the lagging ones now».
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../../server/types.ts';

const TAG = 'Опрос: напоминания отстающим';
const Id = z.object({ id: z.coerce.number().int().positive().openapi({ example: 1 }) });
const Json = z.record(z.string(), z.unknown());
const ok = (description: string) => ({
  200: { description, content: { 'application/json': { schema: Json } } },
});

const routes = {
  history: createRoute({
    method: 'get',
    path: '/campaigns/{id}/survey-reminders',
    tags: [TAG],
    summary: 'Отправленные напоминания, новые сначала',
    request: { params: Id },
    responses: ok('Напоминания: организация, когда, кому, учтено из требуемых'),
  }),
  request: createRoute({
    method: 'post',
    path: '/campaigns/{id}/survey-reminders',
    tags: [TAG],
    summary: 'Напомнить отстающим организациям сейчас',
    description:
      'Каждой отстающей организации (правило «Хода опроса») — письмо на адрес из реестра, ' +
      'учредителю — сводка. Организации, которым уже писали в течение ' +
      'SURVEY_REMINDER_INTERVAL_DAYS дней, пропускаются. Только во время сбора данных.',
    request: { params: Id },
    responses: ok('queued: true — поставлено в очередь; без очереди — итоги отправки (run)'),
  }),
};

export function registerSurveyReminderRoutes(api: Api): void {
  api.openapi(routes.history, async (c) => {
    const rows = await c
      .get('services')
      .surveyReminders.history(c.get('caller'), c.req.valid('param').id);
    return c.json({ reminders: JSON.parse(JSON.stringify(rows)) as unknown[] }, 200);
  });
  api.openapi(routes.request, async (c) => {
    const res = await c
      .get('services')
      .surveyReminders.request(c.get('caller'), c.req.valid('param').id);
    return c.json(JSON.parse(JSON.stringify(res)) as Record<string, unknown>, 200);
  });
}
