// Anonymity (issue 4 "Anti-fraud without personal data"): the campaign's survey salt is destroyed
// in the same transaction that moves the campaign from `collecting` to `calculating`. Stored hashes
// stay as they were; if collection is reopened, a fresh salt makes new hashes that can never be
// linked to the old ones (the same address and browser hash differently, no «repeat» flag).
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { auditLog, surveyResponses, surveySalts } from '../../db/schema/index.ts';
import { createSurveyService, type SurveyService } from '../survey/survey.service.ts';
import {
  IN_WINDOW,
  createSurveyCampaign,
  minimal,
  type SurveyCampaign,
} from '../survey/survey.test-support.ts';
import { createCampaignsService } from './campaigns.service.ts';
import { admin, testDeps, type Campaigns, type TestClock } from './campaigns.test-support.ts';

describeBackends('survey salt and the campaign workflow', ({ db }) => {
  const clock: TestClock = { now: IN_WINDOW };
  let campaigns: Campaigns;
  let survey: SurveyService;
  let c: SurveyCampaign;

  const submit = () =>
    survey.submit({
      code: c.codes[0]!,
      answers: minimal(),
      channel: 'online',
      skipped: 'reject',
      clientAddress: '203.0.113.7',
      userAgent: 'Test/1.0',
      browserToken: 'browser-token-1',
    });
  const response = async (id: number) =>
    (await db().select().from(surveyResponses).where(eq(surveyResponses.id, id)))[0]!;
  const saltRow = async () =>
    (await db().select().from(surveySalts).where(eq(surveySalts.campaignId, c.campaignId)))[0];
  const audit = (action: string) =>
    db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(c.campaignId))));

  beforeAll(async () => {
    campaigns = createCampaignsService(testDeps(db(), clock));
    survey = createSurveyService(testDeps(db(), clock));
    c = await createSurveyCampaign(db(), { organizations: 1 });
  });

  it('collecting → calculating destroys the salt; the stored hashes stay', async () => {
    const first = await response((await submit()).id);
    expect(first.clientHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.browserHash).toMatch(/^[0-9a-f]{64}$/);
    const before = await saltRow();
    expect(before?.salt).toBeInstanceOf(Uint8Array);

    await campaigns.transition(admin, c.campaignId, { to: 'calculating' });

    const after = await saltRow();
    expect(after).toMatchObject({ salt: null, destroyedAt: IN_WINDOW });
    expect(
      await db().select().from(surveySalts).where(eq(surveySalts.campaignId, c.campaignId)),
    ).toHaveLength(1);
    expect(await response(first.id)).toMatchObject({
      clientHash: first.clientHash,
      uaHash: first.uaHash,
      browserHash: first.browserHash,
    });
    const [entry] = await audit('survey.salt_destroyed');
    expect(entry).toMatchObject({ actorLabel: admin.label, after: { destroyed: true } });
  });

  it('reopened collection gets a fresh salt: new hashes cannot be linked to the old ones', async () => {
    const [old] = await db()
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.campaignId, c.campaignId));
    await campaigns.transition(admin, c.campaignId, { to: 'collecting' });
    const renewed = await saltRow();
    expect(renewed?.salt).toBeInstanceOf(Uint8Array);
    expect(renewed?.destroyedAt).toBeNull();
    expect(await audit('survey.salt_renewed')).toHaveLength(1);

    // Same address, user agent and browser cookie as the first response.
    const again = await submit();
    const row = await response(again.id);
    expect(row.clientHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.clientHash).not.toBe(old!.clientHash);
    expect(row.uaHash).not.toBe(old!.uaHash);
    expect(row.browserHash).not.toBe(old!.browserHash);
    expect(again.flags).not.toContain('repeat_browser');
  });

  it('a failed move changes nothing: the salt survives a refused transition', async () => {
    // collecting → reporting is not allowed: the transaction (and the destruction) rolls back.
    await expect(
      campaigns.transition(admin, c.campaignId, { to: 'reporting' }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
    expect((await saltRow())?.salt).toBeInstanceOf(Uint8Array);
  });

  it('leaving collection without any online response creates no salt', async () => {
    const quiet = await createSurveyCampaign(db(), { organizations: 1 });
    await campaigns.transition(admin, quiet.campaignId, { to: 'calculating' });
    const rows = await db()
      .select()
      .from(surveySalts)
      .where(eq(surveySalts.campaignId, quiet.campaignId));
    expect(rows).toEqual([]);
  });
});
