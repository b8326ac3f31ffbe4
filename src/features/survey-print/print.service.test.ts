// Printed invitations on both backends: the poster and the paper questionnaire as PDF text, the
// QR files, the ZIP of a municipality (entry count, UTF-8 names with the language encoding flag
// round-tripping through unzip), and who may print what.
import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { createRegion } from '../../../test/fixtures.ts';
import { parseConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { organizations } from '../../db/schema/index.ts';
import type { Role } from '../../domain/permissions/index.ts';
import { QUESTIONS } from '../../domain/survey/questionnaire.ts';
import { PUBLIC_CALLER, type Caller, type ServiceDeps } from '../context.ts';
import { createSurveyCampaign, type SurveyCampaign } from '../survey/survey.test-support.ts';
import {
  createSurveyPrintService,
  posterFileName,
  type SurveyPrintService,
} from './print.service.ts';
import { localHeaderFlags, pdfText } from './print.test-support.ts';

const deps = (db: Db): ServiceDeps => ({
  db,
  config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'https://nok.test' }),
  logger: pino({ level: 'silent' }),
  now: () => new Date('2026-04-01T09:00:00Z'),
});

describeBackends('survey print service', ({ db }) => {
  let print: SurveyPrintService;
  let c: SurveyCampaign;
  let mun1: number;
  let mun2: number;
  const as = (role: Role, scope: Partial<Caller> = {}): Caller => ({
    role,
    userId: 1,
    label: role,
    territoryId: null,
    organizationId: null,
    ...scope,
  });
  const operator = as('operator');

  beforeAll(async () => {
    print = createSurveyPrintService(deps(db()));
    c = await createSurveyCampaign(db(), { organizations: 3 });
    // The third school moves to a municipality of its own; the first gets a long quoted name.
    mun1 = c.orgs[0]!.municipalityId;
    mun2 = (await createRegion(db())).municipalities[1].id;
    await db()
      .update(organizations)
      .set({ municipalityId: mun2 })
      .where(eq(organizations.id, c.orgs[2]!.id));
    await db()
      .update(organizations)
      .set({ shortName: 'МБОУ «Лицей № 1/2»' })
      .where(eq(organizations.id, c.orgs[0]!.id));
  });

  it('poster: one A4 page with the name, the link, the call to action and the dates', async () => {
    const f = await print.organizationFile(operator, c.campaignId, c.orgs[0]!.id, 'poster.pdf');
    expect(f.mime).toBe('application/pdf');
    expect(f.name).toBe(`Плакат ${c.codes[0]} МБОУ «Лицей № 1_2».pdf`);
    const { pages, text } = await pdfText(f.bytes);
    expect(pages).toBe(1);
    expect(text).toContain('МБОУ «Лицей № 1/2»');
    expect(text).toContain(`https://nok.test/s/${c.codes[0]}`);
    expect(text).toContain('Оцените качество условий');
    expect(text).toContain('Опрос проводится с 01.03.2026 по 31.05.2026');
    expect(text).toContain('опрос анонимный');
    expect(text).toContain('2026');
  });

  it('paper questionnaire: two pages, every question, skips, boxes, code and packet fields', async () => {
    const f = await print.organizationFile(
      operator,
      c.campaignId,
      c.orgs[1]!.id,
      'questionnaire.pdf',
    );
    const { pages, text } = await pdfText(f.bytes);
    expect(pages).toBe(2);
    expect(text).toContain(`Код анкеты: ${c.codes[1]}`);
    expect(text).toMatch(/пачка № _+/);
    expect(text).toMatch(/анкета № _+/);
    for (const q of QUESTIONS) {
      // The first words of every question (line breaks of the PDF are spaces here).
      expect(text, q.id).toContain(`${q.number}.`);
      expect(text, q.id).toContain(q.text.split(' ').slice(0, 4).join(' '));
    }
    for (const [from, to] of [
      [1, 3],
      [3, 5],
      [6, 8],
      [10, 12],
    ]) {
      expect(text).toContain(`Если «Нет» — перейдите к вопросу ${to}`);
      expect(text).toContain(`только если на вопрос ${from} Вы ответили «Да»`);
    }
    expect(text.match(/☐ Да/g)).toHaveLength(14);
    expect(text.match(/☐ Нет/g)).toHaveLength(14);
    for (const word of [
      '☐ Мужской',
      '☐ Женский',
      '☐ Родитель (законный представитель)',
      '☐ Обучающийся',
      '☐ Иное',
    ]) {
      expect(text).toContain(word);
    }
    expect(text).toContain('полных лет (от 14 до 100)');
    expect(text).toContain('Опрос проводится анонимно');
  });

  it('QR files: SVG and PNG of the survey link', async () => {
    const svg = await print.organizationFile(operator, c.campaignId, c.orgs[0]!.id, 'qr.svg');
    expect(svg.mime).toBe('image/svg+xml');
    expect(new TextDecoder().decode(svg.bytes)).toContain('<path');
    const png = await print.organizationFile(operator, c.campaignId, c.orgs[0]!.id, 'qr.png');
    expect(png.mime).toBe('image/png');
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('ZIP of a municipality: its posters only, Cyrillic names flagged UTF-8 and round-tripping', async () => {
    const f = await print.postersZip(operator, c.campaignId, mun1);
    expect(f.mime).toBe('application/zip');
    expect(f.name).toMatch(/^Плакаты Город \d+ 2026\.zip$/);
    const entries = unzipSync(f.bytes);
    const { organizations: orgs } = await print.materials(operator, c.campaignId);
    const expected = orgs
      .filter((o) => o.municipalityId === mun1)
      .map(posterFileName)
      .sort();
    expect(Object.keys(entries).sort()).toEqual(expected);
    expect(expected).toHaveLength(2);
    expect(expected.every((n) => /^Плакат [2-9A-Z]{8} /.test(n))).toBe(true);
    // Bit 11 (language encoding flag): unzippers decode the names as UTF-8, not CP437/CP866.
    expect(localHeaderFlags(f.bytes).map((flag) => flag & 0x800)).toEqual([0x800, 0x800]);
    for (const bytes of Object.values(entries)) {
      expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    }
    const other = unzipSync((await print.postersZip(operator, c.campaignId, mun2)).bytes);
    expect(Object.keys(other)).toEqual([
      posterFileName(orgs.find((o) => o.municipalityId === mun2)!),
    ]);
  });

  describe('who may print', () => {
    const file = (who: Caller, org = 0) =>
      print.organizationFile(who, c.campaignId, c.orgs[org]!.id, 'qr.svg');
    it.each([
      ['regional administrator, any', () => as('regional_admin'), 2, true],
      ['operator, any', () => operator, 2, true],
      ['municipal, own municipality', () => as('municipal', { territoryId: mun1 }), 0, true],
      ['municipal, other municipality', () => as('municipal', { territoryId: mun1 }), 2, false],
      [
        'organization, itself',
        () => as('organization', { organizationId: c.orgs[1]!.id }),
        1,
        true,
      ],
      [
        'organization, another',
        () => as('organization', { organizationId: c.orgs[1]!.id }),
        0,
        false,
      ],
      ['expert', () => as('expert'), 0, false],
      ['council', () => as('council'), 0, false],
      ['public', () => PUBLIC_CALLER, 0, false],
    ] as const)('%s', async (_, who, org, allowed) => {
      if (allowed) await expect(file(who(), org)).resolves.toMatchObject({ mime: 'image/svg+xml' });
      else await expect(file(who(), org)).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('ZIP: municipal only for its own municipality, never an organization', async () => {
      await expect(
        print.postersZip(as('municipal', { territoryId: mun1 }), c.campaignId, mun2),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        print.postersZip(as('organization', { organizationId: c.orgs[0]!.id }), c.campaignId, mun1),
      ).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('lists only the scope of the caller', async () => {
      const all = await print.materials(operator, c.campaignId);
      expect(all.organizations).toHaveLength(3);
      expect(all.municipalities.map((m) => m.organizations).sort()).toEqual([1, 2]);
      const mun = await print.materials(as('municipal', { territoryId: mun1 }), c.campaignId);
      expect(mun.organizations.map((o) => o.organizationId).sort()).toEqual(
        [c.orgs[0]!.id, c.orgs[1]!.id].sort(),
      );
      const own = await print.materials(
        as('organization', { organizationId: c.orgs[2]!.id }),
        c.campaignId,
      );
      expect(own.organizations.map((o) => o.code)).toEqual([c.codes[2]]);
      expect(own.organizations[0]!.surveyUrl).toBe(`https://nok.test/s/${c.codes[2]}`);
      expect(own.municipalities).toEqual([]);
    });
  });

  it('not found: unknown campaign, organization without a code, empty municipality', async () => {
    await expect(print.materials(operator, 999_999)).rejects.toMatchObject({ code: 'not_found' });
    const draft = await createSurveyCampaign(db(), { status: 'list_approved', organizations: 1 });
    await expect(
      print.organizationFile(operator, c.campaignId, draft.orgs[0]!.id, 'poster.pdf'),
    ).rejects.toMatchObject({ code: 'not_found', message: /коды выдаются/ });
    const empty = (await createRegion(db())).municipalities[0].id;
    await expect(print.postersZip(operator, c.campaignId, empty)).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
