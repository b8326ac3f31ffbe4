// Demo survey responses: every organization of a demo campaign gets answers from a reproducible
// "respondent population" of its own (some organizations are liked more than others, a few have
// an accessible-environment problem), following the questionnaire's skip logic exactly, so the
// progress page, the scores and the shortcomings of the demo look like a real region's.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { boolArray, intArray, jsonbArray, textArray, timestamptzArray } from '../../db/bulk.ts';
import { campaignOrganizations, campaigns, organizations } from '../../db/schema/index.ts';
import { requiredSample } from '../../domain/scoring/index.ts';
import { createRng, type Rng } from './random.ts';

export interface ResponseSeedInput {
  campaignId: number;
  /** Share of the required sample each organization has collected (called per organization). */
  fill: (rng: Rng) => number;
  /** Submission times are spread over this interval. */
  from: Date;
  to: Date;
  seed: number;
}

type Answers = Record<string, boolean | string | number>;

/** Per-organization satisfaction levels: most are good, some weak in one area. */
interface Profile {
  base: number;
  access: number;
  site: number;
}

function profile(rng: Rng): Profile {
  const base = 0.72 + rng.next() * 0.25;
  return {
    base,
    access: rng.chance(0.25) ? base - 0.25 : base,
    site: rng.chance(0.2) ? base - 0.2 : base,
  };
}

/** One questionnaire answered by the skip rules of questionnaire.md (q1→q2, q3→q4, q6→q7, q10→q11). */
export function demoAnswers(rng: Rng, p: Profile): Answers {
  const yes = (share: number) => rng.chance(Math.max(0.05, Math.min(0.995, share)));
  const a: Answers = {};
  a.q1 = rng.chance(0.7);
  if (a.q1) a.q2 = yes(p.base + 0.05);
  a.q3 = rng.chance(0.6);
  if (a.q3) a.q4 = yes(p.site);
  a.q5 = yes(p.base);
  a.q6 = rng.chance(0.06);
  if (a.q6) a.q7 = yes(p.access);
  a.q8 = yes(p.base + 0.08);
  a.q9 = yes(p.base + 0.06);
  a.q10 = rng.chance(0.55);
  if (a.q10) a.q11 = yes(p.base + 0.04);
  a.q12 = yes(p.base);
  a.q13 = yes(p.base - 0.02);
  a.q14 = yes(p.base + 0.02);
  if (rng.chance(0.5)) a.q16 = rng.chance(0.7) ? 'female' : 'male';
  if (rng.chance(0.4)) a.q17 = rng.int(25, 55);
  if (rng.chance(0.6)) a.q18 = rng.chance(0.85) ? 'parent' : 'student';
  if (rng.chance(0.04)) a.q15 = rng.pick(SUGGESTIONS);
  return a;
}

const SUGGESTIONS = [
  'Сделать пандус у главного входа',
  'Обновить информацию на сайте о расписании',
  'Поставить кулер с питьевой водой в холле',
  'Добавить версию сайта для слабовидящих',
  'Удобнее организовать запись на консультации',
];

const CHUNK = 5000;

/** Inserts the demo responses of one campaign; returns how many were stored. */
export async function seedDemoResponses(tx: Tx, input: ResponseSeedInput): Promise<number> {
  const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, input.campaignId));
  if (!campaign) return 0;
  const orgs = await tx
    .select({ id: organizations.id, contingent: organizations.contingent })
    .from(campaignOrganizations)
    .innerJoin(organizations, eq(organizations.id, campaignOrganizations.organizationId))
    .where(
      and(
        eq(campaignOrganizations.campaignId, input.campaignId),
        eq(campaignOrganizations.status, 'included'),
      ),
    )
    .orderBy(organizations.id);
  const rng = createRng(input.seed);
  const span = Math.max(1, input.to.getTime() - input.from.getTime());
  const rows: { org: number; answers: Answers; at: Date }[] = [];
  for (const org of orgs) {
    const required = requiredSample(org.contingent ?? 0, campaign.methodology.sample);
    const n = Math.round(required * input.fill(rng));
    const p = profile(rng);
    for (let i = 0; i < n; i++) {
      rows.push({
        org: org.id,
        answers: demoAnswers(rng, p),
        at: new Date(input.from.getTime() + rng.next() * span),
      });
    }
  }
  for (let i = 0; i < rows.length; i += CHUNK)
    await insertChunk(tx, input.campaignId, rows.slice(i, i + CHUNK));
  return rows.length;
}

async function insertChunk(
  tx: Tx,
  campaignId: number,
  rows: readonly { org: number; answers: Answers; at: Date }[],
): Promise<void> {
  await tx.execute(sql`
    insert into survey_responses (campaign_id, organization_id, channel, answers, valid, submitted_at)
    select ${campaignId}, * from unnest(${intArray(rows.map((r) => r.org))},
      ${textArray(rows.map(() => 'online'))}, ${jsonbArray(rows.map((r) => r.answers))},
      ${boolArray(rows.map(() => true))}, ${timestamptzArray(rows.map((r) => r.at))})`);
}
