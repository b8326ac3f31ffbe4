// Drizzle queries of the mail outbox.
import { count, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { mailOutbox, type MailMessage, type NewMailMessage } from '../../db/schema/index.ts';

export async function insertMessage(ex: Executor, row: NewMailMessage): Promise<MailMessage> {
  const [created] = await ex.insert(mailOutbox).values(row).returning();
  return created!;
}

export async function findMessage(ex: Executor, id: number): Promise<MailMessage | undefined> {
  const [row] = await ex.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row;
}

/** Newest first. */
export function listMessages(
  ex: Executor,
  page: { limit: number; offset: number },
): Promise<MailMessage[]> {
  return ex
    .select()
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function countMessages(ex: Executor): Promise<number> {
  const [row] = await ex.select({ n: count() }).from(mailOutbox);
  return row?.n ?? 0;
}

/** One delivery attempt's outcome: sent (error cleared) or the error text. */
export async function recordAttempt(
  ex: Executor,
  id: number,
  outcome: { sentAt: Date } | { error: string },
): Promise<void> {
  await ex
    .update(mailOutbox)
    .set({
      attempts: sql`${mailOutbox.attempts} + 1`,
      ...('sentAt' in outcome ? { sentAt: outcome.sentAt, error: null } : { error: outcome.error }),
    })
    .where(eq(mailOutbox.id, id));
}

export async function setTransport(
  ex: Executor,
  id: number,
  transport: MailMessage['transport'],
): Promise<void> {
  await ex.update(mailOutbox).set({ transport }).where(eq(mailOutbox.id, id));
}
