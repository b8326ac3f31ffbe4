// Page routes of printed survey invitations and reminders (paths relative to src/web), spread into
// src/web/routes.ts.
import { route, type RouteConfigEntry } from '@react-router/dev/routes';

export const surveyPrintRoutes: RouteConfigEntry[] = [
  route('campaigns/:id/print', 'routes/survey-print/print.tsx'),
  route('campaigns/:id/print/:orgId/:file', 'routes/survey-print/organization-file.ts'),
  route(
    'campaigns/:id/print/municipality/:municipalityId/posters.zip',
    'routes/survey-print/posters-zip.ts',
  ),
  route('campaigns/:id/reminders', 'routes/survey-print/reminders.tsx'),
];
