import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { createOrganizationRow, createRegion, type RegionFixture } from '../../../test/fixtures.ts';
import type { Organization } from '../../db/schema/index.ts';
import { listAudit } from '../audit/audit.repo.ts';
import { getFile } from './campaign-list.repo.ts';
import { createCampaignsService } from './campaigns.service.ts';
import { PROTOCOL_MAX_BYTES } from './campaigns.schema.ts';
import {
  PDF_BYTES,
  admin,
  council,
  operator,
  protocol,
  testDeps,
  type Campaigns,
  type TestClock,
} from './campaigns.test-support.ts';

const approval = { decisionNumber: '3-ОС', decisionDate: '2026-02-20' };

describeBackends('campaign list service', ({ db }) => {
  const clock: TestClock = { now: new Date('2026-03-01T09:00:00Z') };
  let svc: Campaigns;
  let r: RegionFixture;
  const o: Record<string, Organization> = {};
  let campaignId: number;

  beforeAll(async () => {
    svc = createCampaignsService(testDeps(db(), clock));
    r = await createRegion(db());
    const make = (name: string, extra: Partial<Organization> = {}) =>
      createOrganizationRow(db(), r, { shortName: name, ...extra }).then((org) => (o[name] = org));
    await make('А никогда'); // never assessed → must
    await make('Б просрочена', { lastAssessedYear: 2022 }); // overdue → must
    await make('В последний год', { lastAssessedYear: 2023 }); // last year of window → must
    await make('Г два года назад', { lastAssessedYear: 2024, kind: 'preschool' }); // proposed
    await make('Д в прошлом году', { lastAssessedYear: 2025 }); // allowed, not proposed
    await make('Е оценена в 2026', { lastAssessedYear: 2020 }); // in an approved 2026 campaign
    await make('Ж оценена в 2025', { lastAssessedYear: 2021 }); // in an approved 2025 campaign
    await make('З только черновик', {
      lastAssessedYear: 2022,
      municipalityId: r.municipalities[1].id,
    }); // in a draft campaign only
    await make('И закрыта', { active: false, deactivatedAt: new Date('2025-01-01') });
    const other = await createRegion(db());
    await createOrganizationRow(db(), other, { shortName: 'Чужой регион' });

    // History: an approved 2025 campaign with Ж, an approved 2026 campaign with Е, a draft with З.
    for (const [year, name, approve] of [
      [2025, 'Ж оценена в 2025', true],
      [2026, 'Е оценена в 2026', true],
      [2025, 'З только черновик', false],
    ] as const) {
      const c = await svc.create(admin, {
        title: `История ${year}`,
        year,
        territoryId: r.region.id,
      });
      await svc.addOrganization(admin, c.id, { query: o[name]!.inn });
      if (approve) await svc.approveList(council, c.id, approval, protocol());
    }
    campaignId = (await svc.create(admin, { title: 'НОК 2026', year: 2026 })).id;
  });

  it('proposes by the frequency rule, mandatory first, with Russian reasons', async () => {
    const res = await svc.proposeList(admin, campaignId);
    expect(res).toEqual({ proposed: 5, mandatory: 4, total: 5 });
    const list = await svc.listOrganizations(admin, campaignId);
    expect(list.rows.map((x) => [x.shortName, x.mandatory, x.overdue])).toEqual([
      ['Б просрочена', true, true],
      ['З только черновик', true, true],
      ['А никогда', true, false],
      ['В последний год', true, false],
      ['Г два года назад', false, false],
    ]);
    expect(list.rows.every((x) => x.status === 'proposed')).toBe(true);
    const b = list.rows[0]!;
    expect(b.reason).toBe(
      'Последняя оценка в 2022 году: срок (2025 год) пропущен, включение обязательно',
    );
    expect(b.lastAssessedYear).toBe(2022);
    expect(list.rows[2]!.reason).toMatch(/^Оценка ещё не проводилась/);
    expect(list.municipalities.map((m) => m.id).sort()).toEqual(
      r.municipalities.map((m) => m.id).sort(),
    );
    expect(list.editable).toBe(true);
  });

  it('filters the list by municipality, kind and status', async () => {
    const by = async (f: object) =>
      (await svc.listOrganizations(admin, campaignId, f)).rows.map((x) => x.shortName);
    expect(await by({ municipalityId: r.municipalities[1].id })).toEqual(['З только черновик']);
    expect(await by({ kind: 'preschool' })).toEqual(['Г два года назад']);
    expect(await by({ status: 'excluded' })).toEqual([]);
  });

  it('adds an allowed organization by INN or code, never one assessed this year', async () => {
    const added = await svc.addOrganization(admin, campaignId, {
      query: o['Д в прошлом году']!.inn,
      comment: 'по просьбе учредителя',
    });
    expect(added).toMatchObject({
      status: 'proposed',
      mandatory: false,
      reason: 'Добавлена вручную: по просьбе учредителя',
      frequency: 'allowed',
      lastAssessedYear: 2025,
    });
    await expect(
      svc.addOrganization(admin, campaignId, { query: o['Е оценена в 2026']!.code }),
    ).rejects.toMatchObject({ code: 'invalid_state', message: expect.stringMatching(/2026 году/) });
    await expect(
      svc.addOrganization(admin, campaignId, { query: o['И закрыта']!.inn }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
    await expect(
      svc.addOrganization(admin, campaignId, { query: '0000000000' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      svc.addOrganization(admin, campaignId, { query: o['Д в прошлом году']!.inn }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(svc.addOrganization(admin, campaignId, {})).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('excludes; a mandatory organization only with a reason, and it stays flagged', async () => {
    const b = o['Б просрочена']!.id;
    await expect(svc.excludeOrganization(admin, campaignId, b, {})).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/обязательна к оценке в 2026 году/),
    });
    const ex = await svc.excludeOrganization(admin, campaignId, b, {
      reason: 'Реорганизация: присоединена к другой школе',
    });
    expect(ex).toMatchObject({ status: 'excluded', mandatory: true });
    await svc.excludeOrganization(admin, campaignId, o['Г два года назад']!.id);
    await expect(
      svc.excludeOrganization(admin, campaignId, b, { reason: 'x' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      svc.excludeOrganization(operator, campaignId, o['А никогда']!.id, {}),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('re-proposes keeping manual additions and exclusions', async () => {
    await svc.proposeList(admin, campaignId);
    const rows = (await svc.listOrganizations(admin, campaignId)).rows;
    const status = Object.fromEntries(rows.map((x) => [x.shortName, x.status]));
    expect(status).toEqual({
      'Б просрочена': 'excluded',
      'З только черновик': 'proposed',
      'А никогда': 'proposed',
      'В последний год': 'proposed',
      'Г два года назад': 'excluded',
      'Д в прошлом году': 'proposed',
    });
    expect(rows.find((x) => x.shortName === 'Б просрочена')?.reason).toBe(
      'Реорганизация: присоединена к другой школе',
    );
  });

  it('checks the protocol file and the decision before approving', async () => {
    const cases: Array<[string, unknown, unknown, RegExp]> = [
      ['no file', approval, null, /Приложите файл/],
      ['wrong type', approval, protocol(new TextEncoder().encode('hello'), 'a.txt'), /PDF, JPEG/],
      ['too big', approval, protocol(new Uint8Array(PROTOCOL_MAX_BYTES + 1).fill(0x25)), /10 МБ/],
      ['no number', { ...approval, decisionNumber: ' ' }, protocol(), /номер решения/],
      ['future date', { ...approval, decisionDate: '2026-03-02' }, protocol(), /позже сегодняшней/],
    ];
    for (const [, input, file, message] of cases) {
      await expect(
        svc.approveList(council, campaignId, input, file as ReturnType<typeof protocol> | null),
      ).rejects.toMatchObject({
        code: 'validation_failed',
        message: expect.stringMatching(message),
      });
    }
    await expect(svc.approveList(operator, campaignId, approval, protocol())).rejects.toMatchObject(
      { code: 'forbidden' },
    );
    expect((await svc.get(admin, campaignId)).status).toBe('draft');
  });

  it('approves by the council: protocol stored intact, proposed rows included', async () => {
    const res = await svc.approveList(council, campaignId, approval, protocol());
    expect(res).toMatchObject({ included: 4, excluded: 2 });
    const c = await svc.get(admin, campaignId);
    expect(c).toMatchObject({
      status: 'list_approved',
      councilDecisionNumber: '3-ОС',
      councilDecisionDate: '2026-02-20',
      counts: { included: 4, excluded: 2, proposed: 0, mandatoryExcluded: 1 },
      protocol: { name: 'protocol.pdf', mime: 'application/pdf', size: PDF_BYTES.length },
    });
    expect(c.stages.find((s) => s.key === 'list_approval')?.state).toBe('done');
    const file = await getFile(db(), res.fileId);
    expect(Buffer.from(file!.data!).equals(Buffer.from(PDF_BYTES))).toBe(true);
    const download = await svc.protocolFile(operator, campaignId);
    expect(Buffer.from(download.bytes).equals(Buffer.from(PDF_BYTES))).toBe(true);
    const [entry] = await listAudit(db(), {
      action: 'campaign.approveList',
      entityId: campaignId,
    });
    expect(entry).toMatchObject({
      actorLabel: 'Член совета',
      before: { status: 'draft' },
      after: { status: 'list_approved', included: 4 },
    });
  });

  it('refuses to edit the list after approval', async () => {
    const refused = { code: 'invalid_state', message: expect.stringMatching(/утверждён/) };
    await expect(svc.proposeList(admin, campaignId)).rejects.toMatchObject(refused);
    await expect(
      svc.addOrganization(admin, campaignId, { query: o['Д в прошлом году']!.inn }),
    ).rejects.toMatchObject(refused);
    await expect(
      svc.excludeOrganization(admin, campaignId, o['А никогда']!.id, { reason: 'x' }),
    ).rejects.toMatchObject(refused);
    await expect(svc.approveList(council, campaignId, approval, protocol())).rejects.toMatchObject(
      refused,
    );
    expect((await svc.listOrganizations(admin, campaignId)).editable).toBe(false);
  });

  it('reopening the list returns included rows to proposed', async () => {
    await svc.transition(admin, campaignId, { to: 'draft' });
    const rows = (await svc.listOrganizations(admin, campaignId)).rows;
    expect(rows.filter((x) => x.status === 'proposed')).toHaveLength(4);
    expect(rows.filter((x) => x.status === 'included')).toHaveLength(0);
    await svc.approveList(council, campaignId, approval, protocol());
  });

  it('records every change of the list in the audit log', async () => {
    const entries = await listAudit(db(), { entityType: 'campaign_organization' }, { limit: 100 });
    const mine = entries.filter((e) => e.entityId.startsWith(`${campaignId}:`));
    expect(mine.map((e) => e.action).sort()).toEqual([
      'campaign.addOrganization',
      'campaign.excludeOrganization',
      'campaign.excludeOrganization',
    ]);
    const excl = mine.find((e) => e.entityId === `${campaignId}:${o['Б просрочена']!.id}`);
    expect(excl).toMatchObject({
      actorLabel: 'Администратор',
      before: { status: 'proposed', mandatory: true },
      after: { status: 'excluded', reason: 'Реорганизация: присоединена к другой школе' },
    });
    const proposals = await listAudit(db(), { action: 'campaign.propose', entityId: campaignId });
    expect(proposals).toHaveLength(2);
  });
});
