// Hand-built dataset for the sample-control and moderation tests: responses inserted in bulk
// straight into the database with known mixes of counted, flagged, excluded, invalid and feedback.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { organizations, surveyResponses, type NewSurveyResponse } from '../../db/schema/index.ts';
import { createRegion } from '../../../test/fixtures.ts';
import { createSurveyCampaign, minimal, type SurveyCampaign } from './survey.test-support.ts';

export interface ResponseMix {
  clean?: number;
  /** Flagged, no decision yet: [flag, how many]. */
  flagged?: Array<[string, number]>;
  included?: number;
  excluded?: number;
  invalid?: number;
  feedback?: number;
}

export async function insertResponses(
  ex: Executor,
  campaignId: number,
  organizationId: number,
  mix: ResponseMix,
): Promise<void> {
  const base: NewSurveyResponse = {
    campaignId,
    organizationId,
    channel: 'online',
    answers: { ...minimal() },
    valid: true,
    submittedAt: new Date('2026-04-01T10:00:00Z'),
  };
  const rows: NewSurveyResponse[] = [];
  const add = (n: number, extra: Partial<NewSurveyResponse>) => {
    for (let i = 0; i < n; i++) rows.push({ ...base, ...extra });
  };
  add(mix.clean ?? 0, {});
  for (const [flag, n] of mix.flagged ?? []) {
    add(n, { flags: [flag], flagReasons: { [flag]: `причина ${flag}` } });
  }
  const burst = { flags: ['burst'], flagReasons: { burst: 'много ответов' } };
  add(mix.included ?? 0, { ...burst, moderation: 'included', moderationReason: 'проверено' });
  add(mix.excluded ?? 0, { ...burst, moderation: 'excluded', moderationReason: 'накрутка' });
  add(mix.invalid ?? 0, { valid: false });
  add(mix.feedback ?? 0, { isFeedback: true });
  for (let i = 0; i < rows.length; i += 500) {
    await ex.insert(surveyResponses).values(rows.slice(i, i + 500));
  }
}

/**
 * Four organizations, default sample (share 0.40, cap 600), window 2026-03-01 … 2026-05-31
 * (Europe/Moscow):
 *   A: contingent 100 → required 40; 30 clean + 3 included = 33 counted; flagged 3 burst +
 *      2 repeat_browser undecided; 2 excluded; 4 invalid and 2 feedback (never counted).
 *   B: contingent 50 → required 20; nothing.
 *   C: contingent 2000 → required 600 (cap); 200 counted; in the second municipality.
 *   D: contingent 10 → required 4; 6 counted (surplus).
 */
export async function progressDataset(ex: Executor): Promise<SurveyCampaign> {
  const c = await createSurveyCampaign(ex, { organizations: 4, contingents: [100, 50, 2000, 10] });
  const [a, , cc, d] = c.orgs;
  const other = await createRegion(ex);
  // C moves to a municipality of its own (named so that it sorts after A/B/D's «Город …»).
  await ex
    .update(organizations)
    .set({ municipalityId: other.municipalities[1].id })
    .where(eq(organizations.id, cc!.id));
  await insertResponses(ex, c.campaignId, a!.id, {
    clean: 30,
    included: 3,
    flagged: [
      ['burst', 3],
      ['repeat_browser', 2],
    ],
    excluded: 2,
    invalid: 4,
    feedback: 2,
  });
  await insertResponses(ex, c.campaignId, cc!.id, { clean: 200 });
  await insertResponses(ex, c.campaignId, d!.id, { clean: 6 });
  return c;
}

/** The middle of the default window in Moscow time: 46 of 92 days elapsed. */
export const HALF_WINDOW = new Date('2026-04-15T21:00:00Z');
