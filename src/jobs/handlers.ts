// Every feature's job handlers, started by `noko serve`. A feature adds its handler here (one
// line); the handler itself lives in src/features/<feature>/<job>.job.ts (ADR 0004).
import type { ServiceDeps } from '../features/context.ts';
import { createMailSendJob } from '../features/mail/mail-send.job.ts';
import { createRecalculateJob } from '../features/results/recalculate.job.ts';
import { createMonitorJobs } from '../features/monitor/monitor.jobs.ts';
import { createRemindLaggingJob } from '../features/survey-reminders/reminders.job.ts';
import { createAnalyzeJob } from './analyze.job.ts';
import type { JobHandler } from './queue.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function featureJobHandlers(deps: ServiceDeps): JobHandler<any>[] {
  return [
    createMailSendJob(deps),
    createRecalculateJob(deps),
    createRemindLaggingJob(deps),
    ...createMonitorJobs(deps),
    ...createAnalyzeJob(deps),
  ];
}
