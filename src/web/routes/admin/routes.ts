// Page routes of the admin feature (paths relative to src/web), spread into src/web/routes.ts.
// The audit log is read-only: there are no routes that edit or delete entries.
import { route, type RouteConfigEntry } from '@react-router/dev/routes';

export const adminRoutes: RouteConfigEntry[] = [
  route('dashboard', 'routes/dashboard.tsx'),
  route('admin/audit', 'routes/admin/audit-list.tsx'),
  route('admin/audit/:id', 'routes/admin/audit-entry.tsx'),
  route('admin/outbox', 'routes/admin/outbox-list.tsx'),
  route('admin/outbox/:id', 'routes/admin/outbox-message.tsx'),
];
