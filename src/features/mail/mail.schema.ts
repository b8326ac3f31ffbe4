// The mail contract: what a service passes to `mail.send`, and how the outbox page names a
// message's state. Pure: the page bundle imports it.
import { z } from 'zod';

export const OUTBOX_PAGE_SIZE = 50;

/** The job that delivers one recorded message (payload: its outbox id). */
export const MAIL_SEND_JOB = 'mail.send';

export const MailInput = z.object({
  to: z.email('Неверный адрес электронной почты').max(320),
  subject: z.string().trim().min(1, 'Укажите тему письма').max(500),
  text: z.string().min(1, 'Пустое письмо'),
  html: z.string().optional(),
  /** What the message is about, for the outbox page (e.g. 'campaign', 12). */
  relatedType: z.string().max(100).optional(),
  relatedId: z.union([z.string().max(100), z.number().int()]).optional(),
});
export type MailInput = z.input<typeof MailInput>;

/** The page number of /admin/outbox?page=… */
export const OutboxQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export type MailStatus = 'outbox' | 'queued' | 'sent' | 'failed';

/** The state of a message from its row. */
export function mailStatus(m: {
  transport: string;
  sentAt: Date | string | null;
  error: string | null;
}): MailStatus {
  if (m.transport === 'outbox') return 'outbox';
  if (m.sentAt) return 'sent';
  return m.error ? 'failed' : 'queued';
}

export const MAIL_STATUS_WORDS: Record<MailStatus, string> = {
  // Without SMTP_URL messages are kept for the administrator to read (and pass on by hand).
  outbox: 'Не отправлялось (только здесь)',
  queued: 'В очереди на отправку',
  sent: 'Отправлено',
  failed: 'Ошибка отправки',
};
