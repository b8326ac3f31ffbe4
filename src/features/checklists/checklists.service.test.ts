// The checklist use cases on a real database (PGlite and PostgreSQL): self-report, expert review,
// permissions, partial idempotent saves, the audit trail and the workflow.
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { auditLog } from '../../db/schema/index.ts';
import type { Caller } from '../context.ts';
import { createChecklistsService, type ChecklistsService } from './checklists.service.ts';
import {
  allItems,
  callerFor,
  createChecklistCampaign,
  testDeps,
  VISIT_DAY,
  type ChecklistCampaign,
} from './checklists.test-support.ts';
import type { SiteFeed } from './site-feed.ts';

describeBackends('checklists service', ({ db }) => {
  let svc: ChecklistsService;
  let c: ChecklistCampaign;
  let expert: Caller;
  let school: Caller;
  let otherOrg: Caller;
  let council: Caller;
  const clock = { now: VISIT_DAY };
  // The site monitor says: telephone and FAQ listed, the rest not; Исайт 40 of 50.
  const feed: SiteFeed = (_ex, _c, ids) =>
    Promise.resolve(
      new Map(
        ids.map((id) => [
          id,
          {
            checkedAt: '2026-04-01T03:00:00.000Z',
            channels: { telephone: true, faq: true, email: false },
            site: { present: 40, required: 50 },
          },
        ]),
      ),
    );
  const auditCount = async () => (await db().select({ n: count() }).from(auditLog))[0]!.n;

  beforeAll(async () => {
    svc = createChecklistsService(testDeps(db(), clock), { siteFeed: feed });
    c = await createChecklistCampaign(db(), {
      orgs: [{ kind: 'school', applicability: { hasPaidServices: false } }, { kind: 'preschool' }],
    });
    expert = await callerFor(db(), 'expert');
    school = await callerFor(db(), 'organization', c.orgs[0]!.id);
    otherOrg = await callerFor(db(), 'organization', c.orgs[1]!.id);
    council = await callerFor(db(), 'council');
  });
  const schoolId = () => c.orgs[0]!.id;

  it('shows a checklist nobody has saved, prefilled from the registry and the site monitor', async () => {
    const v = await svc.get(expert, c.campaignId, schoolId());
    expect(v).toMatchObject({
      id: null,
      status: 'not_started',
      site: { monitor: { present: 40, required: 50 } },
    });
    const stand = v.sections.find((s) => s.section === 'stand')!;
    expect(stand.items).toHaveLength(15);
    expect(stand.items.find((i) => i.key === 'paid_services')!.registryDefault?.reason).toMatch(
      /платных/,
    );
    const channels = v.sections.find((s) => s.section === 'remoteChannels')!.items;
    expect(channels.map((i) => [i.key, i.channel?.monitorListed])).toEqual([
      ['telephone', true],
      ['email', false],
      ['e_service', false],
      ['faq', true],
      ['quality_opinion', false],
      ['other', false],
    ]);
    // The registry's «не применимо» already leaves the paid-services item out of the norm.
    expect(v.confirmedCounts?.stand).toEqual({ present: 0, required: 14 });
    const preschool = await svc.get(expert, c.campaignId, c.orgs[1]!.id);
    expect(preschool.sections[0]!.items).toHaveLength(14);
    expect(preschool.sections[0]!.excluded).toEqual([
      expect.objectContaining({ number: 12, reason: expect.stringMatching(/общеобразовательных/) }),
    ]);
  });

  describe('permissions', () => {
    it.each([
      ['another organization reads', () => svc.get(otherOrg, c.campaignId, schoolId())],
      [
        'another organization declares',
        () => svc.save(otherOrg, c.campaignId, schoolId(), { side: 'declared', items: [] }),
      ],
      [
        'an organization confirms its own items',
        () => svc.save(school, c.campaignId, schoolId(), { side: 'confirmed', items: [] }),
      ],
      ['the council reads', () => svc.get(council, c.campaignId, schoolId())],
      [
        'an expert declares for the organization',
        () => svc.save(expert, c.campaignId, schoolId(), { side: 'declared', items: [] }),
      ],
      ['an organization completes', () => svc.complete(school, c.campaignId, schoolId())],
    ])('%s: forbidden', async (_n, call) => {
      await expect(call()).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('an organization lists only its own row; an expert lists all', async () => {
      expect((await svc.list(school, c.campaignId)).rows.map((r) => r.organizationId)).toEqual([
        schoolId(),
      ]);
      expect((await svc.list(expert, c.campaignId)).rows).toHaveLength(2);
      await expect(svc.list(council, c.campaignId)).rejects.toMatchObject({ code: 'forbidden' });
    });
  });

  it('keeps a partial draft, restores it, and a repeated save changes nothing', async () => {
    const before = await auditCount();
    const input = {
      side: 'declared' as const,
      items: [
        {
          section: 'stand' as const,
          key: 'name',
          answer: 'yes' as const,
          comment: 'На стенде у входа',
        },
        { section: 'comfort' as const, key: 'drinking_water', answer: 'yes' as const },
      ],
    };
    const v = await svc.save(school, c.campaignId, schoolId(), input);
    expect(v.status).toBe('draft');
    const name = v.sections[0]!.items.find((i) => i.key === 'name')!;
    expect(name.declared).toMatchObject({
      answer: 'yes',
      comment: 'На стенде у входа',
      byName: school.label,
    });
    // The organization does not see the expert's side before confirmation.
    expect(name.confirmed).toBeNull();
    const afterFirst = await auditCount();
    expect(afterFirst - before).toBe(2); // create + save

    await svc.save(school, c.campaignId, schoolId(), input);
    expect(await auditCount()).toBe(afterFirst);

    // Only what is sent changes: the comment alone, the answer stays.
    await svc.save(school, c.campaignId, schoolId(), {
      side: 'declared',
      items: [{ section: 'stand', key: 'name', comment: null }],
    });
    const restored = await svc.get(school, c.campaignId, schoolId());
    expect(restored.sections[0]!.items.find((i) => i.key === 'name')!.declared).toMatchObject({
      answer: 'yes',
      comment: null,
    });
  });

  it('refuses «не применимо» without a reason and changes nothing', async () => {
    const before = await auditCount();
    await expect(
      svc.save(school, c.campaignId, schoolId(), {
        side: 'declared',
        items: [
          { section: 'stand', key: 'structure', answer: 'yes' },
          { section: 'stand', key: 'vacancies', answer: 'na' },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ path: 'items.stand.vacancies.reason' }] },
    });
    expect(await auditCount()).toBe(before);
    const v = await svc.get(school, c.campaignId, schoolId());
    expect(v.sections[0]!.items.find((i) => i.key === 'structure')!.declared.answer).toBeNull();
  });

  it.each([
    [
      'an unknown item',
      { section: 'stand', key: 'nonsense', answer: 'yes' },
      'items.stand.nonsense',
    ],
    [
      'catering of a preschool',
      { section: 'stand', key: 'catering', answer: 'yes' },
      'items.stand.catering',
    ],
    [
      'a channel «не применимо»',
      { section: 'remoteChannels', key: 'faq', answer: 'na', reason: 'x' },
      'items.remoteChannels.faq.answer',
    ],
  ])('refuses %s', async (_n, item, path) => {
    await expect(
      svc.save(otherOrg, c.campaignId, c.orgs[1]!.id, { side: 'declared', items: [item] }),
    ).rejects.toMatchObject({ details: { issues: [expect.objectContaining({ path })] } });
  });

  it('sends the self-report only when every item is declared, then locks it', async () => {
    await expect(svc.submitSelfReport(school, c.campaignId, schoolId())).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/ответьте на все пункты: № 2/),
    });
    await svc.save(school, c.campaignId, schoolId(), {
      side: 'declared',
      items: allItems('school', (s, k) =>
        k === 'paid_services'
          ? 'na'
          : s === 'premises' && k === 'parking'
            ? 'yes'
            : k === 'braille'
              ? 'no'
              : 'yes',
      ),
    });
    const sent = await svc.submitSelfReport(school, c.campaignId, schoolId());
    expect(sent.status).toBe('self_reported');
    expect(sent.selfReportedAt).toBe(VISIT_DAY.toISOString());
    await expect(
      svc.save(school, c.campaignId, schoolId(), {
        side: 'declared',
        items: [{ section: 'stand', key: 'name', answer: 'no' }],
      }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it('lets the expert confirm and correct items; differences are listed', async () => {
    const v = await svc.save(expert, c.campaignId, schoolId(), {
      side: 'confirmed',
      items: [
        ...allItems('school', (_s, k) => (k === 'paid_services' ? 'na' : 'yes')),
        { section: 'premises', key: 'parking', answer: 'no', comment: 'Стоянки нет' },
      ],
    });
    expect(v.status).toBe('in_review');
    expect(v.differences.map((d) => [d.section, d.key, d.declared, d.confirmed])).toEqual([
      ['premises', 'parking', 'yes', 'no'],
      ['services', 'braille', 'no', 'yes'],
    ]);
    // Channels are not settled yet: listing on the site is unknown.
    expect(v.unanswered.map((u) => u.key)).toEqual([
      'telephone',
      'email',
      'e_service',
      'faq',
      'quality_opinion',
      'other',
    ]);
    expect(await svc.differences(school, c.campaignId, schoolId())).toEqual([]);
    await expect(svc.complete(expert, c.campaignId, schoolId())).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('records channel findings: a correction of the monitor needs a reason; the test log suggests the answer', async () => {
    await expect(
      svc.save(expert, c.campaignId, schoolId(), {
        side: 'confirmed',
        channels: [{ key: 'email', listed: true }],
      }),
    ).rejects.toMatchObject({
      details: {
        issues: [
          { path: 'channels.email.listedReason', message: expect.stringMatching(/не указан/) },
        ],
      },
    });
    const v = await svc.save(expert, c.campaignId, schoolId(), {
      side: 'confirmed',
      items: [
        { section: 'remoteChannels', key: 'telephone', answer: null },
        { section: 'remoteChannels', key: 'email', answer: null },
      ],
      channels: [
        {
          key: 'telephone',
          listed: true,
          test: { callDate: '2026-04-15', callTime: '10:30', callAnswered: true },
        },
        {
          key: 'email',
          listed: true,
          listedReason: 'Адрес указан в подвале сайта',
          test: { letterSentOn: '2026-04-06', letterAnsweredOn: '2026-04-14' },
        },
        { key: 'e_service', listed: false },
        { key: 'faq', listed: true },
        { key: 'quality_opinion', listed: false },
        { key: 'other', listed: false },
      ],
    });
    const ch = v.sections.find((s) => s.section === 'remoteChannels')!.items;
    const tel = ch.find((i) => i.key === 'telephone')!;
    expect(tel.confirmed?.answer).toBe('yes'); // from the test call
    expect(tel.channel).toMatchObject({
      listed: true,
      suggestedWorking: 'yes',
      test: { callTime: '10:30' },
    });
    const email = ch.find((i) => i.key === 'email')!;
    // Sent Monday 6 April, deadline Monday 13 April; answered on the 14th: late.
    expect(email.channel).toMatchObject({
      letterDeadline: '2026-04-13',
      suggestedWorking: 'no',
      listedReason: 'Адрес указан в подвале сайта',
    });
    expect(email.confirmed?.answer).toBe('no'); // from the late reply
  });

  it('…and an answer against the log needs a comment', async () => {
    await expect(
      svc.save(expert, c.campaignId, schoolId(), {
        side: 'confirmed',
        items: [{ section: 'remoteChannels', key: 'email', answer: 'yes' }],
      }),
    ).rejects.toMatchObject({
      details: { issues: [{ path: 'items.remoteChannels.email.comment' }] },
    });
    await svc.save(expert, c.campaignId, schoolId(), {
      side: 'confirmed',
      items: [
        {
          section: 'remoteChannels',
          key: 'email',
          answer: 'yes',
          comment: 'Ответ пришёл по телефону',
        },
      ],
    });
    await svc.save(expert, c.campaignId, schoolId(), {
      side: 'confirmed',
      items: [{ section: 'remoteChannels', key: 'email', answer: 'no', comment: null }],
    });
  });

  it('corrects the site half of 1.1 only with a reason, and confirms the checklist', async () => {
    await expect(
      svc.save(expert, c.campaignId, schoolId(), {
        side: 'confirmed',
        siteOverride: { present: 45, required: 50, reason: ' ' },
      }),
    ).rejects.toMatchObject({ details: { issues: [{ path: 'siteOverride.reason' }] } });
    const v = await svc.save(expert, c.campaignId, schoolId(), {
      side: 'confirmed',
      siteOverride: {
        present: 45,
        required: 50,
        reason: 'Раздел «Документы» открыт по другому адресу',
      },
    });
    expect(v.site.override).toMatchObject({ present: 45, required: 50, byName: expert.label });
    expect(v.unanswered).toEqual([]);
    const done = await svc.complete(expert, c.campaignId, schoolId());
    expect(done).toMatchObject({ status: 'confirmed', confirmedByName: expert.label });
    expect(done.confirmedCounts).toEqual({
      stand: { present: 14, required: 14 },
      remoteChannels: 2, // telephone (listed, answered), faq (listed, yes); email works late
      comfortConditions: 5,
      premisesAccessibility: 4,
      serviceAccessibility: 6,
    });
    // Now the organization sees the expert's answers and the differences.
    const seen = await svc.get(school, c.campaignId, schoolId());
    expect(seen.differences.length).toBeGreaterThan(0);
    expect(seen.sections[2]!.items[0]!.confirmed?.answer).toBe('yes');
  });

  it('refuses changes to a confirmed checklist until it is reopened with a reason', async () => {
    const edit = () =>
      svc.save(expert, c.campaignId, schoolId(), {
        side: 'confirmed',
        items: [{ section: 'comfort', key: 'sanitary', answer: 'no' }],
      });
    await expect(edit()).rejects.toMatchObject({ code: 'invalid_state' });
    await expect(svc.reopen(expert, c.campaignId, schoolId(), {})).rejects.toMatchObject({
      code: 'validation_failed',
    });
    const reopened = await svc.reopen(expert, c.campaignId, schoolId(), {
      reason: 'Ошибка в разделе 2.1',
    });
    expect(reopened).toMatchObject({ status: 'in_review', confirmedAt: null });
    await edit();
    await svc.complete(expert, c.campaignId, schoolId());
    const entries = await db()
      .select({ after: auditLog.after, actor: auditLog.actorLabel })
      .from(auditLog)
      .where(eq(auditLog.action, 'checklist.status'));
    expect(entries).toContainEqual({
      actor: expert.label,
      after: expect.objectContaining({ status: 'in_review', reason: 'Ошибка в разделе 2.1' }),
    });
  });

  it('refuses writes outside data collection', async () => {
    const closed = await createChecklistCampaign(db(), {
      status: 'published',
      orgs: [{ kind: 'school' }],
    });
    await expect(
      svc.save(expert, closed.campaignId, closed.orgs[0]!.id, {
        side: 'confirmed',
        items: [{ section: 'stand', key: 'name', answer: 'yes' }],
      }),
    ).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringMatching(/Результаты опубликованы/),
    });
    const v = await svc.get(expert, closed.campaignId, closed.orgs[0]!.id);
    expect(v.access).toMatchObject({ confirm: false, declare: false });
    await expect(svc.get(expert, c.campaignId, 999999)).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
