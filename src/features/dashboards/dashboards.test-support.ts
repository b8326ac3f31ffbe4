// Shared by the dashboards tests and the performance measurement: campaigns of one region with
// stored result runs, straight in the database, built from the fixture (dashboards.fixture.ts) so
// the numbers are the engine's. Fixture ids are replaced by real organization and territory ids;
// `results` returns each year's CampaignResults with the real ids, for exact comparisons.
import type { Executor } from '../../db/client.ts';
import {
  campaigns,
  organizations,
  territories,
  type StoredAggregate,
  type StoredMethodology,
} from '../../db/schema/index.ts';
import type { Shortcoming as DomainShortcoming } from '../../domain/shortcomings/index.ts';
import { FragmentTable, packProvenance, packShortcomings } from '../results/pack.ts';
import { insertRun, insertRunOrganizations } from '../results/results.repo.ts';
import { createRegion, organizationInput, type RegionFixture } from '../../../test/fixtures.ts';
import type { CampaignResults, OrganizationResult } from '../results/results.schema.ts';
import { dashboardsFixture } from './dashboards.fixture.ts';

export interface FixtureYear {
  year: number;
  /** Shift of satisfaction shares against the base year (see fixture-inputs.ts). */
  drift?: number;
  status?: 'frozen' | 'current';
}

export interface StoredResults {
  region: RegionFixture;
  /** Per year, oldest first: the campaign, its run and its results with real ids. */
  years: { campaignId: number; runId: number; results: CampaignResults }[];
}

function withRealIds(
  r: CampaignResults,
  org: Map<number, number>,
  mun: Map<number, { id: number; name: string }>,
  campaignId: number,
  regionName: string,
): CampaignResults {
  const orgs = r.organizations.map((o): OrganizationResult => ({
    ...o,
    organizationId: org.get(o.organizationId)!,
    municipalityId: mun.get(o.municipalityId)!.id,
    municipalityName: mun.get(o.municipalityId)!.name,
  }));
  const aggregates = r.aggregates.map((a) =>
    a.level === 'municipality'
      ? { ...a, key: String(mun.get(Number(a.key))!.id), name: mun.get(Number(a.key))!.name }
      : a,
  );
  return {
    ...r,
    campaign: { ...r.campaign, id: campaignId, regionName },
    run: { ...r.run, campaignId },
    aggregates: aggregates.map((a) => (a.level === 'region' ? { ...a, name: regionName } : a)),
    organizations: orgs,
  };
}

/**
 * Stores a run the way the calculation does (src/features/results/run-calculation.ts): provenance
 * and shortcomings packed against the run's fragment table, rows inserted by the results repo.
 */
async function storeRun(ex: Executor, campaignId: number, r: CampaignResults, version = 1) {
  const frozen = r.run.status === 'frozen';
  const table = new FragmentTable();
  const rows = r.organizations.map((o) => ({
    ...o,
    indicators: o.indicators as Record<string, number | null>,
    criteria: o.criteria as Record<string, number | null>,
    provenance: packProvenance(o.provenance, table),
    // The fixture keeps the catalogue's subject/detail split of src/domain/shortcomings.
    shortcomings: packShortcomings(o.shortcomings as unknown as DomainShortcoming[], table),
    flags: [
      ...(o.belowSample ? ['below_sample'] : []),
      ...(o.total === null ? ['insufficient_data'] : []),
    ],
  }));
  const run = await insertRun(ex, {
    campaignId,
    version,
    status: r.run.status,
    methodology: r.run.methodology,
    settings: { rankBelowSample: false, surveyThreshold: 80 },
    inputsDigest: `${r.run.inputsDigest}-v${version}`,
    computedAt: new Date(r.run.computedAt),
    computedBy: 'тест',
    organizations: r.organizations.length,
    aggregates: r.aggregates.map(({ name: _name, ...a }): StoredAggregate => ({
      ...a,
      indicators: a.indicators as Record<string, number | null>,
      criteria: a.criteria as Record<string, number | null>,
    })),
    fragments: table.entries,
    frozenAt: frozen ? new Date(r.run.frozenAt!) : null,
    frozenBasis: frozen ? r.run.frozenBasis : null,
  });
  await insertRunOrganizations(ex, run.id, rows, (r) => r);
  return run.id;
}

/** A region with municipalities (two by default), its organizations and a campaign with a run per year. */
export async function storeFixtureResults(
  ex: Executor,
  opts: { organizations?: number; municipalities?: number; years?: readonly FixtureYear[] } = {},
): Promise<StoredResults> {
  const region = await createRegion(ex);
  const years = opts.years ?? [{ year: 2025, drift: -0.04 }, { year: 2026 }];
  const built = years.map((y) =>
    dashboardsFixture({
      organizations: opts.organizations ?? 24,
      municipalities: Math.max(2, opts.municipalities ?? 2),
      year: y.year,
      drift: y.drift ?? 0,
      runStatus: y.status ?? 'frozen',
    }),
  );
  // The region fixture has two municipalities; more are added beside them when asked.
  const extra = Math.max(0, (opts.municipalities ?? 2) - 2);
  const added = extra
    ? await ex
        .insert(territories)
        .values(
          Array.from({ length: extra }, (_, i) => ({
            code: `${region.region.code}-m${i + 3}`,
            name: `Муниципальный округ ${i + 3}`,
            kind: 'municipality' as const,
            parentId: region.region.id,
          })),
        )
        .returning({ id: territories.id, name: territories.name })
    : [];
  const real = [...region.municipalities.map((m) => ({ id: m.id, name: m.name })), ...added];
  const mun = new Map(real.map((m, i) => [201 + i, m]));
  const base = built[0]!.organizations;
  const inserted = await ex
    .insert(organizations)
    .values(
      base.map((o) =>
        organizationInput(region, {
          kind: o.kind as 'school',
          shortName: o.shortName,
          fullName: o.fullName,
          municipalityId: mun.get(o.municipalityId)!.id,
        }),
      ),
    )
    .returning({ id: organizations.id });
  const org = new Map(base.map((o, i) => [o.organizationId, inserted[i]!.id]));
  const out: StoredResults['years'] = [];
  for (const r of built) {
    const [c] = await ex
      .insert(campaigns)
      .values({
        title: r.campaign.title,
        year: r.campaign.year,
        territoryId: region.region.id,
        status: 'published',
        methodology: r.run.methodology as unknown as StoredMethodology,
      })
      .returning({ id: campaigns.id });
    // The run id is known only after inserting; rows carry real ids from the start.
    const results = withRealIds(r, org, mun, c!.id, region.region.name);
    const runId = await storeRun(ex, c!.id, results);
    out.push({
      campaignId: c!.id,
      runId,
      results: { ...results, run: { ...results.run, id: runId } },
    });
  }
  return { region, years: out };
}

/** A newer, not yet approved calculation of a stored campaign (version 2, status current). */
export async function addCurrentRun(ex: Executor, stored: StoredResults['years'][number]) {
  const r: CampaignResults = {
    ...stored.results,
    run: { ...stored.results.run, status: 'current', frozenAt: null, frozenBasis: null },
  };
  return storeRun(ex, stored.campaignId, r, 2);
}
