// The feedback API over the whole HTTP app: POST /public/feedback mirrors /public/responses
// (201, Idempotency-Key repeat 200, stable error codes, nothing stored on 4xx); the summary needs
// the feedback right.
import { beforeAll, expect, it } from 'vitest';
import { createTestApp, jsonRequest, loginAs, type TestApp } from '../../../test/app.ts';
import { describeBackends } from '../../../test/db.ts';
import { countResponses } from '../survey/survey.repo.ts';
import {
  createSurveyCampaign,
  minimal,
  type SurveyCampaign,
} from '../survey/survey.test-support.ts';
import { countFeedback } from './feedback.repo.ts';

const URL = '/api/v1/public/feedback';
const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describeBackends('feedback API', ({ db }) => {
  let app: TestApp;
  let done: SurveyCampaign;
  let open: SurveyCampaign;
  let early: SurveyCampaign;
  beforeAll(async () => {
    app = createTestApp(db(), { now: new Date('2026-11-05T10:00:00Z') });
    done = await createSurveyCampaign(db(), { status: 'discussion', organizations: 1 });
    open = await createSurveyCampaign(db(), { status: 'collecting', organizations: 1 });
    early = await createSurveyCampaign(db(), { status: 'draft', organizations: 1 });
  });

  it('stores feedback: 201 with its id; a repeat with the same key 200, stored once', async () => {
    const body = { surveyCode: done.codes[0], answers: minimal() };
    const responses = await countResponses(db());
    const first = await app.request(URL, post(body, { 'idempotency-key': 'fb-api-1' }));
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as { id: number };
    const stored = await countFeedback(db());
    const again = await app.request(URL, post(body, { 'idempotency-key': 'fb-api-1' }));
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(await again.json()).toEqual({ id });
    expect(await countFeedback(db())).toBe(stored);
    expect(await countResponses(db())).toBe(responses);
  });

  it('the responses API refuses the same code after collection (410)', async () => {
    const res = await app.request(
      '/api/v1/public/responses',
      post({ surveyCode: done.codes[0], answers: minimal() }),
    );
    expect(res.status).toBe(410);
  });

  const bad: [string, () => RequestInit, number, string][] = [
    [
      'collecting campaign',
      () => post({ surveyCode: open.codes[0], answers: minimal() }),
      409,
      'conflict',
    ],
    ['not started', () => post({ surveyCode: early.codes[0], answers: minimal() }), 410, 'gone'],
    ['unknown code', () => post({ surveyCode: 'ZZZZZZZZ', answers: minimal() }), 404, 'not_found'],
    [
      'invalid answers',
      () => post({ surveyCode: done.codes[0], answers: { q1: 'Да' } }),
      400,
      'validation_failed',
    ],
    ['malformed JSON', () => post('{"surveyCode":'), 400, 'validation_failed'],
    [
      'oversize body',
      () => post({ surveyCode: done.codes[0], answers: { ...minimal(), q15: 'x'.repeat(40_000) } }),
      413,
      'payload_too_large',
    ],
  ];
  it.each(bad)('%s → %i %s, nothing stored', async (_, init, status, code) => {
    const before = [await countFeedback(db()), await countResponses(db())];
    const res = await app.request(URL, init());
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    expect([await countFeedback(db()), await countResponses(db())]).toEqual(before);
  });

  it('the quarterly summary answers staff in their scope and refuses the public', async () => {
    const op = await loginAs(app, db(), 'operator');
    const res = await app.request(
      '/api/v1/feedback/summary?quarter=2026-Q4',
      jsonRequest(op, 'GET'),
    );
    expect(res.status).toBe(200);
    const summary = (await res.json()) as {
      quarter: string;
      organizations: { id: number; counts: { responses: number } }[];
    };
    expect(summary.quarter).toBe('2026-Q4');
    expect(summary.organizations.find((o) => o.id === done.orgs[0]!.id)?.counts.responses).toBe(1);
    expect((await app.request('/api/v1/feedback/summary')).status).toBe(403);
    const wrong = await app.request('/api/v1/feedback/summary?quarter=Q9', jsonRequest(op, 'GET'));
    expect(wrong.status).toBe(400);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/public/feedback', '/feedback/summary']),
    );
  });
});
