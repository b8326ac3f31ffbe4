// Moderation of flagged responses on both backends: listing with filters, decisions with a
// mandatory reason, audit entries with before/after, counts moved, refusals, nothing changed on error.
import { and, desc, eq, inArray } from 'drizzle-orm';
import pino from 'pino';
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { parseConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { auditLog, campaigns, surveyResponses } from '../../db/schema/index.ts';
import type { Role } from '../../domain/permissions/index.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { createModerationService, type ModerationService } from './moderation.service.ts';
import { REASON_REQUIRED } from './moderation.schema.ts';
import { HALF_WINDOW, progressDataset } from './progress.test-support.ts';
import type { SurveyCampaign } from './survey.test-support.ts';

const deps = (db: Db): ServiceDeps => ({
  db,
  config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
  logger: pino({ level: 'silent' }),
  now: () => HALF_WINDOW,
});
const as = (role: Role, userId: number | undefined = undefined): Caller => ({
  role,
  ...(userId ? { userId } : {}),
  territoryId: role === 'municipal' ? 1 : null,
  organizationId: role === 'organization' ? 1 : null,
  label: `Оператор (${role})`,
});
const operator = as('operator');

describeBackends('survey moderation', ({ db }) => {
  let service: ModerationService;
  let c: SurveyCampaign;
  let other: SurveyCampaign;
  beforeAll(async () => {
    service = createModerationService(deps(db()));
    c = await progressDataset(db());
    other = await progressDataset(db());
  });

  it('lists undecided flagged responses by default, with filters and flag counts', async () => {
    const list = await service.flagged(operator, c.campaignId);
    expect(list.total).toBe(5);
    expect(
      list.rows.every((r) => r.moderation === null && r.organizationId === c.orgs[0]!.id),
    ).toBe(true);
    expect(list.flags).toEqual([
      { flag: 'burst', count: 8 },
      { flag: 'repeat_browser', count: 2 },
    ]);
    expect((await service.flagged(operator, c.campaignId, { flag: 'repeat_browser' })).total).toBe(
      2,
    );
    expect((await service.flagged(operator, c.campaignId, { status: 'excluded' })).total).toBe(2);
    expect((await service.flagged(operator, c.campaignId, { status: 'all' })).total).toBe(10);
    const none = await service.flagged(operator, c.campaignId, {
      organizationId: String(c.orgs[1]!.id),
    });
    expect(none.total).toBe(0);
    const page = await service.flagged(operator, c.campaignId, { limit: '2', offset: '4' });
    expect(page.rows).toHaveLength(1);
    await expect(
      service.flagged(operator, c.campaignId, { status: 'maybe' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('includes two responses with a reason: counted, audited with before/after', async () => {
    const ids = (await service.flagged(operator, c.campaignId, { flag: 'burst' })).rows
      .slice(0, 2)
      .map((r) => r.id);
    const res = await service.decide(as('operator', undefined), c.campaignId, {
      ids,
      decision: 'included',
      reason: '  Компьютерный класс школы  ',
    });
    expect(res).toEqual({ decided: 2, decision: 'included' });
    const rows = await db().select().from(surveyResponses).where(inArray(surveyResponses.id, ids));
    for (const row of rows) {
      expect(row).toMatchObject({
        moderation: 'included',
        moderationReason: 'Компьютерный класс школы',
        decidedAt: HALF_WINDOW,
      });
    }
    const audit = await db()
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'survey.moderate'),
          inArray(
            auditLog.entityId,
            ids.map((id) => String(id)),
          ),
        ),
      );
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      entityType: 'survey_response',
      actorLabel: 'Оператор (operator)',
      before: { moderation: null, moderationReason: null },
      after: {
        moderation: 'included',
        moderationReason: 'Компьютерный класс школы',
        campaignId: c.campaignId,
      },
    });
    const p = await service.progress(operator, c.campaignId);
    const a = p.organizations.find((o) => o.organizationId === c.orgs[0]!.id);
    expect(a).toMatchObject({ counted: 35, flagged: 3, excluded: 2 });
  });

  it('changes an earlier decision (exclude), the audit keeps what it was', async () => {
    const [first] = (await service.flagged(operator, c.campaignId, { status: 'included' })).rows;
    await service.decide(operator, c.campaignId, {
      ids: [first!.id],
      decision: 'excluded',
      reason: 'Повторная проверка',
    });
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, String(first!.id)), eq(auditLog.action, 'survey.moderate')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({
      before: { moderation: 'included' },
      after: { moderation: 'excluded', moderationReason: 'Повторная проверка' },
    });
    const p = await service.progress(operator, c.campaignId);
    expect(p.totals).toMatchObject({ excluded: 3 });
  });

  it.each([
    ['no reason', { decision: 'excluded' }, REASON_REQUIRED],
    ['blank reason', { decision: 'excluded', reason: '   ' }, REASON_REQUIRED],
    ['bad decision', { decision: 'maybe', reason: 'x' }, /decision/],
    ['no ids', { ids: [], decision: 'excluded', reason: 'x' }, /хотя бы один/],
  ])('%s → validation_failed, nothing changes', async (_, body, message) => {
    const before = await service.flagged(operator, c.campaignId);
    const ids = before.rows.map((r) => r.id);
    await expect(service.decide(operator, c.campaignId, { ids, ...body })).rejects.toMatchObject({
      code: 'validation_failed',
      message: typeof message === 'string' ? message : expect.stringMatching(message),
    });
    expect((await service.flagged(operator, c.campaignId)).total).toBe(before.total);
  });

  it('refuses ids of another campaign or not flagged, changing none of them', async () => {
    const mine = (await service.flagged(operator, c.campaignId)).rows[0]!.id;
    const foreign = (await service.flagged(operator, other.campaignId)).rows[0]!.id;
    const [clean] = await db()
      .select({ id: surveyResponses.id })
      .from(surveyResponses)
      .where(eq(surveyResponses.campaignId, c.campaignId))
      .limit(1);
    for (const bad of [foreign, clean!.id]) {
      await expect(
        service.decide(operator, c.campaignId, {
          ids: [mine, bad],
          decision: 'excluded',
          reason: 'x',
        }),
      ).rejects.toMatchObject({ code: 'not_found', message: new RegExp(`№ ${bad}`) });
    }
    const [row] = await db().select().from(surveyResponses).where(eq(surveyResponses.id, mine));
    expect(row!.moderation).toBeNull();
  });

  it('refuses decisions once results are published', async () => {
    await db()
      .update(campaigns)
      .set({ status: 'published' })
      .where(eq(campaigns.id, other.campaignId));
    const id = (await service.flagged(operator, other.campaignId)).rows[0]!.id;
    await expect(
      service.decide(operator, other.campaignId, { ids: [id], decision: 'included', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it.each(['expert', 'council', 'organization', 'municipal'] as const)(
    '%s is refused listing and deciding',
    async (role) => {
      await expect(service.flagged(as(role), c.campaignId)).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(
        service.decide(as(role), c.campaignId, { ids: [1], decision: 'included', reason: 'x' }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    },
  );
});
