// Page routes of the expert checklists (paths relative to src/web), spread into src/web/routes.ts.
import { route, type RouteConfigEntry } from '@react-router/dev/routes';

export const checklistsRoutes: RouteConfigEntry[] = [
  route('campaigns/:id/checklists', 'routes/checklists/list.tsx'),
  route('campaigns/:id/checklists/:orgId', 'routes/checklists/form.tsx'),
  route('campaigns/:id/checklists/:orgId/self-report', 'routes/checklists/self-report.tsx'),
  route('campaigns/:id/checklists/:orgId/review', 'routes/checklists/review.tsx'),
];
