// Page routes of the public survey (paths relative to src/web), spread into src/web/routes.ts.
// Both are resource routes answering their own light HTML (see survey-html.ts).
import { route, type RouteConfigEntry } from '@react-router/dev/routes';

export const surveyRoutes: RouteConfigEntry[] = [
  route('s/:code', 'routes/survey/form.ts'),
  route('s/:code/thanks', 'routes/survey/thanks.ts'),
];
