// Page routes of campaign documents and exports (paths relative to src/web), spread into
// src/web/routes.ts: the download page and the file downloads it links to.
import { route, type RouteConfigEntry } from '@react-router/dev/routes';

export const reportsRoutes: RouteConfigEntry[] = [
  route('campaigns/:id/reports', 'routes/reports/reports.tsx'),
  route('campaigns/:id/reports/card/:orgId', 'routes/reports/card-download.ts'),
  route('campaigns/:id/reports/:format', 'routes/reports/download.ts'),
];
