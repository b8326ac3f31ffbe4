// How the outbox pages show a message: the time in the region's zone and its state in words.
import type { MailMessage } from '../../../db/schema/index.ts';
import { MAIL_STATUS_WORDS, type MailStatus } from '../../../features/mail/mail.schema.ts';
import { formatDateTime, REGION_TIME_ZONE } from '../../components/format.ts';
import type { Tone } from '../../components/status-badge.tsx';

export interface OutboxRowView {
  id: number;
  createdAt: string;
  sentAt: string | null;
  to: string;
  subject: string;
  status: MailStatus;
  statusTitle: string;
  tone: Tone;
  error: string | null;
  attempts: number;
}

const TONES: Record<MailStatus, Tone> = {
  outbox: 'info',
  queued: 'neutral',
  sent: 'ok',
  failed: 'danger',
};

export function outboxRowView(m: MailMessage & { status: MailStatus }): OutboxRowView {
  return {
    id: m.id,
    createdAt: formatDateTime(m.createdAt, REGION_TIME_ZONE),
    sentAt: m.sentAt ? formatDateTime(m.sentAt, REGION_TIME_ZONE) : null,
    to: m.to,
    subject: m.subject,
    status: m.status,
    statusTitle: MAIL_STATUS_WORDS[m.status],
    tone: TONES[m.status],
    error: m.error,
    attempts: m.attempts,
  };
}
