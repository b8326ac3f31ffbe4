// The `survey.remind-lagging` job (ADR 0004): weekly on its schedule (every campaign collecting
// data) and on the operator's button (one campaign). Idempotent by design: survey_reminders keeps
// an organization from a second letter within the interval, so a retry or a duplicate run sends
// nothing new.
import type { JobHandler } from '../../jobs/queue.ts';
import type { ServiceDeps } from '../context.ts';
import {
  REMIND_LAGGING_JOB,
  REMIND_LAGGING_SCHEDULE,
  type RemindLaggingData,
} from './reminders.schema.ts';
import { createSurveyRemindersService } from './reminders.service.ts';

/** Registered by `noko serve` through src/jobs/handlers.ts. */
export function createRemindLaggingJob(deps: ServiceDeps): JobHandler<RemindLaggingData> {
  const reminders = createSurveyRemindersService(deps);
  return {
    name: REMIND_LAGGING_JOB,
    schedule: REMIND_LAGGING_SCHEDULE,
    options: { retryLimit: 3, retryDelay: 300, retryBackoff: true, expireInSeconds: 3600 },
    handler: async (data) => {
      await reminders.run(data);
    },
  };
}
