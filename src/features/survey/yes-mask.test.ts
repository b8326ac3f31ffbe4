// The stored generated column yes_mask (src/db/schema/survey.ts): bit i−1 is set exactly when qi
// holds JSON `true`; every counting query relies on it instead of reading the answers.
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { surveyResponses, yesBit } from '../../db/schema/index.ts';
import { SURVEY_QUESTIONS } from '../../domain/scoring/input.ts';
import { describeBackends } from '../../../test/db.ts';
import { createSurveyCampaign } from './survey.test-support.ts';

const CASES: { name: string; answers: Record<string, unknown>; mask: number }[] = [
  { name: 'nothing answered', answers: {}, mask: 0 },
  { name: 'q1 only', answers: { q1: true }, mask: 1 },
  { name: 'q14 only', answers: { q14: true }, mask: 8192 },
  {
    name: 'every question «Да»',
    answers: Object.fromEntries(SURVEY_QUESTIONS.map((q) => [q, true])),
    mask: 16383,
  },
  { name: '«Нет» is not «Да»', answers: { q1: false, q2: true, q3: false }, mask: 2 },
  { name: 'a string "true" is not JSON true', answers: { q1: 'true', q5: true }, mask: 16 },
  {
    name: 'text and codes do not count',
    answers: { q15: 'да', q16: 1, q17: 3, q7: true },
    mask: 64,
  },
];

it('yesBit numbers the questions q1…q14 as bits 0…13', () => {
  expect(SURVEY_QUESTIONS.map((q) => yesBit(q))).toEqual(
    Array.from({ length: 14 }, (_, i) => 2 ** i),
  );
});

describeBackends('survey_responses.yes_mask', ({ db }) => {
  it.each(CASES)('$name → $mask', async ({ answers, mask }) => {
    const { campaignId, orgs } = await createSurveyCampaign(db(), { organizations: 1 });
    const [row] = await db()
      .insert(surveyResponses)
      .values({
        campaignId,
        organizationId: orgs[0]!.id,
        channel: 'online',
        answers: answers as Record<string, boolean>,
        valid: true,
      })
      .returning({ id: surveyResponses.id, mask: surveyResponses.yesMask });
    expect(row!.mask).toBe(mask);
    // Changing the answers recomputes the mask (moderation never does, but imports may).
    await db()
      .update(surveyResponses)
      .set({ answers: { q2: true } })
      .where(eq(surveyResponses.id, row!.id));
    const [after] = await db()
      .select({ mask: sql<number>`${surveyResponses.yesMask}` })
      .from(surveyResponses)
      .where(eq(surveyResponses.id, row!.id));
    expect(after!.mask).toBe(2);
  });
});
