// All services of the application, built once per process from their dependencies. The HTTP layer
// hands this object to API routes (`c.get('services')`) and pages (`context.get(appContext)`),
// so page bundles import only types from src/features.
import type { ServiceDeps } from './context.ts';
import { createSurveyService } from './survey/survey.service.ts';
import { createPaperService } from './survey/paper.service.ts';
import { createSurveyImportService } from './survey/import.service.ts';
import { createAuditService } from './audit/audit.service.ts';
import { createAccountsService } from './accounts/accounts.service.ts';
import { createAuthService } from './accounts/auth.service.ts';
import { createDashboardService } from './dashboard/dashboard.service.ts';
import { createCampaignsService } from './campaigns/campaigns.service.ts';
import { createRegistryService } from './registry/registry.service.ts';
import { createMailService } from './mail/mail.service.ts';
import { createModerationService } from './survey/moderation.service.ts';
import { createResultsService } from './results/results.service.ts';
import { createResultDashboardsService } from './dashboards/dashboards.service.ts';
import { createChecklistsService } from './checklists/checklists.service.ts';
import { createMonitorService } from './monitor/monitor.service.ts';
import { createSurveyPrintService } from './survey-print/print.service.ts';
import { createSurveyRemindersService } from './survey-reminders/reminders.service.ts';
import { createReportsService } from './reports/reports.service.ts';
import { createFeedbackService } from './feedback/feedback.service.ts';

export function createServices(deps: ServiceDeps) {
  return {
    deps,
    audit: createAuditService(deps),
    auth: createAuthService(deps),
    accounts: createAccountsService(deps),
    dashboard: createDashboardService(deps),
    campaigns: createCampaignsService(deps),
    survey: createSurveyService(deps),
    paper: createPaperService(deps),
    surveyImport: createSurveyImportService(deps),
    registry: createRegistryService(deps),
    mail: createMailService(deps),
    surveyModeration: createModerationService(deps),
    results: createResultsService(deps),
    resultDashboards: createResultDashboardsService(deps),
    checklists: createChecklistsService(deps),
    monitor: createMonitorService(deps),
    surveyPrint: createSurveyPrintService(deps),
    surveyReminders: createSurveyRemindersService(deps),
    reports: createReportsService(deps),
    feedback: createFeedbackService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
