// Paper entry and import pages through the whole app (needs the pages build; skipped without it):
// JS-off flow with POST → redirect keeping the packet, server validation of a dependent answer,
// running totals, the double-entry report, a CSV import in three steps, 403 for other roles.
import { beforeAll, expect, it } from 'vitest';
import type { ServerBuild } from 'react-router';
import { describeBackends } from '../../../../test/db.ts';
import {
  createTestApp,
  loadTestBuild,
  loginAs,
  postForm,
  type TestApp,
} from '../../../../test/app.ts';
import {
  IN_WINDOW,
  createSurveyCampaign,
  type SurveyCampaign,
} from '../../../features/survey/survey.test-support.ts';

const build: ServerBuild | undefined = await loadTestBuild();

/** The page's HTML without React's text separators. */
const page = async (res: Response) => (await res.text()).replaceAll('<!-- -->', '');

const fields = (): Record<string, string> => ({
  q1: 'no',
  q3: 'no',
  q5: 'yes',
  q6: 'no',
  q8: 'yes',
  q9: 'yes',
  q10: 'no',
  q12: 'yes',
  q13: 'yes',
  q14: 'yes',
});

describeBackends('paper entry pages', ({ db }) => {
  let app: TestApp;
  let c: SurveyCampaign;
  beforeAll(async () => {
    app = createTestApp(db(), { build: build!, now: IN_WINDOW });
    c = await createSurveyCampaign(db());
  });
  const maybe = build ? it : it.skip;

  maybe('keys questionnaires one after another without JavaScript', async () => {
    const op = await loginAs(app, db(), 'operator', { fullName: 'Оператор Бумаг' });
    const url = `/campaigns/${c.campaignId}/paper`;
    const start = await app.request(`${url}?code=${c.codes[0]}&batch=7`, {
      headers: { cookie: op.cookie },
    });
    expect(start.status).toBe(200);
    const html = await page(start);
    expect(html).toContain('name="_csrf"');
    expect(html).toContain('Пакет «7»: введено анкет — <b>0</b>');
    const org = String(c.orgs[0]!.id);
    const base = { organizationId: org, batchNumber: '7', mode: 'first' };

    const saved = await app.request(url, postForm(op, { ...base, ...fields() }));
    expect(saved.status).toBe(302);
    const next = saved.headers.get('location')!;
    expect(next).toContain(`org=${org}&batch=7`);
    const after = await page(await app.request(next, { headers: { cookie: op.cookie } }));
    expect(after).toContain('Анкета № 1 пакета «7» сохранена.');
    expect(after).toContain('Пакет «7»: введено анкет — <b>1</b>');
    expect(after).toMatch(
      /<input[^>]*autofocus=""[^>]*name="q1"|<input[^>]*name="q1"[^>]*autofocus/i,
    );

    // A dependent question answered although its filter is «Нет»: refused, answers kept, q2 disabled.
    const here = `${url}?org=${org}&batch=7&mode=first`;
    expect(html).toMatch(
      /<form[^>]*action="\/campaigns\/\d+\/paper\?org=\d+&amp;batch=7&amp;mode=first"/,
    );
    const bad = await app.request(here, postForm(op, { ...base, ...fields(), q2: 'yes' }));
    expect(bad.status).toBe(400);
    const badHtml = await page(bad);
    expect(badHtml).toContain('Вопрос 2 задаётся только тем, кто ответил «Да» на вопрос 1');
    expect(badHtml).toContain('<input type="radio" disabled="" name="q2" checked="" value="yes"/>');

    const second = await app.request(
      url,
      postForm(op, { ...base, mode: 'second', sequenceNumber: '1', ...fields(), q14: 'no' }),
    );
    expect(second.status).toBe(302);
    expect(decodeURIComponent(second.headers.get('location')!.replaceAll('+', ' '))).toContain(
      'расхождения в вопросах 14',
    );
    const report = await page(
      await app.request(`${url}/double-entry`, { headers: { cookie: op.cookie } }),
    );
    expect(report).toContain('14: Да → Нет');
  });

  maybe('imports a CSV in three steps; a repeat adds nothing', async () => {
    const op = await loginAs(app, db(), 'expert');
    const url = `/campaigns/${c.campaignId}/survey-import`;
    const csv =
      'Вопрос 1;Вопрос 2;q3;q5;q6;q8;q9;q10;q12;q13;q14\nНет;Да;Нет;Да;Нет;Да;Да;Нет;Да;Да;Да\n';
    const form = new FormData();
    form.set('_csrf', op.csrfToken);
    form.set('intent', 'upload');
    form.set('file', new File([csv], 'answers.csv', { type: 'text/csv' }));
    const up = await app.request(url, {
      method: 'POST',
      headers: { cookie: op.cookie },
      body: form,
    });
    expect(up.status).toBe(200);
    const upHtml = await up.text();
    const fileId = /name="fileId" value="(\d+)"/.exec(upHtml)![1]!;
    const mapping = Object.fromEntries(
      ['q1', 'q2', 'q3', 'q5', 'q6', 'q8', 'q9', 'q10', 'q12', 'q13', 'q14'].map((q, i) => [
        `map.${q}`,
        String(i),
      ]),
    );
    const commit = { fileId, organizationId: String(c.orgs[1]!.id), ...mapping, intent: 'commit' };
    const done = await page(await app.request(url, postForm(op, commit)));
    expect(done).toContain('Добавлено ответов: 1.');
    expect(done).toContain('отброшено ответов на пропускаемые вопросы: 1');
    const again = await page(await app.request(url, postForm(op, commit)));
    expect(again).toContain('Ничего не добавлено');
  });

  maybe.each(['council', 'organization', 'municipal'] as const)('%s gets 403', async (role) => {
    const s = await loginAs(app, db(), role);
    for (const path of ['paper', 'paper/double-entry', 'survey-import']) {
      const res = await app.request(`/campaigns/${c.campaignId}/${path}`, {
        headers: { cookie: s.cookie },
      });
      expect(res.status).toBe(403);
    }
  });
});
