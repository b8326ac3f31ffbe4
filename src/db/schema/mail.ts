// The mail outbox: every message noko sends is recorded here first, then delivered by the
// `mail.send` job. Without SMTP_URL the message stays here (transport 'outbox') and the regional
// administrator reads it on /admin/outbox — so the demo shows every message it would have sent.
import { bigint, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, oneOf } from './columns.ts';

export const MAIL_TRANSPORTS = ['smtp', 'outbox'] as const;
export type MailTransport = (typeof MAIL_TRANSPORTS)[number];

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    createdAt: createdAt(),
    /** Set when the SMTP server accepted the message. */
    sentAt: timestamp({ withTimezone: true }),
    /** 'smtp' when SMTP_URL was set at sending time, else 'outbox' (kept in the app). */
    transport: text().$type<MailTransport>().notNull(),
    /** The last delivery error; cleared when a later attempt succeeds. */
    error: text(),
    /** Delivery attempts made by the job (0 for outbox-only messages). */
    attempts: integer().notNull().default(0),
    /** What the message is about, e.g. ('campaign', '12'), for links from the outbox page. */
    relatedType: text(),
    relatedId: text(),
  },
  (t) => [
    index('mail_outbox_created_at_idx').on(t.createdAt),
    check('mail_outbox_transport_check', oneOf(t.transport, MAIL_TRANSPORTS)),
  ],
);

export type MailMessage = typeof mailOutbox.$inferSelect;
export type NewMailMessage = typeof mailOutbox.$inferInsert;
