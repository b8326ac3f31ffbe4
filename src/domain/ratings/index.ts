// Ratings (places, exclusions) and the Wilson interval of survey shares. Pure: no I/O, no clock.
export { competitionRanks, exclusionReason, rankOrganizations } from './ranking.ts';
export type { ExclusionReason, Placement, RankCandidate, RankOptions } from './ranking.ts';
export { Z_95, wilsonInterval, wilsonPercent } from './wilson.ts';
export type { WilsonInterval } from './wilson.ts';
