// Page routes of the result dashboards and the public result pages (paths relative to src/web),
// spread into src/web/routes.ts. The public ones are resource routes answering light HTML
// (public-html.ts); `/results/:campaignId/org/:orgId` is the address the result card's QR code
// prints, so it must not change.
import { route, type RouteConfigEntry } from '@react-router/dev/routes';

export const dashboardsRoutes: RouteConfigEntry[] = [
  route('campaigns/:id/dashboard', 'routes/dashboards/campaign.tsx'),
  route('campaigns/:id/organizations/:orgId/results', 'routes/dashboards/organization.tsx'),
  route('results/:campaignId', 'routes/dashboards/public-list.ts'),
  route('results/:campaignId/org/:orgId', 'routes/dashboards/public-card.ts'),
];
