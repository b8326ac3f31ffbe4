// Territories and authorities (founders, education authorities): everyone with registry access
// reads them; only a regional-wide editor (the regional administrator) creates or changes
// authorities, since founders are shared by municipalities and drive results delivery.
import { AppError } from '../../domain/errors.ts';
import { authorize, scopeOf } from '../../domain/permissions/index.ts';
import type { Authority, Territory } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import {
  createAuthority,
  getAuthorityById,
  listAuthorities,
  updateAuthority,
} from './authorities.repo.ts';
import { AuthorityInput, UpdateAuthorityInput } from './registry.schema.ts';
import { authoritySnapshot, parse } from './registry.shared.ts';
import { getTerritoryById, listTerritories } from './territories.repo.ts';

export interface AuthorityRow extends Authority {
  territoryName: string;
}

export function createAuthoritiesService(deps: ServiceDeps) {
  const { db } = deps;

  function authorizeRegional(caller: Caller): void {
    authorize(caller, 'registry.edit');
    if (scopeOf(caller.role, 'registry.edit') !== 'all')
      throw AppError.forbidden('Учредителей и органы управления ведёт региональный администратор');
  }

  async function checkTerritory(id: number | undefined): Promise<void> {
    if (id !== undefined && !(await getTerritoryById(db, id))) {
      const message = 'Нет такой территории';
      throw AppError.validation(message, [{ path: 'territoryId', message }]);
    }
  }

  return {
    async listTerritories(caller: Caller): Promise<Territory[]> {
      authorize(caller, 'registry.view');
      return listTerritories(db);
    },

    async listAuthorities(caller: Caller): Promise<AuthorityRow[]> {
      authorize(caller, 'registry.view');
      const [rows, territories] = await Promise.all([listAuthorities(db), listTerritories(db)]);
      const names = new Map(territories.map((t) => [t.id, t.name]));
      return rows.map((a) => ({ ...a, territoryName: names.get(a.territoryId) ?? '' }));
    },

    async getAuthority(caller: Caller, id: number): Promise<Authority> {
      authorize(caller, 'registry.view');
      const a = await getAuthorityById(db, id);
      if (!a) throw AppError.notFound('Орган управления не найден');
      return a;
    },

    async createAuthority(caller: Caller, raw: unknown): Promise<Authority> {
      authorizeRegional(caller);
      const input = parse(AuthorityInput, raw);
      await checkTerritory(input.territoryId);
      return db.transaction(async (tx) => {
        const a = await createAuthority(tx, input);
        await recordAudit(tx, caller, {
          action: 'create',
          entityType: 'authority',
          entityId: a.id,
          after: authoritySnapshot(a),
        });
        return a;
      });
    },

    async updateAuthority(caller: Caller, id: number, raw: unknown): Promise<Authority> {
      authorizeRegional(caller);
      const patch = parse(UpdateAuthorityInput, raw);
      await checkTerritory(patch.territoryId);
      const changes = Object.fromEntries(
        Object.entries(patch).filter(([, v]) => v !== undefined),
      ) as typeof patch;
      return db.transaction(async (tx) => {
        const before = await getAuthorityById(tx, id);
        if (!before) throw AppError.notFound('Орган управления не найден');
        if (Object.keys(changes).length === 0) return before;
        const after = (await updateAuthority(tx, id, changes))!;
        await recordAudit(tx, caller, {
          action: 'update',
          entityType: 'authority',
          entityId: id,
          before: authoritySnapshot(before),
          after: authoritySnapshot(after),
        });
        return after;
      });
    },
  };
}
