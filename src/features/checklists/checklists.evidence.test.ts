// Evidence through the service on a real database: refused uploads store nothing (not even the
// answers sent with them), accepted ones are downloadable by whoever may see them, and removal.
import { count } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { checklistEvidence, checklistItems, files } from '../../db/schema/index.ts';
import type { Caller } from '../context.ts';
import { createChecklistsService, type ChecklistsService } from './checklists.service.ts';
import { EVIDENCE_MAX_BYTES } from './checklists.schema.ts';
import {
  EXE,
  HEIC,
  JPEG,
  PDF,
  callerFor,
  createChecklistCampaign,
  testDeps,
  VISIT_DAY,
  type ChecklistCampaign,
} from './checklists.test-support.ts';

describeBackends('checklist evidence', ({ db }) => {
  let svc: ChecklistsService;
  let c: ChecklistCampaign;
  let expert: Caller;
  let org: Caller;
  let stranger: Caller;
  const rows = async () => ({
    files: (await db().select({ n: count() }).from(files))[0]!.n,
    evidence: (await db().select({ n: count() }).from(checklistEvidence))[0]!.n,
    items: (await db().select({ n: count() }).from(checklistItems))[0]!.n,
  });
  const answer = { section: 'comfort' as const, key: 'drinking_water', answer: 'yes' as const };
  const upload = (bytes: Uint8Array, name = 'кулер.jpg', size?: number) => ({
    section: 'comfort' as const,
    key: 'drinking_water',
    name,
    bytes,
    ...(size ? { size } : {}),
  });

  beforeAll(async () => {
    svc = createChecklistsService(testDeps(db(), { now: VISIT_DAY }));
    c = await createChecklistCampaign(db(), { orgs: [{ kind: 'school' }, { kind: 'school' }] });
    expert = await callerFor(db(), 'expert');
    org = await callerFor(db(), 'organization', c.orgs[0]!.id);
    stranger = await callerFor(db(), 'organization', c.orgs[1]!.id);
  });

  it.each([
    ['a renamed executable', upload(EXE), /не принят/],
    [
      'a file over 10 MB',
      upload(new Uint8Array(), 'big.jpg', EVIDENCE_MAX_BYTES + 1),
      /больше 10 МБ/,
    ],
    ['a good photo next to a bad one', upload(JPEG), /не принят/],
  ])('refuses %s and stores nothing', async (name, file, message) => {
    const before = await rows();
    const files = name.startsWith('a good') ? [file, upload(EXE, 'x.heic')] : [file];
    await expect(
      svc.save(expert, c.campaignId, c.orgs[0]!.id, { side: 'confirmed', items: [answer] }, files),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      message,
      details: { issues: [expect.objectContaining({ path: 'evidence.comfort.drinking_water' })] },
    });
    expect(await rows()).toEqual(before);
  });

  it('refuses evidence for an item the organization does not have', async () => {
    await expect(
      svc.save(expert, c.campaignId, c.orgs[0]!.id, { side: 'confirmed' }, [
        { ...upload(JPEG), section: 'stand', key: 'nonsense' },
      ]),
    ).rejects.toMatchObject({ details: { issues: [{ path: 'evidence.stand.nonsense' }] } });
  });

  it('stores photos and links with the answers, in one save', async () => {
    const v = await svc.save(
      expert,
      c.campaignId,
      c.orgs[0]!.id,
      {
        side: 'confirmed',
        items: [answer],
        links: [{ section: 'comfort', key: 'drinking_water', url: 'https://school.example/water' }],
      },
      [upload(JPEG), upload(HEIC, 'IMG_0001.HEIC')],
    );
    const item = v.sections
      .find((s) => s.section === 'comfort')!
      .items.find((i) => i.key === 'drinking_water')!;
    expect(item.confirmed?.answer).toBe('yes');
    expect(item.evidence.map((e) => [e.side, e.name, e.mime, e.url])).toEqual([
      ['confirmed', null, null, 'https://school.example/water'],
      ['confirmed', 'кулер.jpg', 'image/jpeg', null],
      ['confirmed', 'IMG_0001.HEIC', 'image/heic', null],
    ]);
    expect(item.evidence[1]!.href).toBe(`/api/v1/checklist-evidence/${item.evidence[1]!.id}`);
    const file = await svc.evidenceFile(expert, item.evidence[1]!.id);
    expect(Buffer.from(file.bytes).equals(Buffer.from(JPEG))).toBe(true);
    // The organization sees the expert's photos only after confirmation; others never.
    await expect(svc.evidenceFile(org, item.evidence[1]!.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(svc.evidenceFile(stranger, item.evidence[1]!.id)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('lets the organization attach documents to its own declaration only', async () => {
    const own = c.orgs[1]!.id;
    await expect(
      svc.save(org, c.campaignId, own, { side: 'declared' }, [upload(PDF, 'меню.pdf')]),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const v = await svc.save(stranger, c.campaignId, own, { side: 'declared' }, [
      { ...upload(PDF, 'меню.pdf'), section: 'stand', key: 'catering' },
    ]);
    const e = v.sections[0]!.items.find((i) => i.key === 'catering')!.evidence;
    expect(e).toEqual([expect.objectContaining({ side: 'declared', mime: 'application/pdf' })]);
    expect((await svc.evidenceFile(stranger, e[0]!.id)).name).toBe('меню.pdf');
    expect((await svc.evidenceFile(expert, e[0]!.id)).mime).toBe('application/pdf');
    await expect(svc.evidenceFile(org, e[0]!.id)).rejects.toMatchObject({ code: 'not_found' });
    // The expert may not remove the organization's evidence; the organization may.
    await expect(svc.removeEvidence(expert, e[0]!.id)).rejects.toMatchObject({ code: 'forbidden' });
    const before = await rows();
    await svc.removeEvidence(stranger, e[0]!.id);
    expect(await rows()).toEqual({
      ...before,
      files: before.files - 1,
      evidence: before.evidence - 1,
    });
    await expect(svc.evidenceFile(stranger, e[0]!.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('closes the declaration once the expert has started', async () => {
    await expect(
      svc.save(org, c.campaignId, c.orgs[0]!.id, { side: 'declared' }, [upload(PDF, 'меню.pdf')]),
    ).rejects.toMatchObject({ code: 'invalid_state', message: expect.stringMatching(/эксперт/) });
  });
});
