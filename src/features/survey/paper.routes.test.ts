// Paper entry API: 201 with the packet position, 400 with the domain's issue code, totals,
// mismatches, 403 for roles without survey.enterPaper.
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { createTestApp, jsonRequest, loginAs, type TestApp } from '../../../test/app.ts';
import {
  IN_WINDOW,
  createSurveyCampaign,
  minimal,
  type SurveyCampaign,
} from './survey.test-support.ts';

describeBackends('paper entry API', ({ db }) => {
  let app: TestApp;
  let c: SurveyCampaign;
  beforeAll(async () => {
    app = createTestApp(db(), { now: IN_WINDOW });
    c = await createSurveyCampaign(db());
  });

  it('enters, refuses a skipped answer, double-enters and reports', async () => {
    const op = await loginAs(app, db(), 'expert', { fullName: 'Эксперт API' });
    const body = { surveyCode: c.codes[0], batchNumber: 'A', answers: minimal() };
    const res = await app.request('/api/v1/paper/responses', jsonRequest(op, 'POST', body));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ batchNumber: 'A', sequenceNumber: 1 });
    const bad = await app.request(
      '/api/v1/paper/responses',
      jsonRequest(op, 'POST', { ...body, answers: { ...minimal(), q4: false } }),
    );
    expect(bad.status).toBe(400);
    const err = (await bad.json()) as { error: { details: { issues: { code: string }[] } } };
    expect(err.error.details.issues.map((i) => i.code)).toEqual(['skipped_question_answered']);
    const second = await app.request(
      '/api/v1/paper/double-entries',
      jsonRequest(op, 'POST', { ...body, sequenceNumber: 1, answers: { ...minimal(), q5: false } }),
    );
    expect(second.status).toBe(201);
    expect(await second.json()).toEqual({
      mismatches: [{ question: 'q5', number: 5, first: 'Да', second: 'Нет' }],
    });
    const totals = await app.request(
      `/api/v1/campaigns/${c.campaignId}/paper/batches?batchNumber=A`,
      jsonRequest(op, 'GET'),
    );
    expect(await totals.json()).toMatchObject({
      batches: [{ batchNumber: 'A', operatorName: 'Эксперт API', entered: 1, doubleEntered: 1 }],
    });
    const report = await app.request(
      `/api/v1/campaigns/${c.campaignId}/paper/mismatches`,
      jsonRequest(op, 'GET'),
    );
    expect(await report.json()).toMatchObject({ compared: 1, withMismatches: 1 });
  });

  it.each(['council', 'organization', 'municipal'] as const)('%s → 403', async (role) => {
    const s = await loginAs(app, db(), role);
    const res = await app.request(
      '/api/v1/paper/responses',
      jsonRequest(s, 'POST', { surveyCode: c.codes[0], batchNumber: 'A', answers: minimal() }),
    );
    expect(res.status).toBe(403);
    const get = await app.request(
      `/api/v1/campaigns/${c.campaignId}/paper/mismatches`,
      jsonRequest(s, 'GET'),
    );
    expect(get.status).toBe(403);
  });
});
