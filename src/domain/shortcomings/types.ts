// What a shortcoming is: something below its maximum, with the standard recommendation, ready for an
// organization's improvement plan (273-ФЗ art. 95.2 part 6: the founder and the organization draw up
// a plan to remove the shortcomings the assessment found). Structurally the same as `Shortcoming` of
// src/features/results/results.schema.ts (the domain does not import features).
import type { IndicatorId } from '../scoring/methodology.ts';

export const SHORTCOMING_SOURCES = ['stand', 'site', 'channels', 'checklist', 'survey'] as const;
export type ShortcomingSource = (typeof SHORTCOMING_SOURCES)[number];

export interface Shortcoming {
  /** Stable code, e.g. "site:common.fullName", "comfort:drinking_water", "survey:q2". */
  code: string;
  indicator: IndicatorId;
  source: ShortcomingSource;
  /** What is missing or low, in Russian: `subject`, or `subject: detail`. */
  title: string;
  /** The catalogue's wording of the gap (the same for every organization). */
  subject: string;
  /** This organization's figure, e.g. «9 из 10» or «82,50 %»; null for a missing item. */
  detail: string | null;
  /** Standard recommendation text from the catalogue. */
  recommendation: string;
  legalBasis: string | null;
  /** The indicator value (or the survey share) that shows the gap, when there is one. */
  value: number | null;
}

/** One entry of a catalogue of standard recommendations. */
export interface RecommendationItem {
  /** Code inside its list (the shortcoming code is `<list>:<code>`). */
  code: string;
  /** The condition or item, as experts and reports name it. */
  title: string;
  recommendation: string;
  legalBasis: string | null;
}
