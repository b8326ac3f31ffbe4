// The demo accounts: one per role, readable e-mails under the reserved-looking domain demo.noko and
// ONE shared password printed at start-up. They exist only in a database seeded by seed.ts.
import { asc, like } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import { ROLES, type Role } from '../../domain/permissions/index.ts';
import { verifyPassword } from '../accounts/password.ts';

export const DEMO_EMAIL_DOMAIN = 'demo.noko';
/** The one password of every demo account (printed by `noko serve`; never used for real data). */
export const DEMO_PASSWORD = 'demo-noko-2026';

export interface DemoAccount {
  role: Role;
  email: string;
  fullName: string;
}

/** One account per role, in the order of ROLES (the start-up table follows it). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: 'regional_admin', email: 'admin@demo.noko', fullName: 'Соколова Ирина Викторовна' },
  { role: 'municipal', email: 'mo@demo.noko', fullName: 'Морозов Андрей Петрович' },
  { role: 'operator', email: 'operator@demo.noko', fullName: 'Лебедева Анна Сергеевна' },
  { role: 'expert', email: 'expert@demo.noko', fullName: 'Волков Дмитрий Игоревич' },
  { role: 'council', email: 'council@demo.noko', fullName: 'Егорова Татьяна Николаевна' },
  { role: 'organization', email: 'school@demo.noko', fullName: 'Павлова Ольга Михайловна' },
];

export interface DemoLogin {
  role: Role;
  email: string;
}

/**
 * The demo accounts that still exist, are active and still accept the demo password — the only
 * ones worth printing. A real installation has none; a demo whose passwords were changed shows
 * only the unchanged ones. The seed gives all accounts one hash, so this verifies once (~0.1 s).
 */
export async function findDemoLogins(ex: Executor): Promise<DemoLogin[]> {
  const rows = await ex
    .select({
      role: users.role,
      email: users.email,
      hash: users.passwordHash,
      active: users.active,
    })
    .from(users)
    .where(like(users.email, `%@${DEMO_EMAIL_DOMAIN}`))
    .orderBy(asc(users.id));
  const verdicts = new Map<string, boolean>();
  const result: DemoLogin[] = [];
  for (const row of rows) {
    if (!row.active || !row.hash) continue;
    let ok = verdicts.get(row.hash);
    if (ok === undefined) {
      ok = await verifyPassword(DEMO_PASSWORD, row.hash);
      verdicts.set(row.hash, ok);
    }
    if (ok) result.push({ role: row.role, email: row.email });
  }
  return result.sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
}
