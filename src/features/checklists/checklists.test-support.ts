// Shared by the checklists tests: a campaign collecting data with organizations of several kinds,
// callers of each role backed by real users (their names appear as «who»), complete answer sets,
// and file signatures for evidence uploads.
import pino from 'pino';
import { parseConfig } from '../../config.ts';
import type { Db, Executor } from '../../db/client.ts';
import {
  campaignOrganizations,
  campaigns,
  type CampaignStatus,
  type NewOrganization,
  type Organization,
} from '../../db/schema/index.ts';
import {
  CHECKLIST_SECTIONS,
  resolveCatalogues,
  appliesToKind,
  type Answer,
} from '../../domain/checklists/index.ts';
import type { Role } from '../../domain/permissions/index.ts';
import { DEFAULT_CATALOGUES, methodologyVersion } from '../../domain/scoring/methodology.ts';
import type { OrganizationKind } from '../../domain/scoring/input.ts';
import { createOrganizationRow, createRegion } from '../../../test/fixtures.ts';
import { createUser } from '../accounts/users.repo.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import type { ItemInput } from './checklists.schema.ts';

export interface TestClock {
  now: Date;
}

export function testDeps(db: Db, clock: TestClock): ServiceDeps {
  return {
    db,
    config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    logger: pino({ level: 'silent' }),
    now: () => clock.now,
  };
}

/** 2026-04-15 09:00 UTC, a Wednesday: inside the collection window. */
export const VISIT_DAY = new Date('2026-04-15T09:00:00Z');

let seq = 0;

export interface ChecklistCampaign {
  campaignId: number;
  /** One per requested kind, in order. */
  orgs: Organization[];
}

export async function createChecklistCampaign(
  ex: Executor,
  opts: {
    status?: CampaignStatus;
    orgs?: Partial<NewOrganization>[];
  } = {},
): Promise<ChecklistCampaign> {
  const region = await createRegion(ex);
  const [c] = await ex
    .insert(campaigns)
    .values({
      title: `Чек-листы ${++seq}`,
      year: 2026,
      territoryId: region.region.id,
      status: opts.status ?? 'collecting',
      methodology: methodologyVersion(),
      methodologyFrozenAt: new Date('2026-03-01T00:00:00Z'),
    })
    .returning();
  const orgs: Organization[] = [];
  for (const o of opts.orgs ?? [{ kind: 'school' }, { kind: 'preschool' }]) {
    const org = await createOrganizationRow(ex, region, o);
    await ex
      .insert(campaignOrganizations)
      .values({ campaignId: c!.id, organizationId: org.id, status: 'included' });
    orgs.push(org);
  }
  return { campaignId: c!.id, orgs };
}

/** A caller backed by a user row (so «who answered» has a name). */
export async function callerFor(
  ex: Executor,
  role: Role,
  organizationId: number | null = null,
): Promise<Caller> {
  const n = ++seq;
  const user = await createUser(ex, {
    email: `checklist-${role}-${n}-${process.pid}@test.noko`,
    fullName: `Проверяющий ${n} (${role})`,
    role,
    organizationId,
  });
  return {
    role,
    userId: user.id,
    label: user.fullName,
    territoryId: null,
    organizationId,
  };
}

/**
 * Items answering every applicable item of every list of the default catalogues: `pick` decides
 * each answer (default «есть»); «не применимо» gets a reason.
 */
export function allItems(
  kind: OrganizationKind,
  pick: (section: string, key: string) => Answer = () => 'yes',
): ItemInput[] {
  const cats = resolveCatalogues(DEFAULT_CATALOGUES);
  return CHECKLIST_SECTIONS.flatMap((section) =>
    cats[section].items
      .filter((i) => appliesToKind(i, kind))
      .map((i) => {
        const answer = pick(section, i.key);
        return {
          section,
          key: i.key,
          answer,
          ...(answer === 'na' ? { reason: 'Не относится к организации' } : {}),
        };
      }),
  );
}

const enc = (s: string) => [...new TextEncoder().encode(s)];

/** Tiny files with the right signatures (the signature is what counts). */
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...enc('JFIF'), 0x00]);
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
export const WEBP = new Uint8Array([...enc('RIFF'), 0x24, 0, 0, 0, ...enc('WEBPVP8 ')]);
export const HEIC = new Uint8Array([
  0,
  0,
  0,
  0x18,
  ...enc('ftypheic'),
  0,
  0,
  0,
  0,
  ...enc('mif1heic'),
]);
export const PDF = new Uint8Array(enc('%PDF-1.7\n%âãÏÓ\n'));
/** A Windows executable renamed to photo.jpg. */
export const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
