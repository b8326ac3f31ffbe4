// The `mail.send` job: delivers one recorded outbox message through SMTP (nodemailer). Payload is
// the outbox id only; the handler re-reads the row, so a retry or a duplicate run after a crash
// finds the message already sent and does nothing.
import nodemailer from 'nodemailer';
import type { JobHandler } from '../../jobs/queue.ts';
import type { ServiceDeps } from '../context.ts';
import { findMessage, recordAttempt, setTransport } from './mail.repo.ts';
import { MAIL_SEND_JOB } from './mail.schema.ts';

export interface MailSendData {
  id: number;
}

/** The job handler, registered by `noko serve` (src/cli/commands/serve.ts). */
export function createMailSendJob(deps: ServiceDeps): JobHandler<MailSendData> {
  return {
    name: MAIL_SEND_JOB,
    // A mail server that is down for a while gets about a day of retries, hourly at most.
    options: { retryLimit: 10, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600 },
    handler: async (data) => {
      const outcome = await deliverMessage(deps, data.id);
      if (outcome.error) throw new Error(outcome.error);
    },
  };
}

export interface DeliveryOutcome {
  /** 'skipped': nothing to do (unknown id, kept in the outbox, already sent). */
  result: 'sent' | 'failed' | 'outbox' | 'skipped';
  error?: string;
}

/** One delivery attempt of message `id`; the row records its outcome. */
export async function deliverMessage(deps: ServiceDeps, id: number): Promise<DeliveryOutcome> {
  const m = await findMessage(deps.db, id);
  // A row missing here was rolled back with its caller's transaction: nothing to deliver.
  if (!m || m.transport === 'outbox' || m.sentAt) return { result: 'skipped' };
  if (!deps.config.SMTP_URL) {
    // SMTP was switched off after the message was queued: keep it for the outbox page.
    await setTransport(deps.db, id, 'outbox');
    return { result: 'outbox' };
  }
  const transport = nodemailer.createTransport({
    url: deps.config.SMTP_URL,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  try {
    await transport.sendMail({
      from: deps.config.MAIL_FROM,
      to: m.to,
      subject: m.subject,
      text: m.text,
      ...(m.html ? { html: m.html } : {}),
    });
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    await recordAttempt(deps.db, id, { error });
    deps.logger.warn({ mail: id, err: e }, 'mail delivery failed');
    return { result: 'failed', error };
  } finally {
    transport.close();
  }
  await recordAttempt(deps.db, id, { sentAt: deps.now() });
  return { result: 'sent' };
}
