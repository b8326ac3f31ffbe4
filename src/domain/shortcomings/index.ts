// Shortcomings and the catalogue of standard recommendations (stand, site, channels, comfort,
// accessibility, survey). Pure: no I/O.
export { SHORTCOMING_SOURCES } from './types.ts';
export type { RecommendationItem, Shortcoming, ShortcomingSource } from './types.ts';
export {
  CHANNEL_ITEMS,
  COMFORT_ITEMS,
  PREMISES_ITEMS,
  SERVICE_ITEMS,
  STAND_ITEMS,
} from './checklist-items.ts';
export { SURVEY_ITEMS, surveyItem } from './survey-items.ts';
export type { SurveyItem } from './survey-items.ts';
export { siteItem } from './site-items.ts';
export { siteLegalBasis } from './legal.ts';
export { DEFAULT_SURVEY_THRESHOLD, deriveShortcomings } from './derive.ts';
export type { MissingList, ShortcomingFacts, ShortcomingOptions } from './derive.ts';
