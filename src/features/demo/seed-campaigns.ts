// The demo campaigns: last year's, closed, so history exists; this year's, collecting data, with
// the list picked by the campaign proposal (the three-year rule, art. 95.2 of 273-ФЗ), the council's
// decision, the default stage plan with the stages before data collection done, the methodology
// frozen, and a survey code per included organization.
import type { Tx } from '../../db/client.ts';
import { campaigns, campaignStages, type OrganizationKind } from '../../db/schema/index.ts';
import { proposeCampaignList, type ProposalRow } from '../../domain/campaigns/proposal.ts';
import {
  defaultStagePlan,
  STAGE_TITLES,
  type StageKey,
  type StagePlan,
} from '../../domain/campaigns/stages.ts';
import { methodologyVersion } from '../../domain/scoring/index.ts';
import type { AuditChange } from '../audit/audit.service.ts';
import { addCampaignOrganizations } from '../campaigns/campaigns.repo.ts';
import { uniqueSurveyCodes } from '../campaigns/survey-code.ts';
import { seedDemoResponses } from './seed-responses.ts';

export interface SeededOrganization {
  id: number;
  code: string;
  kind: OrganizationKind;
  municipalityCode: string;
  lastAssessedYear: number | null;
}

export interface CampaignSeedInput {
  now: Date;
  regionId: number;
  adminId: number | null;
  orgs: readonly SeededOrganization[];
}

/** A list of about this size: a third of the region a year, as the three-year rule implies. */
const TARGET_LIST = 120;
/** Stages already done while data is being collected. */
const DONE_BEFORE_COLLECTING: readonly StageKey[] = ['list_approval', 'terms_of_reference'];

interface ListRow {
  organizationId: number;
  mandatory: boolean;
  reason: string;
}

export async function seedDemoCampaigns(
  tx: Tx,
  input: CampaignSeedInput,
  audit: AuditChange[],
): Promise<{ campaigns: number; included: number }> {
  const year = input.now.getUTCFullYear();
  const previous = previousList(year - 1, input.orgs);
  const assessedLastYear = new Set(previous.map((r) => r.organizationId));
  const current = currentList(year, input.orgs, assessedLastYear);
  const codes = await uniqueSurveyCodes(previous.length + current.length, async () => new Set());

  const closed = await createCampaign(tx, input, audit, {
    year: year - 1,
    status: 'closed',
    list: previous,
    codes: codes.slice(0, previous.length),
    done: () => true,
  });
  const collecting = await createCampaign(tx, input, audit, {
    year,
    status: 'collecting',
    list: current,
    codes: codes.slice(previous.length),
    done: (key) => DONE_BEFORE_COLLECTING.includes(key),
  });
  // Last year's sample was collected in full (a few organizations fell short); this year's is
  // being collected: each organization has between a third and nine tenths of its sample so far.
  await seedDemoResponses(tx, {
    campaignId: closed.id,
    fill: (rng) => (rng.chance(0.06) ? 0.55 + rng.next() * 0.35 : 1 + rng.next() * 0.2),
    from: new Date(`${closed.collection.plannedStart}T06:00:00Z`),
    to: new Date(`${closed.collection.plannedEnd}T18:00:00Z`),
    seed: year * 7 + 1,
  });
  await seedDemoResponses(tx, {
    campaignId: collecting.id,
    fill: (rng) => 0.3 + rng.next() * 0.6,
    from: new Date(`${collecting.collection.plannedStart}T06:00:00Z`),
    to: new Date(
      Math.min(input.now.getTime(), Date.parse(`${collecting.collection.plannedEnd}T18:00:00Z`)),
    ),
    seed: year * 7 + 2,
  });
  return { campaigns: 2, included: current.length };
}

/**
 * Last year's list: those the registry says were assessed then, plus everyone who was due then
 * with an earlier assessment on record (a real campaign would have had to include them).
 */
function previousList(year: number, orgs: readonly SeededOrganization[]): ListRow[] {
  const proposal = proposeCampaignList(
    year,
    orgs.map((o) => ({
      organizationId: o.id,
      active: true,
      assessedYears:
        o.lastAssessedYear !== null && o.lastAssessedYear < year ? [o.lastAssessedYear] : [],
    })),
  );
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return proposal
    .filter((p) => {
      const last = byId.get(p.organizationId)?.lastAssessedYear ?? null;
      return last === year || (p.mandatory && p.decision.lastAssessedYear !== null);
    })
    .map(listRow);
}

/** This year's list: every mandatory organization, then the proposed ones up to TARGET_LIST. */
function currentList(
  year: number,
  orgs: readonly SeededOrganization[],
  assessedLastYear: ReadonlySet<number>,
): ListRow[] {
  const proposal = proposeCampaignList(
    year,
    orgs.map((o) => ({
      organizationId: o.id,
      active: true,
      assessedYears: [
        ...(o.lastAssessedYear !== null ? [o.lastAssessedYear] : []),
        ...(assessedLastYear.has(o.id) ? [year - 1] : []),
      ],
    })),
  );
  const mandatory = proposal.filter((p) => p.mandatory);
  const optional = proposal.filter((p) => p.proposed && !p.mandatory);
  const room = Math.max(0, TARGET_LIST - mandatory.length);
  return [...mandatory, ...optional.slice(0, room)].map(listRow);
}

function listRow(p: ProposalRow): ListRow {
  return { organizationId: p.organizationId, mandatory: p.mandatory, reason: p.decision.reason };
}

interface CampaignSpec {
  year: number;
  status: 'closed' | 'collecting';
  list: readonly ListRow[];
  codes: readonly string[];
  done: (key: StageKey) => boolean;
}

const DAY = 86_400_000;
const isoPlus = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * The demo shows a campaign in data collection whatever the date: when today is past the default
 * collection window, the window is stretched to end 30 days from today and the later stages move
 * by the same number of days, so nothing looks overdue on a fresh demo.
 */
function keepCollectingOpen(plan: StagePlan[], now: Date): StagePlan[] {
  const today = now.toISOString().slice(0, 10);
  const collection = plan.find((s) => s.key === 'data_collection')!;
  if (collection.plannedEnd >= today) return plan;
  const shift = Math.round((Date.parse(today) - Date.parse(collection.plannedEnd)) / DAY) + 30;
  const after = plan.indexOf(collection);
  return plan.map((s, i) =>
    i < after
      ? s
      : i === after
        ? { ...s, plannedEnd: isoPlus(s.plannedEnd, shift) }
        : {
            ...s,
            plannedStart: isoPlus(s.plannedStart, shift),
            plannedEnd: isoPlus(s.plannedEnd, shift),
          },
  );
}

/** The earlier of an ISO date's noon (UTC) and now: nothing is recorded as done in the future. */
function notAfter(isoDate: string, now: Date): Date {
  const at = new Date(`${isoDate}T12:00:00Z`);
  return at < now ? at : now;
}

async function createCampaign(
  tx: Tx,
  input: CampaignSeedInput,
  audit: AuditChange[],
  spec: CampaignSpec,
): Promise<{ id: number; collection: StagePlan }> {
  const plan =
    spec.status === 'collecting'
      ? keepCollectingOpen(defaultStagePlan(spec.year), input.now)
      : defaultStagePlan(spec.year);
  const listApproval = plan.find((s) => s.key === 'list_approval')!;
  const collection = plan.find((s) => s.key === 'data_collection')!;
  const decisionDate = notAfter(listApproval.plannedEnd, input.now).toISOString().slice(0, 10);
  const [campaign] = await tx
    .insert(campaigns)
    .values({
      title: `НОК УООД ${spec.year}`,
      year: spec.year,
      territoryId: input.regionId,
      status: spec.status,
      methodology: methodologyVersion(),
      methodologyFrozenAt: notAfter(collection.plannedStart, input.now),
      councilDecisionNumber: `${spec.year - 2000}/1`,
      councilDecisionDate: decisionDate,
      createdById: input.adminId,
    })
    .returning();
  const id = campaign!.id;
  await tx.insert(campaignStages).values(
    plan.map((s) => ({
      campaignId: id,
      key: s.key,
      title: STAGE_TITLES[s.key],
      plannedStart: s.plannedStart,
      plannedEnd: s.plannedEnd,
      completedAt: spec.done(s.key) ? notAfter(s.plannedEnd, input.now) : null,
    })),
  );
  await addCampaignOrganizations(
    tx,
    id,
    spec.list.map((r, i) => ({
      organizationId: r.organizationId,
      status: 'included' as const,
      mandatory: r.mandatory,
      reason: r.reason,
      surveyCode: spec.codes[i] ?? null,
      addedById: input.adminId,
    })),
  );
  audit.push(
    {
      action: 'create',
      entityType: 'campaign',
      entityId: id,
      after: { title: campaign!.title, year: spec.year, status: spec.status },
    },
    {
      action: 'include_organizations',
      entityType: 'campaign',
      entityId: id,
      after: { included: spec.list.length, mandatory: spec.list.filter((r) => r.mandatory).length },
    },
  );
  return { id, collection };
}
