// A finished monitor run asks for the recalculation of every campaign it feeds (issue 6 item 2):
// campaigns still calculated that include a checked organization; closed campaigns, campaigns
// where the organization is only proposed, and organizations not checked ask nothing.
import { eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import {
  campaignOrganizations,
  resultRecalculations,
  type CampaignStatus,
} from '../../db/schema/index.ts';
import type { JobSender } from '../context.ts';
import { createResultsCampaign, resultsDeps } from '../results/results.test-support.ts';
import { RECALCULATE_JOB } from '../results/results.schema.ts';
import { insertChecks, insertRun } from './monitor.repo.ts';
import { campaignsOfRun, recalculateAfterRun } from './monitor.recalculation.ts';

const NOW = new Date('2026-06-01T09:00:00Z');

describeBackends('monitor: recalculation after a run', ({ db }) => {
  const sent: { name: string; campaignId: number }[] = [];
  const jobs: JobSender = {
    send: (name, data) => {
      sent.push({ name, campaignId: (data as { campaignId: number }).campaignId });
      return Promise.resolve(`job-${sent.length}`);
    },
  };

  beforeEach(async () => {
    sent.length = 0;
    await db().delete(resultRecalculations);
  });

  /** A run with an `ok` check of each organization. */
  async function runChecking(organizationIds: number[]): Promise<number> {
    const run = await insertRun(db(), {
      scope: 'all',
      trigger: 'manual',
      status: 'done',
      requestedBy: 'Оператор',
    });
    await insertChecks(
      db(),
      organizationIds.map((organizationId) => ({
        runId: run.id,
        organizationId,
        url: `https://org-${organizationId}.example/`,
        kind: 'school',
        checkedAt: NOW,
        rulesetVersion: '1493+1353',
        catalogueVersion: 'test',
        status: 'ok' as const,
      })),
    );
    return run.id;
  }

  const campaign = (status: CampaignStatus, orgs = 2) =>
    createResultsCampaign(db(), { status, orgs: Array.from({ length: orgs }, () => ({})) });

  it.each([
    ['collecting', true],
    ['calculating', true],
    ['discussion', true],
    ['published', true],
    ['closed', false],
    ['draft', false],
  ] as const)('a campaign in status %s asks: %s', async (status, asks) => {
    const c = await campaign(status);
    const runId = await runChecking([c.orgs[0]!.id]);
    const queued = await recalculateAfterRun({ ...resultsDeps(db(), { now: NOW }), jobs }, runId);
    expect(queued).toEqual(asks ? [c.campaignId] : []);
    expect(sent).toEqual(asks ? [{ name: RECALCULATE_JOB, campaignId: c.campaignId }] : []);
  });

  it('lists each fed campaign once, and only for included organizations that were checked', async () => {
    const a = await campaign('collecting', 3);
    const b = await campaign('calculating', 1);
    const untouched = await campaign('calculating', 1);
    await db()
      .update(campaignOrganizations)
      .set({ status: 'proposed' })
      .where(eq(campaignOrganizations.campaignId, b.campaignId));
    const runId = await runChecking([a.orgs[0]!.id, a.orgs[2]!.id, b.orgs[0]!.id]);
    const fed = await campaignsOfRun(db(), runId);
    expect(fed).toEqual([{ campaignId: a.campaignId, status: 'collecting' }]);
    expect(fed.map((f) => f.campaignId)).not.toContain(untouched.campaignId);
  });

  it('asks nothing without a job queue (CLI runs)', async () => {
    const c = await campaign('collecting');
    const runId = await runChecking([c.orgs[0]!.id]);
    expect(await recalculateAfterRun(resultsDeps(db(), { now: NOW }), runId)).toEqual([]);
  });
});
