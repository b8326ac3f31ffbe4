// The application's providers in the calculation's terms: the checklist feature's inputs and the
// site monitor's feed, mapped field by field; the expert's correction of the site counts wins over
// the monitor's; and, with nothing collected yet, both providers report nothing.
import { describe, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { methodologyVersion } from '../../domain/scoring/index.ts';
import { emptyCounts } from '../../domain/survey/counts.ts';
import type { ChecklistInputs } from '../checklists/checklist-inputs.ts';
import { checklistFacts, defaultInputsSource, siteFacts } from './inputs.ts';
import { prepareOrganization, type CalculationOrganization } from './prepare.ts';
import { WORKED_CHECKLIST, createResultsCampaign } from './results.test-support.ts';

describe('provider adapters', () => {
  it('maps a confirmed checklist with its missing items and site correction', () => {
    const inputs = {
      ...WORKED_CHECKLIST,
      complete: true,
      status: 'confirmed',
      siteOverride: { present: 45, required: 50, reason: 'сайт переехал' },
      missing: [{ section: 'comfort', key: 'drinking_water', number: 3, title: 'Вода' }],
      unanswered: [],
      notApplicable: [],
    } as ChecklistInputs;
    expect(checklistFacts(inputs)).toEqual({
      ...WORKED_CHECKLIST,
      missing: [{ section: 'comfort', key: 'drinking_water' }],
      siteOverride: { present: 45, required: 50, reason: 'сайт переехал' },
    });
  });

  it('maps a site feed entry', () => {
    expect(
      siteFacts({
        site: { present: 40, required: 50 },
        channelsListed: ['telephone', 'faq'],
        checkId: 7,
        checkedAt: new Date('2026-04-01T10:00:00Z'),
        rulesetVersion: '1493+1353',
      }),
    ).toEqual({
      site: { present: 40, required: 50 },
      checkedAt: '2026-04-01T10:00:00.000Z',
      channels: { telephone: true, faq: true },
    });
  });

  it('scores the expert-corrected site counts instead of the monitor’s', () => {
    const org: CalculationOrganization = {
      organizationId: 1,
      kind: 'school',
      municipalityId: 1,
      contingent: 0,
      applicability: {},
      survey: emptyCounts(),
      flagged: 0,
      excluded: 0,
      checklist: {
        ...WORKED_CHECKLIST,
        siteOverride: { present: 45, required: 50, reason: 'сайт переехал' },
      },
      site: { site: { present: 10, required: 50 }, checkedAt: '2026-04-01T10:00:00.000Z' },
    };
    const p = prepareOrganization(org, methodologyVersion(), new Date('2026-06-01T00:00:00Z'));
    expect(p.input.site).toEqual({ present: 45, required: 50 });
    expect(p.sources.site).toMatchObject({
      status: 'expert',
      note: 'исправлено экспертом: сайт переехал',
    });
    expect(p.flags).not.toContain('no_site_data');
  });

  it('corrects impossible provider counts and flags them', () => {
    const org: CalculationOrganization = {
      organizationId: 2,
      kind: 'school',
      municipalityId: 1,
      contingent: 0,
      applicability: {},
      survey: emptyCounts(),
      flagged: 0,
      excluded: 0,
      checklist: { ...WORKED_CHECKLIST, stand: { present: 12, required: 10 } },
      site: { site: { present: 0, required: 0 } },
    };
    const p = prepareOrganization(org, methodologyVersion(), new Date('2026-06-01T00:00:00Z'));
    expect(p.input.stand).toEqual({ present: 10, required: 10 });
    expect(p.input.site).toEqual({ present: 0, required: 1 });
    expect(p.flags).toContain('input_corrected');
  });
});

describeBackends('application providers', ({ db }) => {
  it('report nothing for a campaign without checklists or site checks', async () => {
    const c = await createResultsCampaign(db(), { status: 'collecting' });
    expect((await defaultInputsSource.checklists(db(), c.campaignId)).size).toBe(0);
    expect((await defaultInputsSource.sites(db(), c.campaignId, new Date())).size).toBe(0);
  });
});
