// The default site feed reads the site monitor's stored checks: «указан на сайте» and Исайт /
// Инорм.сайт prefill the expert's checklist.
import { expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { CATALOGUE, rulesetFor } from '../../domain/site-requirements/index.ts';
import { insertCheck, insertRun } from '../monitor/monitor.repo.ts';
import { createChecklistsService } from './checklists.service.ts';
import {
  callerFor,
  createChecklistCampaign,
  testDeps,
  VISIT_DAY,
} from './checklists.test-support.ts';

describeBackends('checklists with the site monitor', ({ db }) => {
  it('prefills listed channels and the site counts from the last check', async () => {
    const c = await createChecklistCampaign(db(), {
      orgs: [{ kind: 'school' }, { kind: 'school' }],
    });
    const run = await insertRun(db(), { scope: 'all', trigger: 'manual', requestedBy: 'тест' });
    const checkedAt = new Date('2025-06-01T10:00:00Z');
    await insertCheck(db(), {
      runId: run.id,
      organizationId: c.orgs[0]!.id,
      url: 'https://school.example/',
      kind: 'school',
      checkedAt,
      rulesetVersion: rulesetFor(checkedAt).version,
      catalogueVersion: CATALOGUE.version,
      status: 'ok',
      items: [],
      channels: [
        { channel: 'telephone', detected: true, evidence: 'tel:+7' },
        { channel: 'faq', detected: true, evidence: 'Вопрос-ответ' },
        { channel: 'email', detected: false, evidence: null },
      ],
    });
    const svc = createChecklistsService(testDeps(db(), { now: VISIT_DAY }));
    const expert = await callerFor(db(), 'expert');
    const v = await svc.get(expert, c.campaignId, c.orgs[0]!.id);
    expect(v.site.monitor).toMatchObject({ checkedAt: checkedAt.toISOString(), present: 0 });
    expect(v.site.monitor!.required).toBeGreaterThan(0);
    const listed = Object.fromEntries(
      v.sections[1]!.items.map((i) => [i.key, i.channel?.monitorListed]),
    );
    expect(listed).toEqual({
      telephone: true,
      email: false,
      e_service: false,
      faq: true,
      quality_opinion: false,
      other: false,
    });
    // Saving «listed» as the monitor says needs no reason; the other organization has no check.
    await svc.save(expert, c.campaignId, c.orgs[0]!.id, {
      side: 'confirmed',
      channels: [{ key: 'telephone', listed: true }],
    });
    const none = await svc.get(expert, c.campaignId, c.orgs[1]!.id);
    expect(none.site.monitor).toBeNull();
    expect(none.sections[1]!.items[0]!.channel?.monitorListed).toBeNull();
  });
});
