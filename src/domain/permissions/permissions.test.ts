import { describe, expect, it } from 'vitest';
import { ACTIONS, authorize, can, PERMISSIONS, type Action, type Actor } from './permissions.ts';
import { ROLES, type ActorRole } from './roles.ts';

// The expected matrix written out by hand: the permission table must match it exactly.
const EXPECTED: Record<ActorRole, Action[]> = {
  regional_admin: [...ACTIONS],
  municipal: [
    'registry.view',
    'registry.edit',
    'registry.import',
    'registry.export',
    'campaign.view',
    'results.view',
    'monitor.run',
    'survey.progress',
    'survey.print',
    'survey.feedback',
  ],
  operator: [
    'registry.view',
    'registry.export',
    'campaign.view',
    'survey.enterPaper',
    'survey.moderate',
    'survey.progress',
    'survey.print',
    'survey.feedback',
    'checklist.fill',
    'results.view',
    'results.calculate',
    'monitor.run',
  ],
  expert: ['registry.view', 'campaign.view', 'survey.enterPaper', 'checklist.fill', 'results.view'],
  council: [
    'registry.view',
    'campaign.view',
    'campaign.approveList',
    'results.view',
    'results.approve',
  ],
  organization: [
    'registry.view',
    'campaign.view',
    'checklist.selfReport',
    'results.view',
    'survey.print',
    'survey.feedback',
  ],
  public: ['survey.respond'],
};

const actorFor = (role: ActorRole): Actor => ({
  role,
  userId: 1,
  territoryId: role === 'municipal' ? 10 : null,
  organizationId: role === 'organization' ? 100 : null,
});

describe('permission table', () => {
  it('lists every role', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ROLES, 'public'].sort());
  });

  for (const role of [...ROLES, 'public'] as const) {
    for (const action of ACTIONS) {
      const allowed = EXPECTED[role].includes(action);
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(can(actorFor(role), action)).toBe(allowed);
      });
    }
  }
});

describe('scopes', () => {
  const cases: Array<
    [string, Actor, Action, { municipalityId?: number; organizationId?: number }, boolean]
  > = [
    [
      'municipal, own municipality',
      actorFor('municipal'),
      'registry.edit',
      { municipalityId: 10 },
      true,
    ],
    [
      'municipal, other municipality',
      actorFor('municipal'),
      'registry.edit',
      { municipalityId: 11 },
      false,
    ],
    ['municipal without a territory', { role: 'municipal' }, 'registry.view', {}, false],
    ['organization, own', actorFor('organization'), 'results.view', { organizationId: 100 }, true],
    [
      'organization, other',
      actorFor('organization'),
      'results.view',
      { organizationId: 101 },
      false,
    ],
    [
      'organization, no target, own scope key',
      actorFor('organization'),
      'registry.view',
      {},
      false,
    ],
    [
      'regional admin, any',
      actorFor('regional_admin'),
      'registry.edit',
      { municipalityId: 99 },
      true,
    ],
    [
      'operator, any organization',
      actorFor('operator'),
      'checklist.fill',
      { organizationId: 5 },
      true,
    ],
    ['public, survey', actorFor('public'), 'survey.respond', { organizationId: 5 }, true],
  ];
  it.each(cases)('%s', (_name, actor, action, target, expected) => {
    expect(can(actor, action, target)).toBe(expected);
  });

  it('list-level checks need the scope key', () => {
    expect(can(actorFor('organization'), 'registry.view')).toBe(true);
    expect(can({ role: 'organization' }, 'registry.view')).toBe(false);
  });

  it('authorize throws a Russian forbidden error', () => {
    expect(() => authorize(actorFor('public'), 'audit.view')).toThrowError(/прав/);
  });
});
