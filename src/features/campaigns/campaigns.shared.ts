// Pieces shared by the campaign services: loading a campaign or failing in Russian, the methodology
// built from the user's switches, today's date in the region's time zone.
import type { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { CAMPAIGN_STATUS_TITLES, type CampaignStatus } from '../../domain/campaigns/workflow.ts';
import {
  methodologyVersion,
  validateSampleParameters,
  type MethodologyVersion,
} from '../../domain/scoring/index.ts';
import type { Executor } from '../../db/client.ts';
import type { Campaign, StoredMethodology } from '../../db/schema/index.ts';
import { getCampaign } from './campaigns.repo.ts';
import { selectCampaignForUpdate } from './campaign-list.repo.ts';
import type { MethodologyChoice } from './campaigns.schema.ts';

export async function loadCampaign(ex: Executor, id: number): Promise<Campaign> {
  const c = await getCampaign(ex, id);
  if (!c) throw AppError.notFound('Кампания не найдена');
  return c;
}

/** Loads and locks the campaign row inside a transaction (writes of one campaign serialize). */
export async function lockCampaign(ex: Executor, id: number): Promise<Campaign> {
  const c = await selectCampaignForUpdate(ex, id);
  if (!c) throw AppError.notFound('Кампания не найдена');
  return c;
}

/** The stored methodology with the user's switches applied; unspecified switches keep `base`. */
export function methodologyFrom(
  choice: MethodologyChoice,
  base?: StoredMethodology,
): StoredMethodology {
  const from = base as MethodologyVersion | undefined;
  const m = methodologyVersion({
    ...(from ?? {}),
    denominators: choice.denominators ?? from?.denominators,
    zeroDenominator: choice.zeroDenominator ?? from?.zeroDenominator,
    sample: {
      ...from?.sample,
      ...(choice.sampleShare !== undefined ? { share: normalizeShare(choice.sampleShare) } : {}),
      ...(choice.sampleCap !== undefined ? { cap: choice.sampleCap } : {}),
    },
  });
  validateSampleParameters(m.sample);
  return JSON.parse(JSON.stringify(m)) as StoredMethodology;
}

/** "0.4" → "0.40", "1" → "1.00": the stored share reads like the methodology's default. */
function normalizeShare(share: string): string {
  const [int = '0', frac = ''] = share.split('.');
  return `${int}.${frac.padEnd(2, '0')}`;
}

export function hasMethodologyChoice(choice: MethodologyChoice): boolean {
  return (
    choice.denominators !== undefined ||
    choice.zeroDenominator !== undefined ||
    choice.sampleShare !== undefined ||
    choice.sampleCap !== undefined
  );
}

/** YYYY-MM-DD of `at` in the IANA time zone (stage deadlines are local dates). */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export function statusTitle(s: CampaignStatus): string {
  return CAMPAIGN_STATUS_TITLES[s];
}

/** What the audit log keeps of a campaign (the methodology is kept whole: it decides scores). */
export function campaignSnapshot(c: Campaign) {
  return {
    title: c.title,
    year: c.year,
    territoryId: c.territoryId,
    status: c.status,
    methodology: c.methodology,
    methodologyFrozenAt: c.methodologyFrozenAt?.toISOString() ?? null,
    councilDecisionNumber: c.councilDecisionNumber,
    councilDecisionDate: c.councilDecisionDate,
    protocolFileId: c.protocolFileId,
  };
}

/** Parses input with a contract; a failure becomes AppError(validation) with one issue per field. */
export function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || 'input',
    message: i.message,
  }));
  throw AppError.validation(issues.map((i) => i.message).join('; '), issues);
}
