// Page routes of the accounts feature (paths relative to src/web), spread into src/web/routes.ts.
import type { RouteConfigEntry } from '@react-router/dev/routes';
import { route } from '@react-router/dev/routes';

export const accountsRoutes: RouteConfigEntry[] = [
  route('logout', 'routes/accounts/logout.tsx'),
  route('account', 'routes/accounts/account.tsx'),
  route('admin/users', 'routes/accounts/users.tsx'),
  route('admin/users/new', 'routes/accounts/user-new.tsx'),
  route('admin/users/:id', 'routes/accounts/user.tsx'),
];
