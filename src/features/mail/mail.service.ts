// Mail use cases. Every message is recorded in the outbox first (so the administrator can see
// what noko sent and when); with SMTP_URL the `mail.send` job then delivers it, without SMTP_URL it
// stays in the outbox and is read on /admin/outbox — the demo shows every message that way.
import type { z } from 'zod';
import { authorize } from '../../domain/permissions/index.ts';
import { AppError } from '../../domain/errors.ts';
import type { MailMessage } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { SYSTEM_CALLER, type Caller, type ServiceDeps } from '../context.ts';
import { deliverMessage } from './mail-send.job.ts';
import { countMessages, findMessage, insertMessage, listMessages } from './mail.repo.ts';
import {
  MAIL_SEND_JOB,
  MailInput,
  OUTBOX_PAGE_SIZE,
  OutboxQuery,
  mailStatus,
  type MailStatus,
} from './mail.schema.ts';

export interface SentMail {
  id: number;
  status: MailStatus;
}

export function createMailService(deps: ServiceDeps) {
  return {
    /**
     * Records a message and queues its delivery. Call it after the transaction that caused the
     * message has committed. Without a job queue (CLI one-offs) the message is delivered at once.
     * `caller` defaults to the system (reminders, notifications of start-up tasks).
     */
    async send(caller: Caller | undefined, raw: MailInput): Promise<SentMail> {
      const input = parse(MailInput, raw);
      const transport = deps.config.SMTP_URL ? 'smtp' : 'outbox';
      const row = await deps.db.transaction(async (tx) => {
        const created = await insertMessage(tx, {
          to: input.to,
          subject: input.subject,
          text: input.text,
          html: input.html ?? null,
          transport,
          relatedType: input.relatedType ?? null,
          relatedId: input.relatedId === undefined ? null : String(input.relatedId),
        });
        await recordAudit(tx, caller ?? SYSTEM_CALLER, {
          action: 'send',
          entityType: 'mail',
          entityId: created.id,
          after: { to: created.to, subject: created.subject, transport },
        });
        return created;
      });
      if (transport === 'outbox') return { id: row.id, status: 'outbox' };
      if (deps.jobs) {
        await deps.jobs.send(MAIL_SEND_JOB, { id: row.id });
        return { id: row.id, status: 'queued' };
      }
      const outcome = await deliverMessage(deps, row.id);
      return { id: row.id, status: outcome.result === 'sent' ? 'sent' : 'failed' };
    },

    /** The outbox, newest first (regional administrators). */
    async list(caller: Caller, raw: unknown) {
      authorize(caller, 'outbox.view');
      const { page } = parse(OutboxQuery, raw);
      const pageSize = OUTBOX_PAGE_SIZE;
      const [rows, total] = await Promise.all([
        listMessages(deps.db, { limit: pageSize, offset: (page - 1) * pageSize }),
        countMessages(deps.db),
      ]);
      return { rows: rows.map(withStatus), total, page, pageSize };
    },

    /** One message in full. */
    async get(caller: Caller, id: number) {
      authorize(caller, 'outbox.view');
      const row = await findMessage(deps.db, id);
      if (!row) throw AppError.notFound('Письмо не найдено');
      return withStatus(row);
    },
  };
}

/** A contract failure becomes AppError(validation) with one issue per field. */
function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw ?? {});
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || 'input',
    message: i.message,
  }));
  throw AppError.validation(issues.map((i) => i.message).join('; '), issues);
}

function withStatus(m: MailMessage): MailMessage & { status: MailStatus } {
  return { ...m, status: mailStatus(m) };
}
