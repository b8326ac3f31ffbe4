// Registry use cases: the list of organizations (search, filters, scope), the card, creation,
// editing, closing with a reason and reopening — every write audited with before/after in the
// same transaction. Organizations are never deleted (campaigns and results point at them).
// Authorities and import/export live in their own files and are merged into this service.
import { AppError } from '../../domain/errors.ts';
import { authorize, can } from '../../domain/permissions/index.ts';
import { frequencyDecision, type FrequencyDecision } from '../../domain/scoring/frequency.ts';
import type { Executor } from '../../db/client.ts';
import type { Authority, Organization, Territory } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { getAuthorityById } from './authorities.repo.ts';
import {
  countOrganizations,
  createOrganization,
  deactivateOrganization,
  getOrganizationById,
  listOrganizations,
  reactivateOrganization,
  updateOrganization,
} from './organizations.repo.ts';
import { campaignHistory, type CampaignHistoryRow } from './registry.repo.ts';
import {
  CreateOrganizationInput,
  DeactivateInput,
  OrganizationFilterInput,
  UpdateOrganizationInput,
} from './registry.schema.ts';
import {
  loadReferences,
  organizationFilter,
  organizationSnapshot,
  parse,
  scopeFilter,
} from './registry.shared.ts';
import { getTerritoryById } from './territories.repo.ts';
import { createAuthoritiesService } from './authorities.service.ts';
import { createRegistryImportService } from './registry-import.service.ts';

export interface OrganizationRow extends Organization {
  municipalityName: string;
  founderName: string | null;
}

export interface OrganizationList {
  rows: OrganizationRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OrganizationCard {
  organization: Organization;
  municipality: Territory | null;
  founder: Authority | null;
  campaigns: CampaignHistoryRow[];
  /** Whether this year's campaign may or must include the organization. */
  frequency: FrequencyDecision;
  canEdit: boolean;
}

const DEFAULT_PAGE_SIZE = 50;

export function createRegistryService(deps: ServiceDeps) {
  const { db } = deps;

  async function load(ex: Executor, id: number): Promise<Organization> {
    const o = await getOrganizationById(ex, id);
    if (!o) throw AppError.notFound('Организация не найдена');
    return o;
  }

  const target = (o: Pick<Organization, 'id' | 'municipalityId'>) => ({
    municipalityId: o.municipalityId,
    organizationId: o.id,
  });

  /** The municipality and founder of an input exist (a clear message instead of a FK error). */
  async function checkReferences(
    ex: Executor,
    input: { municipalityId?: number | undefined; founderId?: number | null | undefined },
  ) {
    if (input.municipalityId !== undefined) {
      const t = await getTerritoryById(ex, input.municipalityId);
      if (!t || t.kind !== 'municipality') {
        const message = 'Нет такого муниципального образования';
        throw AppError.validation(message, [{ path: 'municipalityId', message }]);
      }
    }
    if (input.founderId != null && !(await getAuthorityById(ex, input.founderId))) {
      const message = 'Нет такого учредителя';
      throw AppError.validation(message, [{ path: 'founderId', message }]);
    }
  }

  return {
    ...createAuthoritiesService(deps),
    ...createRegistryImportService(deps),

    /** A page of organizations the caller may see, with municipality and founder names. */
    async listOrganizations(caller: Caller, raw: unknown = {}): Promise<OrganizationList> {
      authorize(caller, 'registry.view');
      const f = parse(OrganizationFilterInput, raw);
      const filter = organizationFilter(caller, f, deps.now());
      const pageSize = f.pageSize ?? DEFAULT_PAGE_SIZE;
      const page = f.page ?? 1;
      const [rows, total, refs] = await Promise.all([
        listOrganizations(db, filter, { limit: pageSize, offset: (page - 1) * pageSize }),
        countOrganizations(db, filter),
        loadReferences(db),
      ]);
      return {
        rows: rows.map((o) => ({
          ...o,
          municipalityName: refs.territoryById.get(o.municipalityId)?.name ?? '',
          founderName:
            o.founderId === null ? null : (refs.authorityById.get(o.founderId)?.shortName ?? null),
        })),
        total,
        page,
        pageSize,
      };
    },

    async getOrganization(caller: Caller, id: number): Promise<OrganizationCard> {
      authorize(caller, 'registry.view');
      const o = await load(db, id);
      authorize(caller, 'registry.view', target(o));
      const [municipality, founder, campaigns] = await Promise.all([
        getTerritoryById(db, o.municipalityId),
        o.founderId === null ? null : getAuthorityById(db, o.founderId),
        campaignHistory(db, o.id),
      ]);
      // A campaign counts as an assessment once its list was approved (status past draft).
      const years = campaigns
        .filter((c) => c.status === 'included' && c.campaignStatus !== 'draft')
        .map((c) => c.year);
      if (o.lastAssessedYear !== null) years.push(o.lastAssessedYear);
      return {
        organization: o,
        municipality,
        founder,
        campaigns,
        frequency: frequencyDecision(deps.now().getUTCFullYear(), years),
        canEdit: can(caller, 'registry.edit', target(o)),
      };
    },

    async createOrganization(caller: Caller, raw: unknown): Promise<Organization> {
      authorize(caller, 'registry.edit');
      const input = parse(CreateOrganizationInput, raw);
      authorize(caller, 'registry.edit', { municipalityId: input.municipalityId });
      return db.transaction(async (tx) => {
        await checkReferences(tx, input);
        const o = await createOrganization(tx, {
          ...input,
          code: input.code || `inn-${input.inn}`,
        });
        await recordAudit(tx, caller, {
          action: 'create',
          entityType: 'organization',
          entityId: o.id,
          after: organizationSnapshot(o),
        });
        return o;
      });
    },

    async updateOrganization(caller: Caller, id: number, raw: unknown): Promise<Organization> {
      authorize(caller, 'registry.edit');
      const patch = parse(UpdateOrganizationInput, raw);
      return db.transaction(async (tx) => {
        const before = await load(tx, id);
        authorize(caller, 'registry.edit', target(before));
        // Moving an organization to another municipality needs rights over both.
        if (patch.municipalityId !== undefined)
          authorize(caller, 'registry.edit', { municipalityId: patch.municipalityId });
        await checkReferences(tx, patch);
        const changes = Object.fromEntries(
          Object.entries(patch).filter(([, v]) => v !== undefined),
        ) as typeof patch;
        if (Object.keys(changes).length === 0) return before;
        const after = (await updateOrganization(tx, id, changes))!;
        await recordAudit(tx, caller, {
          action: 'update',
          entityType: 'organization',
          entityId: id,
          before: organizationSnapshot(before),
          after: organizationSnapshot(after),
        });
        return after;
      });
    },

    /** Closes an organization (reorganized, liquidated): it leaves lists, its history stays. */
    async deactivateOrganization(caller: Caller, id: number, raw: unknown): Promise<Organization> {
      authorize(caller, 'registry.edit');
      const { reason } = parse(DeactivateInput, raw);
      return db.transaction(async (tx) => {
        const before = await load(tx, id);
        authorize(caller, 'registry.edit', target(before));
        if (!before.active) throw AppError.invalidState('Организация уже закрыта');
        const after = (await deactivateOrganization(tx, id, reason, deps.now()))!;
        await recordAudit(tx, caller, {
          action: 'deactivate',
          entityType: 'organization',
          entityId: id,
          before: organizationSnapshot(before),
          after: organizationSnapshot(after),
        });
        return after;
      });
    },

    async reactivateOrganization(caller: Caller, id: number): Promise<Organization> {
      authorize(caller, 'registry.edit');
      return db.transaction(async (tx) => {
        const before = await load(tx, id);
        authorize(caller, 'registry.edit', target(before));
        if (before.active) throw AppError.invalidState('Организация и так действует');
        const after = (await reactivateOrganization(tx, id))!;
        await recordAudit(tx, caller, {
          action: 'reactivate',
          entityType: 'organization',
          entityId: id,
          before: organizationSnapshot(before),
          after: organizationSnapshot(after),
        });
        return after;
      });
    },

    /** Territories and authorities for filters and forms (edit forms: the caller's own only). */
    async references(caller: Caller) {
      authorize(caller, 'registry.view');
      const refs = await loadReferences(db);
      const own = scopeFilter(caller, 'registry.edit').municipalityId;
      return {
        municipalities: refs.municipalities,
        editableMunicipalities:
          own === undefined ? refs.municipalities : refs.municipalities.filter((m) => m.id === own),
        authorities: refs.authorities,
      };
    },
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
