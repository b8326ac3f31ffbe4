// Roles of noko's users. `public` is everyone who is not logged in.

export const ROLES = [
  'regional_admin',
  'municipal',
  'operator',
  'expert',
  'council',
  'organization',
] as const;

export type Role = (typeof ROLES)[number];
export type ActorRole = Role | 'public';

export const ROLE_TITLES: Record<ActorRole, string> = {
  regional_admin: 'Региональный администратор',
  municipal: 'Муниципальный орган управления образованием',
  operator: 'Организация-оператор',
  expert: 'Эксперт оператора',
  council: 'Член общественного совета',
  organization: 'Образовательная организация',
  public: 'Гость',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
