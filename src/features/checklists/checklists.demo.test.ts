// seedChecklists over the real demo region: confirmed checklists that the scoring inputs accept,
// self-reports waiting for the expert, the demo organization's own checklist left empty.
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { campaigns, users } from '../../db/schema/index.ts';
import { hashPassword } from '../accounts/password.ts';
import { DEMO_PASSWORD } from '../demo/logins.ts';
import { seedDemo } from '../demo/seed.ts';
import { checklistInputs } from './checklist-inputs.ts';
import { seedChecklists, type ChecklistSeedSummary } from './checklists.demo.ts';

const NOW = new Date('2026-05-12T09:00:00Z');

describeBackends('demo checklists', ({ db }) => {
  let summary: ChecklistSeedSummary;
  let campaignId: number;
  beforeAll(async () => {
    // The demo seed fills the checklists itself; its summary says what it did.
    ({ checklists: summary } = await seedDemo(db(), {
      now: NOW,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      organizations: 60,
    }));
    const [c] = await db().select().from(campaigns).where(eq(campaigns.status, 'collecting'));
    campaignId = c!.id;
  });

  it('fills the collecting campaign only', () => {
    expect(summary.campaigns).toBe(1);
    expect(summary.confirmed).toBeGreaterThan(0);
    expect(summary.selfReported).toBeGreaterThan(0);
  });

  it('gives the scoring pipeline complete, valid inputs for confirmed checklists', async () => {
    const inputs = await checklistInputs(db(), campaignId);
    const confirmed = [...inputs.values()].filter((i) => i.complete);
    expect(confirmed).toHaveLength(summary.confirmed);
    for (const i of confirmed) {
      expect(i.unanswered).toEqual([]);
      expect(i.stand.required).toBeGreaterThanOrEqual(13);
      expect(i.stand.present).toBeLessThanOrEqual(i.stand.required);
      expect(i.remoteChannels).toBeLessThanOrEqual(6);
      expect(i.comfortConditions).toBeLessThanOrEqual(5);
    }
    expect([...inputs.values()].filter((i) => i.status === 'self_reported')).toHaveLength(
      summary.selfReported,
    );
  });

  it('leaves the demo organization account a fresh checklist', async () => {
    const [u] = await db().select().from(users).where(eq(users.email, 'school@demo.noko'));
    const inputs = await checklistInputs(db(), campaignId);
    expect(inputs.has(u!.organizationId!)).toBe(false);
  });

  it('adds nothing on a second run', async () => {
    expect(await seedChecklists(db(), { now: NOW })).toEqual({
      campaigns: 0,
      confirmed: 0,
      selfReported: 0,
    });
  });
});
