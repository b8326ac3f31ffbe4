// Required sample per organisation (methodology.md "Sample"): `min(cap, ceil(share × contingent))`,
// default share 0.40 and cap 600 (switch: both are campaign parameters). An organisation below its
// minimum is flagged in every report.
import { AppError } from '../errors.ts';
import { Dec } from './decimal.ts';
import { DEFAULT_SAMPLE } from './methodology.ts';
import type { SampleParameters } from './methodology.ts';

export interface SampleStatus {
  contingent: number;
  required: number;
  respondents: number;
  /** True when respondents ≥ required. */
  meets: boolean;
  /** How many respondents are missing (0 when the sample is met). */
  shortfall: number;
}

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw AppError.validation(
      `${name}: должно быть целым неотрицательным числом (сейчас ${value})`,
      [{ path: name, message: 'должно быть целым неотрицательным числом' }],
    );
  }
}

/** Checks a share (0 < share ≤ 1) and a cap (integer ≥ 1); throws AppError(validation) otherwise. */
export function validateSampleParameters(params: SampleParameters): void {
  let share: Dec;
  try {
    share = new Dec(params.share);
  } catch {
    share = new Dec(NaN);
  }
  if (share.isNaN() || share.lte(0) || share.gt(1)) {
    const message = `доля выборки должна быть больше 0 и не больше 1 (сейчас ${params.share})`;
    throw AppError.validation(`sample.share: ${message}`, [{ path: 'sample.share', message }]);
  }
  if (!Number.isSafeInteger(params.cap) || params.cap < 1) {
    const message = `предел выборки должен быть целым числом не меньше 1 (сейчас ${params.cap})`;
    throw AppError.validation(`sample.cap: ${message}`, [{ path: 'sample.cap', message }]);
  }
}

/**
 * Minimum number of respondents for a contingent (number of pupils / service recipients). The share
 * is multiplied in decimal, so 0.40 × 1500 is exactly 600 and `ceil` does not jump to 601.
 */
export function requiredSample(
  contingent: number,
  params: SampleParameters = DEFAULT_SAMPLE,
): number {
  assertCount('contingent', contingent);
  validateSampleParameters(params);
  const byShare = new Dec(params.share).times(contingent).ceil().toNumber();
  return Math.min(params.cap, byShare);
}

/** Whether a survey reached the required sample, and by how much it fell short. */
export function sampleStatus(
  respondents: number,
  contingent: number,
  params: SampleParameters = DEFAULT_SAMPLE,
): SampleStatus {
  assertCount('respondents', respondents);
  const required = requiredSample(contingent, params);
  return {
    contingent,
    required,
    respondents,
    meets: respondents >= required,
    shortfall: Math.max(0, required - respondents),
  };
}
