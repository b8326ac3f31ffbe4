// checklistInputs: the numbers the scoring pipeline receives, for a hand-checked case.
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { campaignOrganizations } from '../../db/schema/index.ts';
import { createOrganizationRow, createRegion } from '../../../test/fixtures.ts';
import { checklistInputs } from './checklist-inputs.ts';
import { createChecklistsService } from './checklists.service.ts';
import {
  allItems,
  callerFor,
  createChecklistCampaign,
  testDeps,
  VISIT_DAY,
  type ChecklistCampaign,
} from './checklists.test-support.ts';

describeBackends('checklistInputs', ({ db }) => {
  let c: ChecklistCampaign;
  beforeAll(async () => {
    c = await createChecklistCampaign(db(), {
      orgs: [{ kind: 'preschool' }, { kind: 'school' }, { kind: 'additional' }],
    });
    // An organization proposed but not included is not scored.
    const other = await createOrganizationRow(db(), await createRegion(db()));
    await db()
      .insert(campaignOrganizations)
      .values({ campaignId: c.campaignId, organizationId: other.id, status: 'excluded' });
    const svc = createChecklistsService(testDeps(db(), { now: VISIT_DAY }));
    const expert = await callerFor(db(), 'expert');
    const [preschool, school] = c.orgs;

    // Preschool: 14 stand items; vacancies «не применимо», founders and structure «нет».
    // Channels: telephone listed + answered; e-mail listed, no reply in time; e_service listed +
    // works; faq works but not listed; quality_opinion listed + works; other not listed.
    // Comfort 4 of 5; premises 1 (+1 n/a); services 2.
    const answers: Record<string, 'yes' | 'no' | 'na'> = {
      'stand:vacancies': 'na',
      'stand:founders': 'no',
      'stand:structure': 'no',
      'remoteChannels:other': 'no',
      'comfort:drinking_water': 'no',
      'premises:parking': 'no',
      'premises:adapted_lifts': 'na',
      'premises:wheelchairs': 'no',
      'premises:accessible_toilets': 'no',
      'services:braille': 'no',
      'services:sign_interpreter': 'no',
      'services:visually_impaired_site': 'no',
      'services:remote_education': 'no',
    };
    const items = allItems('preschool', (s, k) => answers[`${s}:${k}`] ?? 'yes').filter(
      (i) => !(i.section === 'remoteChannels' && (i.key === 'telephone' || i.key === 'email')),
    );
    await svc.save(expert, c.campaignId, preschool!.id, {
      side: 'confirmed',
      items,
      channels: [
        {
          key: 'telephone',
          listed: true,
          test: { callDate: '2026-04-14', callTime: '11:00', callAnswered: true },
        },
        { key: 'email', listed: true, test: { letterSentOn: '2026-04-01' } },
        { key: 'e_service', listed: true },
        { key: 'faq', listed: false },
        { key: 'quality_opinion', listed: true },
        { key: 'other', listed: false },
      ],
      siteOverride: { present: 30, required: 41, reason: 'Сайт переехал' },
    });
    await svc.complete(expert, c.campaignId, preschool!.id);
    // School: only two stand items so far.
    await svc.save(expert, c.campaignId, school!.id, {
      side: 'confirmed',
      items: [
        { section: 'stand', key: 'name', answer: 'yes' },
        { section: 'stand', key: 'founders', answer: 'no' },
      ],
    });
  });

  it('counts the confirmed answers of every included organization', async () => {
    const inputs = await checklistInputs(db(), c.campaignId);
    // The additional-education organization has no checklist yet: absent.
    expect([...inputs.keys()].sort((a, b) => a - b)).toEqual([c.orgs[0]!.id, c.orgs[1]!.id]);
    const [preschool, school] = c.orgs.map((o) => inputs.get(o.id));
    expect(preschool).toMatchObject({
      complete: true,
      status: 'confirmed',
      stand: { present: 11, required: 13 },
      remoteChannels: 3,
      comfortConditions: 4,
      premisesAccessibility: 1,
      serviceAccessibility: 2,
      siteOverride: { present: 30, required: 41, reason: 'Сайт переехал' },
      unanswered: [],
    });
    expect(preschool!.notApplicable.map((n) => n.key)).toEqual(['vacancies', 'adapted_lifts']);
    expect(preschool!.missing.map((m) => `${m.section}:${m.key}`)).toEqual([
      'stand:founders',
      'stand:structure',
      'remoteChannels:email',
      'remoteChannels:faq',
      'remoteChannels:other',
      'comfort:drinking_water',
      'premises:parking',
      'premises:wheelchairs',
      'premises:accessible_toilets',
      'services:braille',
      'services:sign_interpreter',
      'services:visually_impaired_site',
      'services:remote_education',
    ]);
    expect(school).toMatchObject({
      complete: false,
      status: 'in_review',
      stand: { present: 1, required: 15 },
      remoteChannels: 0,
      siteOverride: null,
    });
    expect(school!.unanswered).toHaveLength(13 + 6 + 5 + 5 + 6);
  });

  it('fails in Russian for an unknown campaign', async () => {
    await expect(checklistInputs(db(), 987654)).rejects.toMatchObject({ code: 'not_found' });
  });
});
