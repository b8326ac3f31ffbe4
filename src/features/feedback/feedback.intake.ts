// Storing feedback between campaigns: what the survey intake (src/features/survey/intake.ts) does
// with a submission whose code belongs to a campaign past its data collection. Same validation,
// idempotency and anti-fraud rules as campaign responses, but the row goes to feedback_responses
// (never counted in a campaign) with the quarter it belongs to. Feedback is rare next to a
// campaign's collection, so each is stored on its own (a few statements), not batched.
import { randomBytes } from 'node:crypto';
import type { ServiceDeps } from '../context.ts';
import {
  BURST_WINDOW_MS,
  fraudFlags,
  surveyValidationError,
  type FeedbackSink,
  type SubmitResult,
} from '../survey/submit-rules.ts';
import { saltedHash } from '../survey/salted-hash.ts';
import { localDate } from '../survey/window.ts';
import { feedbackChecks, feedbackIdByKey, insertFeedback, quarterSalt } from './feedback.repo.ts';
import { quarterOf } from './feedback.schema.ts';

const repeated = (id: number): SubmitResult => ({
  id,
  repeated: true,
  flags: [],
  kind: 'feedback',
});

export function createFeedbackIntake(deps: ServiceDeps): FeedbackSink {
  const { db } = deps;
  return async (target, p, now) => {
    const key = p.input.idempotencyKey ?? null;
    // A repeat with the same key answers the first id before validation and rate limiting.
    if (key !== null) {
      const first = await feedbackIdByKey(db, target.campaignId, key);
      if (first !== null) return repeated(first);
    }
    if (!p.checked.ok) throw surveyValidationError(p.checked.issues);
    const quarter = quarterOf(localDate(now, target.timezone));
    const salt = await quarterSalt(db, quarter, () => randomBytes(32), now);
    const h = (kind: string, v: string | null | undefined) =>
      salt && v ? saltedHash(salt, kind, v) : null;
    const clientHash = h('ip', p.input.clientAddress);
    const browserHash = h('browser', p.input.browserToken);
    const checks = await feedbackChecks(db, {
      organizationId: target.organizationId,
      quarter,
      clientHash,
      browserHash,
      hourSince: new Date(+now - 3.6e6),
      burstSince: new Date(+now - BURST_WINDOW_MS),
    });
    const flagReasons = fraudFlags(checks, clientHash, browserHash);
    const flags = Object.keys(flagReasons);
    const id = await insertFeedback(db, {
      organizationId: target.organizationId,
      campaignId: target.campaignId,
      surveyCode: target.code,
      channel: p.input.channel,
      answers: p.checked.answers as Record<string, boolean | string | number>,
      receivedAt: now,
      quarter,
      clientHash,
      uaHash: h('ua', p.input.userAgent),
      browserHash,
      idempotencyKey: key,
      flags,
      flagReasons,
    });
    if (id !== null) return { id, repeated: false, flags, kind: 'feedback' };
    // A concurrent request with the same key won the insert.
    const first = key !== null ? await feedbackIdByKey(db, target.campaignId, key) : null;
    if (first === null) throw new Error('feedback insert returned no row');
    return repeated(first);
  };
}
