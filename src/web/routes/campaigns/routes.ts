// Page routes of the campaigns feature (paths relative to src/web), spread into src/web/routes.ts.
import { route, type RouteConfigEntry } from '@react-router/dev/routes';

export const campaignsRoutes: RouteConfigEntry[] = [
  route('campaigns', 'routes/campaigns/list.tsx'),
  route('campaigns/new', 'routes/campaigns/new.tsx'),
  route('campaigns/:id', 'routes/campaigns/card.tsx'),
  route('campaigns/:id/list', 'routes/campaigns/organizations.tsx'),
  route('campaigns/:id/approve', 'routes/campaigns/approve.tsx'),
  route('campaigns/:id/stages', 'routes/campaigns/stages.tsx'),
];
