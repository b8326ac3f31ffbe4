// Survey import on both backends: the three header styles, the guessed mapping, the report with
// exact dropped counts, the commit, a repeated import that adds nothing, roles.
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { QUESTIONS } from '../../domain/survey/questionnaire.ts';
import type { Caller } from '../context.ts';
import { writeWorkbook } from '../registry/spreadsheet.ts';
import { createSurveyImportService, type SurveyImportService } from './import.service.ts';
import { testDeps, userCaller } from './paper.test-support.ts';
import { createSurveyService, type SurveyService } from './survey.service.ts';
import { createSurveyCampaign, type SurveyCampaign } from './survey.test-support.ts';

/** q1–q14 of the shortest valid response, as words. */
const YES_NO = ['Нет', '', 'Нет', '', 'Да', 'Нет', '', 'Да', 'Да', 'Нет', '', 'Да', 'Да', 'Да'];
const texts = QUESTIONS.slice(0, 14).map((q) => q.text);
const csv = (rows: string[][], sep: string) =>
  rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(sep)).join('\r\n');
const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

describeBackends('survey import', ({ db }) => {
  let imp: SurveyImportService;
  let survey: SurveyService;
  let c: SurveyCampaign;
  let op: Caller;
  beforeAll(async () => {
    imp = createSurveyImportService(testDeps(db()));
    survey = createSurveyService(testDeps(db()));
    c = await createSurveyCampaign(db());
    op = await userCaller(db(), 'operator', 'Оператор Импорта');
  });

  it('Yandex Forms (full texts, «;»): guess, report with dropped answers, commit, repeat adds 0', async () => {
    const rows = [
      ['ID', ...texts, 'Ваш возраст (полных лет)'],
      ['1', ...YES_NO, '35'],
      // q2 answered although q1 is «Нет»: dropped and counted.
      ['2', 'Нет', 'Да', ...YES_NO.slice(2), ''],
      // q4 and q7 answered with their filters «Нет»: two dropped.
      ['3', 'Нет', '', 'Нет', 'Да', 'Да', 'Нет', 'Нет', ...YES_NO.slice(7), ''],
      // q5 missing and an unknown word: invalid.
      ['4', 'Нет', '', 'Нет', '', '', 'Нет', '', 'может быть', ...YES_NO.slice(8), ''],
      ['', '', ''],
    ];
    const up = await imp.upload(op, file('yandex.csv', csv(rows, ';')));
    expect(up.dataRows).toBe(4);
    expect(up.mapping).toEqual({
      ...Object.fromEntries(texts.map((_, i) => [`q${i + 1}`, i + 1])),
      q17: 15,
    });
    const input = {
      campaignId: c.campaignId,
      fileId: up.fileId,
      organizationId: c.orgs[0]!.id,
      mapping: up.mapping,
    };
    const report = await imp.check(op, input);
    expect(report).toMatchObject({
      totalRows: 4,
      valid: 3,
      invalid: 1,
      importedBefore: 0,
      droppedAnswers: 3,
    });
    expect(report.rows.map((r) => [r.row, r.status, r.dropped])).toEqual([
      [2, 'valid', []],
      [3, 'valid', ['q2']],
      [4, 'valid', ['q4', 'q7']],
      [5, 'invalid', []],
    ]);
    expect(report.rows[3]!.issues).toEqual([
      'Вопрос 5: нужен ответ «Да» или «Нет»',
      'Вопрос 8: ожидается ответ «Да» (true) или «Нет» (false)',
    ]);

    const done = await imp.commit(op, input);
    expect(done).toMatchObject({ added: 3, valid: 3, invalid: 1, droppedAnswers: 3 });
    const again = await imp.upload(op, file('yandex-copy.csv', csv(rows, ';')));
    const repeat = await imp.commit(op, { ...input, fileId: again.fileId });
    expect(repeat).toMatchObject({ added: 0, importedBefore: 3, valid: 0, invalid: 1 });
    const stats = await survey.stats(op, c.campaignId);
    expect(stats.organizations.find((o) => o.organizationId === c.orgs[0]!.id)!.valid).toBe(3);
  });

  it('Google Forms (full texts, «,», timestamp column) into the second organization', async () => {
    const rows = [
      ['Отметка времени', ...texts, 'Кем Вы являетесь'],
      ['2026/04/01 10:00:00', ...YES_NO, 'Родитель (законный представитель)'],
      [
        '2026/04/01 10:05:00',
        ...YES_NO.map((v) => (v === 'Да' ? 'Yes' : v === 'Нет' ? 'No' : v)),
        'Обучающийся',
      ],
    ];
    const up = await imp.upload(op, file('google.csv', csv(rows, ',')));
    expect(up.mapping.q1).toBe(1);
    expect(up.mapping.q18).toBe(15);
    expect(up.mapping.code).toBeUndefined();
    const done = await imp.commit(op, {
      campaignId: c.campaignId,
      fileId: up.fileId,
      organizationId: c.orgs[1]!.id,
      mapping: up.mapping,
    });
    expect(done).toMatchObject({ added: 2, invalid: 0, droppedAnswers: 0 });
  });

  it('LimeSurvey (q1…q18 codes, XLSX) with a survey-code column per row', async () => {
    const bytes = await writeWorkbook([
      {
        name: 'results',
        headers: ['id', 'code', ...QUESTIONS.map((q) => q.id.toUpperCase())],
        rows: [
          [
            '1',
            c.codes[0]!,
            ...YES_NO.map((v) => (v === 'Да' ? '1' : v === 'Нет' ? '0' : '')),
            '',
            'Ж',
            '51',
            '',
          ],
          ['2', c.codes[1]!.toLowerCase(), ...YES_NO, 'Спасибо', '', '', 'Иное'],
          ['3', 'NOSUCHCODE', ...YES_NO, '', '', '', ''],
          ['4', '', ...YES_NO, '', '', '', ''],
        ],
      },
    ]);
    const up = await imp.upload(op, { name: 'lime.xlsx', bytes });
    expect(up.mapping).toEqual({
      code: 1,
      ...Object.fromEntries(QUESTIONS.map((q, i) => [q.id, i + 2])),
    });
    const input = { campaignId: c.campaignId, fileId: up.fileId, mapping: up.mapping };
    const report = await imp.check(op, input);
    expect(report.rows.map((r) => [r.row, r.status, r.organizationId, r.issues])).toEqual([
      [2, 'valid', c.orgs[0]!.id, []],
      [3, 'valid', c.orgs[1]!.id, []],
      [4, 'invalid', null, ['Организация не найдена в кампании (код «NOSUCHCODE»)']],
      [5, 'invalid', null, ['Не указан код анкеты']],
    ]);
    expect(await imp.commit(op, input)).toMatchObject({ added: 2, invalid: 2 });
    expect(await imp.commit(op, input)).toMatchObject({ added: 0, importedBefore: 2 });
  });

  it('refuses a mapping without questions, a missing organization, another user’s file', async () => {
    const up = await imp.upload(op, file('x.csv', 'q1;q3\nДа;Нет'));
    const base = { campaignId: c.campaignId, fileId: up.fileId, organizationId: c.orgs[0]!.id };
    await expect(imp.check(op, { ...base, mapping: {} })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(
      imp.check(op, { ...base, organizationId: null, mapping: up.mapping }),
    ).rejects.toMatchObject({ code: 'validation_failed', message: /организацию/ });
    const other = await userCaller(db(), 'expert', 'Другой');
    await expect(imp.check(other, { ...base, mapping: up.mapping })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it.each(['council', 'organization', 'municipal'] as const)('%s → forbidden', async (role) => {
    const caller: Caller = { role, userId: 1, organizationId: 1, territoryId: 1, label: role };
    await expect(imp.upload(caller, file('x.csv', 'q1\nДа'))).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
