// Issue 4 item 7 on both backends: a response outside the collection window (campaign still
// collecting) is kept with the flag `outside_window`, listed for moderation under its Russian
// label and counted only once the operator includes it.
import pino from 'pino';
import { expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { parseConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { createModerationService } from './moderation.service.ts';
import { flagLabel } from './moderation.schema.ts';
import { createSurveyService } from './survey.service.ts';
import { createSurveyCampaign, minimal } from './survey.test-support.ts';

const deps = (db: Db): ServiceDeps => ({
  db,
  config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
  logger: pino({ level: 'silent' }),
  now: () => new Date('2026-06-03T08:00:00Z'), // after the default window (… 2026-05-31)
});
const operator: Caller = { role: 'operator', label: 'Оператор' };

describeBackends('responses outside the collection window', ({ db }) => {
  it('are kept flagged, listed for moderation and counted once included', async () => {
    const survey = createSurveyService(deps(db()));
    const moderation = createModerationService(deps(db()));
    const c = await createSurveyCampaign(db(), { organizations: 1 });
    const late = await survey.submit({
      code: c.codes[0]!,
      answers: minimal(),
      channel: 'online',
      skipped: 'drop',
      mode: 'auto',
      clientAddress: '203.0.113.80',
    });
    expect(late).toMatchObject({ repeated: false, flags: ['outside_window'] });
    expect(late.kind).not.toBe('feedback');
    expect(flagLabel('outside_window')).toBe('Ответ вне сроков сбора');
    const list = await moderation.flagged(operator, c.campaignId, { flag: 'outside_window' });
    expect(list.flags).toEqual([{ flag: 'outside_window', count: 1 }]);
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({ id: late.id, flags: ['outside_window'] });
    expect(list.rows[0]!.flagReasons.outside_window).toMatch(/03\.06\.2026.*после окончания сбора/);
    expect((await survey.stats(operator, c.campaignId)).organizations[0]!.valid).toBe(0);
    await moderation.decide(operator, c.campaignId, {
      ids: [late.id],
      decision: 'included',
      reason: 'Опоздал на три дня, ответ добросовестный',
    });
    expect((await survey.stats(operator, c.campaignId)).organizations[0]!.valid).toBe(1);
  });
});
