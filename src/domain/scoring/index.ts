// Public API of the scoring engine (methodology.md). Pure: no I/O, no clock.
export {
  CRITERION_IDS,
  CRITERION_WEIGHTS,
  DEFAULT_BANDS,
  DEFAULT_CATALOGUES,
  DEFAULT_METHODOLOGY,
  DEFAULT_SAMPLE,
  DENOMINATOR_MODES,
  INDICATOR_IDS,
  ZERO_DENOMINATOR_MODES,
  methodologyVersion,
} from './methodology.ts';
export type {
  Band,
  CatalogueVersions,
  CriterionId,
  DenominatorMode,
  IndicatorId,
  MethodologyOverrides,
  MethodologyVersion,
  SampleParameters,
  ZeroDenominatorMode,
} from './methodology.ts';
export { Dec, format2, round2, round2Dec, round2OrNull } from './decimal.ts';
export { ORGANIZATION_KINDS, SURVEY_QUESTIONS, organizationIssues } from './input.ts';
export type { ItemCount, OrganizationInput, OrganizationKind, SurveyCounts } from './input.ts';
export type {
  CriterionProvenance,
  IndicatorProvenance,
  IndicatorVariant,
  TotalProvenance,
  WeightUse,
} from './provenance.ts';
export { scoreIndicators } from './indicators.ts';
export type { IndicatorResult } from './indicators.ts';
export { scoreCriteria, scoreCriterion, scoreTotal } from './criteria.ts';
export type { CriterionResult, TotalResult } from './criteria.ts';
export { roundOrganizationScore, scoreOrganization } from './organization.ts';
export type { OrganizationScore, RoundedScore } from './organization.ts';
export { aggregateBy, aggregateScores, roundAggregate } from './aggregate.ts';
export type { AggregateScore, RoundedAggregate } from './aggregate.ts';
export { requiredSample, sampleStatus, validateSampleParameters } from './sample.ts';
export type { SampleStatus } from './sample.ts';
export { MAX_YEARS_BETWEEN_ASSESSMENTS, frequencyDecision } from './frequency.ts';
export type { FrequencyDecision, FrequencyStatus } from './frequency.ts';
export { bandFor, validateBands } from './bands.ts';
export { fieldPath, parseScoreRequest, validationError } from './input.schema.ts';
export type { ScoreRequest } from './input.schema.ts';
export { contractOutput, outputWithProvenance, provenanceJson, scoreBatch } from './contract.ts';
export type { BatchScore, ScoreOutput } from './contract.ts';
