// The JSON API routes of every feature, mounted under /api/v1 by `noko serve`. Each feature's
// `*.routes.ts` exports one registration function; add it here.
import type { ApiRoutes } from './types.ts';
import { registerCampaignRoutes } from '../features/campaigns/campaigns.routes.ts';
import { registerRegistryRoutes } from '../features/registry/registry.routes.ts';
import { registerAuditRoutes } from '../features/dashboard/audit.routes.ts';
import { registerSurveyRoutes } from '../features/survey/survey.routes.ts';
import { registerPaperRoutes } from '../features/survey/paper.routes.ts';
import { registerModerationRoutes } from '../features/survey/moderation.routes.ts';
import { registerChecklistRoutes } from '../features/checklists/checklists.routes.ts';
import { registerMonitorRoutes } from '../features/monitor/monitor.routes.ts';
import { registerResultsRoutes } from '../features/results/results.routes.ts';
import { registerSurveyPrintRoutes } from '../features/survey-print/print.routes.ts';
import { registerSurveyReminderRoutes } from '../features/survey-reminders/reminders.routes.ts';
import { registerReportRoutes } from '../features/reports/reports.routes.ts';
import { registerFeedbackRoutes } from '../features/feedback/feedback.routes.ts';

export const FEATURE_API_ROUTES: readonly ApiRoutes[] = [
  registerCampaignRoutes,
  registerAuditRoutes,
  registerRegistryRoutes,
  registerSurveyRoutes,
  registerPaperRoutes,
  registerModerationRoutes,
  registerChecklistRoutes,
  registerMonitorRoutes,
  registerResultsRoutes,
  registerSurveyPrintRoutes,
  registerSurveyReminderRoutes,
  registerReportRoutes,
  registerFeedbackRoutes,
];
