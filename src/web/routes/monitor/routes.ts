// Page routes of site monitoring (paths relative to src/web), spread into src/web/routes.ts.
import { route, type RouteConfigEntry } from '@react-router/dev/routes';

export const monitorRoutes: RouteConfigEntry[] = [
  route('monitor', 'routes/monitor/summary.tsx'),
  route('monitor/summary.xlsx', 'routes/monitor/summary-xlsx.ts'),
  route('monitor/items.xlsx', 'routes/monitor/items-xlsx.ts'),
  route('monitor/runs/:id', 'routes/monitor/run.tsx'),
  route('monitor/organizations/:id', 'routes/monitor/organization.tsx'),
  route('monitor/checks/:id', 'routes/monitor/check.tsx'),
  route('monitor/checks/:id/pages/:seq', 'routes/monitor/page.tsx'),
  route('monitor/checks/:id/pages/:seq/source', 'routes/monitor/page-source.ts'),
];
