// Page routes of survey sample control and moderation (paths relative to src/web).
import { route, type RouteConfigEntry } from '@react-router/dev/routes';

export const surveyAdminRoutes: RouteConfigEntry[] = [
  route('campaigns/:id/survey', 'routes/survey-admin/progress.tsx'),
  route('campaigns/:id/moderation', 'routes/survey-admin/moderation.tsx'),
];
