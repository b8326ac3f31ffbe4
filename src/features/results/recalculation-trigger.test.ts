// Changes of a campaign's inputs queue one debounced recalculation (issue 6 item 2), on both
// backends: paper entry, file import, moderation decisions and the expert's checklist work ask for
// it; second paper entries, self-reports and campaigns outside the trigger statuses do not.
import { eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import type { Db } from '../../db/client.ts';
import { campaigns, resultRecalculations } from '../../db/schema/index.ts';
import {
  allItems,
  callerFor,
  createChecklistCampaign,
} from '../checklists/checklists.test-support.ts';
import { createChecklistsService } from '../checklists/checklists.service.ts';
import type { JobSender, ServiceDeps } from '../context.ts';
import { createSurveyImportService } from '../survey/import.service.ts';
import { createModerationService } from '../survey/moderation.service.ts';
import { createPaperService } from '../survey/paper.service.ts';
import { testDeps, userCaller } from '../survey/paper.test-support.ts';
import { HALF_WINDOW, progressDataset } from '../survey/progress.test-support.ts';
import { createSurveyCampaign, minimal } from '../survey/survey.test-support.ts';
import { createRecalculationTrigger } from './recalculation-trigger.ts';
import { RECALCULATE_JOB } from './results.schema.ts';

interface Sent {
  name: string;
  data: object;
  singletonKey: string | undefined;
}

describeBackends('results: recalculation requests from changed inputs', ({ db }) => {
  const sent: Sent[] = [];
  const jobs: JobSender = {
    send: (name, data, options) => {
      sent.push({ name, data, singletonKey: options?.singletonKey });
      return Promise.resolve(`job-${sent.length}`);
    },
  };
  const withJobs = (d: Db): ServiceDeps => ({ ...testDeps(d), now: () => HALF_WINDOW, jobs });
  const queued = () => sent.map((s) => (s.data as { campaignId: number }).campaignId);

  beforeEach(async () => {
    sent.length = 0;
    // Every case starts with no request waiting (the job would have released it).
    await db().delete(resultRecalculations);
  });

  it('paper entry asks once per campaign; a second entry does not ask', async () => {
    const paper = createPaperService(withJobs(db()));
    const c = await createSurveyCampaign(db());
    const op = await userCaller(db(), 'operator', 'Оператор Пересчёта');
    const at = { campaignId: c.campaignId, organizationId: c.orgs[0]!.id, batchNumber: 'П-1' };
    await paper.enterPaper(op, { ...at, answers: minimal() });
    await paper.enterPaper(op, { ...at, answers: minimal() });
    expect(sent).toEqual([
      {
        name: RECALCULATE_JOB,
        data: { campaignId: c.campaignId },
        singletonKey: `results:${c.campaignId}`,
      },
    ]);
    await db().delete(resultRecalculations);
    await paper.enterSecond(op, { ...at, sequenceNumber: 1, answers: minimal() });
    expect(sent).toHaveLength(1);
  });

  it('a file import that adds answers asks; one that adds nothing does not', async () => {
    const imp = createSurveyImportService(withJobs(db()));
    const c = await createSurveyCampaign(db());
    const op = await userCaller(db(), 'operator', 'Оператор Импорта Пересчёта');
    const header = Array.from({ length: 14 }, (_, i) => `Вопрос ${i + 1}`);
    const row = ['Нет', '', 'Нет', '', 'Да', 'Нет', '', 'Да', 'Да', 'Нет', '', 'Да', 'Да', 'Да'];
    const text = [header, row].map((r) => r.map((v) => `"${v}"`).join(';')).join('\r\n');
    const bytes = new TextEncoder().encode(text);
    const up = await imp.upload(op, { name: 'a.csv', bytes });
    const mapping = Object.fromEntries(header.map((_, i) => [`q${i + 1}`, i]));
    const input = {
      campaignId: c.campaignId,
      fileId: up.fileId,
      organizationId: c.orgs[0]!.id,
      mapping,
    };
    expect((await imp.commit(op, input)).added).toBe(1);
    expect(queued()).toEqual([c.campaignId]);
    await db().delete(resultRecalculations);
    expect((await imp.commit(op, input)).added).toBe(0);
    expect(queued()).toEqual([c.campaignId]);
  });

  it('a moderation decision asks', async () => {
    const moderation = createModerationService(withJobs(db()));
    const c = await progressDataset(db());
    const op = await userCaller(db(), 'operator', 'Модератор Пересчёта');
    const ids = (await moderation.flagged(op, c.campaignId)).rows.slice(0, 1).map((r) => r.id);
    await moderation.decide(op, c.campaignId, { ids, decision: 'excluded', reason: 'Накрутка' });
    expect(queued()).toEqual([c.campaignId]);
  });

  it('the expert’s answers, confirmation and reopening ask; a self-report does not', async () => {
    const keys = ['telephone', 'email', 'e_service', 'faq', 'quality_opinion', 'other'];
    // The site monitor lists every channel, so the expert's «есть» needs no reasons.
    const service = createChecklistsService(withJobs(db()), {
      siteFeed: (_ex, _c, ids) =>
        Promise.resolve(
          new Map(
            ids.map((id) => [
              id,
              {
                checkedAt: '2026-04-01T03:00:00.000Z',
                channels: Object.fromEntries(keys.map((k) => [k, true])),
                site: { present: 40, required: 50 },
              },
            ]),
          ),
        ),
    });
    const c = await createChecklistCampaign(db(), {
      status: 'calculating',
      orgs: [{ kind: 'school' }],
    });
    const org = c.orgs[0]!;
    const school = await callerFor(db(), 'organization', org.id);
    await service.save(school, c.campaignId, org.id, {
      side: 'declared',
      items: allItems('school').slice(0, 3),
    });
    expect(sent).toEqual([]);
    const expert = await callerFor(db(), 'expert');
    await service.save(expert, c.campaignId, org.id, {
      side: 'confirmed',
      items: allItems('school'),
      channels: keys.map((key) => ({ key, listed: true })),
    });
    expect(queued()).toEqual([c.campaignId]);
    await db().delete(resultRecalculations);
    await service.complete(expert, c.campaignId, org.id);
    await db().delete(resultRecalculations);
    await service.reopen(expert, c.campaignId, org.id, { reason: 'Ошибка в пункте стенда' });
    expect(queued()).toEqual([c.campaignId, c.campaignId, c.campaignId]);
  });

  it('asks only in the trigger statuses, and never fails the change without a queue', async () => {
    const c = await createSurveyCampaign(db());
    const trigger = createRecalculationTrigger(withJobs(db()));
    for (const status of ['draft', 'list_approved', 'closed'] as const) {
      await db().update(campaigns).set({ status }).where(eq(campaigns.id, c.campaignId));
      expect(await trigger(c.campaignId)).toBe(false);
    }
    await db().update(campaigns).set({ status: 'published' }).where(eq(campaigns.id, c.campaignId));
    expect(await trigger(c.campaignId)).toBe(true);
    expect(await createRecalculationTrigger(testDeps(db()))(c.campaignId, 'published')).toBe(false);
    const failing = createRecalculationTrigger({
      ...withJobs(db()),
      jobs: { send: () => Promise.reject(new Error('очередь недоступна')) },
    });
    await db().delete(resultRecalculations);
    expect(await failing(c.campaignId, 'discussion')).toBe(false);
    expect(queued()).toEqual([c.campaignId]);
  });
});
