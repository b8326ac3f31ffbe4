// Page routes of paper entry and survey import (paths relative to src/web), spread into
// src/web/routes.ts.
import { route, type RouteConfigEntry } from '@react-router/dev/routes';

export const surveyPaperRoutes: RouteConfigEntry[] = [
  route('campaigns/:id/paper', 'routes/survey-paper/paper.tsx'),
  route('campaigns/:id/paper/double-entry', 'routes/survey-paper/double-entry.tsx'),
  route('campaigns/:id/survey-import', 'routes/survey-paper/survey-import.tsx'),
];
