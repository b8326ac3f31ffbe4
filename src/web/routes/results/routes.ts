// Page routes of the results feature (paths relative to src/web), spread into src/web/routes.ts.
import { route, type RouteConfigEntry } from '@react-router/dev/routes';

export const resultsRoutes: RouteConfigEntry[] = [
  route('campaigns/:id/results', 'routes/results/campaign.tsx'),
  route('campaigns/:id/results/organizations/:orgId', 'routes/results/organization.tsx'),
];
