// Page routes of feedback between campaigns (paths relative to src/web), spread into
// src/web/routes.ts.
import { route, type RouteConfigEntry } from '@react-router/dev/routes';

export const feedbackRoutes: RouteConfigEntry[] = [
  route('feedback', 'routes/feedback/feedback.tsx'),
];
