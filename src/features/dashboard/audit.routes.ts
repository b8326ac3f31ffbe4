// GET /api/v1/audit: the audit log with the filters of /admin/audit (regional administrators
// only). The query is parsed by the service with the AuditQuery contract, after the permission
// check, so the API and the page give the same Russian messages. There is no write route: the
// log is append-only.
import { createRoute, z } from '@hono/zod-openapi';
import { ErrorSchema } from '../../server/api.ts';
import type { Api } from '../../server/types.ts';
import { AUDIT_MAX_PAGE_SIZE, AUDIT_PAGE_SIZE, actionWords, entityWords } from './audit.schema.ts';

const text = (description: string, example?: string) =>
  z
    .string()
    .optional()
    .openapi({ description, ...(example ? { example } : {}) });

const Query = z.object({
  entityType: text('Тип объекта', 'campaign'),
  entityId: text('Идентификатор объекта', '1'),
  actorUserId: text('Пользователь, совершивший действие (id)'),
  action: text('Действие', 'campaign.create'),
  from: text('С даты (ГГГГ-ММ-ДД, по времени региона)', '2026-03-01'),
  to: text('По дату включительно (ГГГГ-ММ-ДД)', '2026-03-31'),
  page: text(`Страница, с 1`),
  pageSize: text(
    `Записей на странице (по умолчанию ${AUDIT_PAGE_SIZE}, не больше ${AUDIT_MAX_PAGE_SIZE})`,
  ),
});

const Entry = z
  .object({
    id: z.number(),
    at: z.string().openapi({ example: '2026-03-01T09:00:00.000Z' }),
    actorUserId: z.number().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    actionTitle: z.string().openapi({ example: 'создание кампании' }),
    entityType: z.string(),
    entityTitle: z.string().openapi({ example: 'кампания' }),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry');

const Page = z
  .object({
    rows: z.array(Entry),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
  })
  .openapi('AuditPage');

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

const listRoute = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['Журнал аудита'],
  summary: 'Журнал аудита с отбором (только региональный администратор)',
  request: { query: Query },
  responses: {
    200: {
      description: 'Записи, новые сначала',
      content: { 'application/json': { schema: Page } },
    },
    400: error('Неверный отбор'),
    403: error('Недостаточно прав'),
  },
});

export function registerAuditRoutes(api: Api): void {
  api.openapi(listRoute, async (c) => {
    const res = await c.get('services').dashboard.auditLog(c.get('caller'), c.req.valid('query'));
    return c.json(
      {
        rows: res.rows.map((e) => ({
          id: e.id,
          at: e.at.toISOString(),
          actorUserId: e.actorUserId,
          actorLabel: e.actorLabel,
          action: e.action,
          actionTitle: actionWords(e.action),
          entityType: e.entityType,
          entityTitle: entityWords(e.entityType),
          entityId: e.entityId,
          before: e.before,
          after: e.after,
          requestId: e.requestId,
        })),
        total: res.total,
        page: res.page,
        pageSize: res.pageSize,
      },
      200,
    );
  });
}
