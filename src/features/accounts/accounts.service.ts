// User administration (regional administrator only, `users.manage`) and the user's own password.
// Every change is audited in the same transaction. Passwords: argon2id (password.ts); a generated
// initial or reset password is returned once for the administrator to hand over and never stored.
import type { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { getOrganizationByCode, getOrganizationByInn } from '../registry/organizations.repo.ts';
import { getTerritoryById } from '../registry/territories.repo.ts';
import type { Executor } from '../../db/client.ts';
import type { UserRole } from '../../db/schema/index.ts';
import { ChangePasswordInput, CreateUserInput, type UserView } from './accounts.schema.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { deleteUserSessions } from './sessions.repo.ts';
import { generatePassword } from './tokens.ts';
import { createUser, getUserById } from './users.repo.ts';
import {
  listMunicipalities,
  listUserViews,
  setPasswordHash,
  setUserActive,
} from './users-admin.repo.ts';

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || 'input',
    message: i.message,
  }));
  throw AppError.validation(issues.map((i) => i.message).join('; '), issues);
}

const snapshot = (u: UserView) => ({
  email: u.email,
  fullName: u.fullName,
  role: u.role,
  territoryId: u.territoryId,
  organizationId: u.organizationId,
  active: u.active,
});

async function viewOf(ex: Executor, id: number): Promise<UserView> {
  const [row] = await listUserViews(ex, { id });
  if (!row) throw AppError.notFound('Пользователь не найден');
  return row;
}

/** The scope columns a role needs (municipality or organization), checked against the registry. */
async function scopeFor(ex: Executor, input: z.output<typeof CreateUserInput>) {
  if (input.role === 'municipal') {
    const t = input.territoryId ? await getTerritoryById(ex, input.territoryId) : null;
    if (!t || t.kind !== 'municipality') {
      throw AppError.validation('Выберите муниципальное образование', [
        { path: 'territoryId', message: 'Выберите муниципальное образование' },
      ]);
    }
    return { territoryId: t.id, organizationId: null };
  }
  if (input.role === 'organization') {
    const key = input.organization ?? '';
    const org = key
      ? ((await getOrganizationByInn(ex, key)) ?? (await getOrganizationByCode(ex, key)))
      : null;
    if (!org) {
      const message = 'Укажите ИНН или код организации из реестра';
      throw AppError.validation(message, [{ path: 'organization', message }]);
    }
    return { territoryId: org.municipalityId, organizationId: org.id };
  }
  return { territoryId: null, organizationId: null };
}

export function createAccountsService(deps: ServiceDeps) {
  const { db } = deps;

  async function setActive(caller: Caller, id: number, active: boolean): Promise<UserView> {
    authorize(caller, 'users.manage');
    if (!active && caller.userId === id) {
      throw AppError.invalidState('Нельзя отключить собственную учётную запись');
    }
    return db.transaction(async (tx) => {
      const before = await viewOf(tx, id);
      if (before.active === active) return before;
      await setUserActive(tx, id, active);
      // A disabled account must lose access at once, not when its sessions expire.
      if (!active) await deleteUserSessions(tx, id);
      const after = await viewOf(tx, id);
      await recordAudit(tx, caller, {
        action: active ? 'user.reactivate' : 'user.deactivate',
        entityType: 'user',
        entityId: id,
        before: { active: before.active },
        after: { active: after.active },
      });
      return after;
    });
  }

  return {
    async list(caller: Caller, filter: { role?: UserRole; active?: boolean } = {}) {
      authorize(caller, 'users.manage');
      return listUserViews(db, filter);
    },

    async get(caller: Caller, id: number): Promise<UserView> {
      authorize(caller, 'users.manage');
      return viewOf(db, id);
    },

    /** Choices for the creation form. */
    async formOptions(caller: Caller) {
      authorize(caller, 'users.manage');
      return { municipalities: await listMunicipalities(db) };
    },

    /** Creates a user; `password` is the generated one (show it once) or null when it was set. */
    async create(caller: Caller, raw: CreateUserInput) {
      authorize(caller, 'users.manage');
      const input = parse(CreateUserInput, raw);
      const password = input.password ?? generatePassword();
      const passwordHash = await hashPassword(password);
      return db.transaction(async (tx) => {
        const scope = await scopeFor(tx, input);
        const row = await createUser(tx, {
          email: input.email,
          fullName: input.fullName,
          role: input.role,
          passwordHash,
          ...scope,
        });
        const user = await viewOf(tx, row.id);
        await recordAudit(tx, caller, {
          action: 'user.create',
          entityType: 'user',
          entityId: user.id,
          after: snapshot(user),
        });
        return { user, password: input.password ? null : password };
      });
    },

    deactivate: (caller: Caller, id: number) => setActive(caller, id, false),
    reactivate: (caller: Caller, id: number) => setActive(caller, id, true),

    /** Sets a new generated password (returned once) and ends the user's sessions. */
    async resetPassword(caller: Caller, id: number): Promise<{ user: UserView; password: string }> {
      authorize(caller, 'users.manage');
      const password = generatePassword();
      const hash = await hashPassword(password);
      return db.transaction(async (tx) => {
        const user = await viewOf(tx, id);
        await setPasswordHash(tx, id, hash);
        const ended = await deleteUserSessions(tx, id);
        await recordAudit(tx, caller, {
          action: 'user.resetPassword',
          entityType: 'user',
          entityId: id,
          after: { sessionsEnded: ended },
        });
        return { user, password };
      });
    },

    /**
     * The signed-in user changes their own password; their other sessions end (a password change
     * after a suspected leak must lock the intruder out), the current one stays.
     */
    async changeOwnPassword(
      caller: Caller,
      sessionId: string | null,
      raw: ChangePasswordInput,
    ): Promise<void> {
      if (!caller.userId) throw new AppError('unauthenticated', 'Войдите в систему');
      const input = parse(ChangePasswordInput, raw);
      const user = await getUserById(db, caller.userId);
      if (
        !user?.passwordHash ||
        !(await verifyPassword(input.currentPassword, user.passwordHash))
      ) {
        const message = 'Текущий пароль указан неверно';
        throw AppError.validation(message, [{ path: 'currentPassword', message }]);
      }
      const hash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await setPasswordHash(tx, user.id, hash);
        const ended = await deleteUserSessions(tx, user.id, sessionId ?? undefined);
        await recordAudit(tx, caller, {
          action: 'user.changePassword',
          entityType: 'user',
          entityId: user.id,
          after: { sessionsEnded: ended },
        });
      });
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
