// Page routes. Every path not handled by the Hono app (API, health, static assets) lands here.
// Each feature keeps its own list in routes/<feature>/routes.ts.
import { type RouteConfig, index, route } from '@react-router/dev/routes';
import { accountsRoutes } from './routes/accounts/routes.ts';
import { adminRoutes } from './routes/admin/routes.ts';
import { campaignsRoutes } from './routes/campaigns/routes.ts';
import { resultsRoutes } from './routes/results/routes.ts';
import { dashboardsRoutes } from './routes/dashboards/routes.ts';
import { registryRoutes } from './routes/registry/routes.ts';
import { surveyRoutes } from './routes/survey/routes.ts';
import { surveyPaperRoutes } from './routes/survey-paper/routes.ts';
import { surveyAdminRoutes } from './routes/survey-admin/routes.ts';
import { checklistsRoutes } from './routes/checklists/routes.ts';
import { monitorRoutes } from './routes/monitor/routes.ts';
import { surveyPrintRoutes } from './routes/survey-print/routes.ts';
import { feedbackRoutes } from './routes/feedback/routes.ts';
import { reportsRoutes } from './routes/reports/routes.ts';

export default [
  index('routes/home.tsx'),
  route('login', 'routes/login.tsx'),
  ...accountsRoutes,
  ...registryRoutes,
  ...campaignsRoutes,
  ...resultsRoutes,
  ...adminRoutes,
  ...surveyRoutes,
  ...surveyAdminRoutes,
  ...surveyPaperRoutes,
  ...checklistsRoutes,
  ...surveyPrintRoutes,
  ...feedbackRoutes,
  ...dashboardsRoutes,
  ...monitorRoutes,
  ...reportsRoutes,
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
