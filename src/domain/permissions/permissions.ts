// Permissions as data: which role may do which action, and within which scope. One check function
// (`can`) decides; services call `authorize`, which throws AppError(forbidden).
import { AppError } from '../errors.ts';
import type { ActorRole } from './roles.ts';

export const ACTIONS = [
  'registry.view',
  'registry.edit',
  'registry.import',
  'registry.export',
  'campaign.view',
  'campaign.create',
  'campaign.edit',
  'campaign.approveList',
  'survey.respond',
  'survey.enterPaper',
  'survey.moderate',
  'survey.progress',
  'survey.print',
  'survey.feedback',
  'checklist.fill',
  'checklist.selfReport',
  'results.view',
  'results.calculate',
  'results.approve',
  'monitor.run',
  'audit.view',
  'users.manage',
  'outbox.view',
] as const;

export type Action = (typeof ACTIONS)[number];

/**
 * How far a grant reaches:
 * - `all`: every record in the region;
 * - `municipality`: records of the actor's municipality (municipal authorities);
 * - `organization`: only the actor's own organization.
 */
export type Scope = 'all' | 'municipality' | 'organization';

type Grants = Partial<Record<Action, Scope>>;

const READ_ALL: Grants = {
  'registry.view': 'all',
  'campaign.view': 'all',
  'results.view': 'all',
};

/** The permission table. Anything absent is denied. */
export const PERMISSIONS: Record<ActorRole, Grants> = {
  regional_admin: Object.fromEntries(
    ['survey.respond', ...ACTIONS.filter((a) => a !== 'survey.respond')].map((a) => [a, 'all']),
  ) as Grants,
  municipal: {
    'registry.view': 'municipality',
    'registry.edit': 'municipality',
    'registry.import': 'municipality',
    'registry.export': 'municipality',
    'campaign.view': 'all',
    'results.view': 'municipality',
    'monitor.run': 'municipality',
    // Sample control and invitations of their own municipality's organizations (issue 4).
    'survey.progress': 'municipality',
    'survey.print': 'municipality',
    // Feedback between campaigns about their own municipality's organizations (issue 4 item 8).
    'survey.feedback': 'municipality',
  },
  operator: {
    ...READ_ALL,
    'registry.export': 'all',
    'survey.enterPaper': 'all',
    'survey.moderate': 'all',
    'survey.progress': 'all',
    'survey.print': 'all',
    'survey.feedback': 'all',
    'checklist.fill': 'all',
    'results.calculate': 'all',
    'monitor.run': 'all',
  },
  expert: { ...READ_ALL, 'checklist.fill': 'all', 'survey.enterPaper': 'all' },
  // Council members read, vote and comment; their decisions approve lists and results.
  council: { ...READ_ALL, 'campaign.approveList': 'all', 'results.approve': 'all' },
  organization: {
    'registry.view': 'organization',
    'campaign.view': 'all',
    'checklist.selfReport': 'organization',
    'results.view': 'organization',
    // Its own QR code, poster and paper questionnaire (issue 4 item 4).
    'survey.print': 'organization',
    // The feedback about itself received between campaigns (issue 4 item 8).
    'survey.feedback': 'organization',
  },
  public: { 'survey.respond': 'all' },
};

export interface Actor {
  role: ActorRole;
  userId?: number;
  /** Municipality of a municipal authority user. */
  territoryId?: number | null;
  /** Organization of an organization user. */
  organizationId?: number | null;
}

/** What a record belongs to; omit for actions that are not about one record (lists, creation). */
export interface Target {
  municipalityId?: number | null;
  organizationId?: number | null;
}

export function scopeOf(role: ActorRole, action: Action): Scope | undefined {
  return PERMISSIONS[role][action];
}

/** The one check: may this actor do this action (on this target, if given)? */
export function can(actor: Actor, action: Action, target?: Target): boolean {
  const scope = scopeOf(actor.role, action);
  if (!scope) return false;
  if (scope === 'all' || !target) return scope === 'all' || hasScopeKey(actor, scope);
  if (scope === 'municipality') {
    return actor.territoryId != null && target.municipalityId === actor.territoryId;
  }
  return actor.organizationId != null && target.organizationId === actor.organizationId;
}

function hasScopeKey(actor: Actor, scope: Scope): boolean {
  return scope === 'municipality' ? actor.territoryId != null : actor.organizationId != null;
}

export function authorize(actor: Actor, action: Action, target?: Target): void {
  if (!can(actor, action, target)) throw AppError.forbidden();
}
