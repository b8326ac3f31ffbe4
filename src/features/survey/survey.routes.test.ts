// The public survey API over the whole HTTP app: every bad request gets a 4xx with a stable code
// and stores nothing; Idempotency-Key repeats return the first id; active surveys are listed.
import { beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { describeBackends } from '../../../test/db.ts';
import { countResponses } from './survey.repo.ts';
import {
  IN_WINDOW,
  createSurveyCampaign,
  minimal,
  type SurveyCampaign,
} from './survey.test-support.ts';

const URL = '/api/v1/public/responses';

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describeBackends('public survey API', ({ db }) => {
  let app: TestApp;
  let c: SurveyCampaign;
  let closed: SurveyCampaign;
  beforeAll(async () => {
    app = createTestApp(db(), { now: IN_WINDOW, env: { PUBLIC_URL: 'https://nok.test' } });
    c = await createSurveyCampaign(db());
    closed = await createSurveyCampaign(db(), { status: 'closed', organizations: 1 });
  });

  it('stores a response: 201 with its id', async () => {
    const res = await app.request(URL, post({ surveyCode: c.codes[0], answers: minimal() }));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: expect.any(Number) });
  });

  it('accepts a browser post with cookies but without a CSRF token (public prefix)', async () => {
    const res = await app.request(
      URL,
      post({ surveyCode: c.codes[0], answers: minimal() }, { cookie: 'noko_csrf=x' }),
    );
    expect(res.status).toBe(201);
  });

  it('an Idempotency-Key repeat returns the first id and stores nothing', async () => {
    const body = { surveyCode: c.codes[1], answers: minimal() };
    const first = await app.request(URL, post(body, { 'idempotency-key': 'abc-1' }));
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as { id: number };
    const before = await countResponses(db());
    const again = await app.request(URL, post(body, { 'idempotency-key': 'abc-1' }));
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(await again.json()).toEqual({ id });
    expect(await countResponses(db())).toBe(before);
  });

  const bad: [string, () => RequestInit, number, string, string?][] = [
    ['malformed JSON', () => post('{"surveyCode":'), 400, 'validation_failed', 'invalid_body'],
    ['not JSON', () => ({ method: 'POST', body: 'a=1' }), 400, 'validation_failed', 'invalid_body'],
    [
      'no answers object',
      () => post({ surveyCode: c.codes[0], answers: [1] }),
      400,
      'validation_failed',
      'invalid_body',
    ],
    ['no code', () => post({ answers: minimal() }), 400, 'validation_failed', 'invalid_body'],
    [
      'unknown question',
      () => post({ surveyCode: c.codes[0], answers: { ...minimal(), q99: true } }),
      400,
      'validation_failed',
      'unknown_question',
    ],
    [
      'wrong type',
      () => post({ surveyCode: c.codes[0], answers: { ...minimal(), q1: 'Да' } }),
      400,
      'validation_failed',
      'wrong_type',
    ],
    [
      'skipped answered',
      () => post({ surveyCode: c.codes[0], answers: { ...minimal(), q4: true } }),
      400,
      'validation_failed',
      'skipped_question_answered',
    ],
    [
      'text over 2000',
      () => post({ surveyCode: c.codes[0], answers: { ...minimal(), q15: 'x'.repeat(2001) } }),
      400,
      'validation_failed',
      'text_too_long',
    ],
    ['unknown code', () => post({ surveyCode: 'ZZZZZZZZ', answers: minimal() }), 404, 'not_found'],
    [
      'closed campaign',
      () => post({ surveyCode: closed.codes[0], answers: minimal() }),
      410,
      'gone',
    ],
    [
      'oversize body',
      () => post({ surveyCode: c.codes[0], answers: { ...minimal(), q15: 'x'.repeat(40_000) } }),
      413,
      'payload_too_large',
    ],
    [
      'bad Idempotency-Key',
      () => post({ surveyCode: c.codes[0], answers: minimal() }, { 'idempotency-key': 'a b' }),
      400,
      'validation_failed',
    ],
  ];
  it.each(bad)(
    '%s → 4xx with a stable code, nothing stored',
    async (_, init, status, code, issue) => {
      const before = await countResponses(db());
      const res = await app.request(URL, init());
      expect(res.status).toBe(status);
      const body = (await res.json()) as {
        error: { code: string; message: string; details: { issues?: { code: string }[] } | null };
      };
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(/[а-яё]/i);
      if (issue)
        expect(body.error.details?.issues).toContainEqual(expect.objectContaining({ code: issue }));
      expect(await countResponses(db())).toBe(before);
    },
  );

  it('lists active surveys with organization names and URLs', async () => {
    const res = await app.request('/api/v1/public/surveys');
    expect(res.status).toBe(200);
    const { surveys } = (await res.json()) as { surveys: { code: string; url: string }[] };
    expect(surveys).toContainEqual({
      code: c.codes[0],
      organization: c.orgs[0]!.shortName,
      campaign: expect.any(String),
      url: `https://nok.test/s/${c.codes[0]}`,
    });
    expect(surveys.map((s) => s.code)).not.toContain(closed.codes[0]);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/public/responses', '/public/surveys']),
    );
  });
});
