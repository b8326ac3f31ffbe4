// The campaign list proposal: which organizations to assess this year. Order of priority (issue 3,
// methodology.md "Frequency"): those who must be assessed (overdue, never assessed, last year of the
// three-year window) first, then those last assessed two or more years ago; those assessed last year
// may be added by hand; none may be assessed twice in one year.
import { frequencyDecision, type FrequencyDecision } from '../scoring/frequency.ts';

export interface ProposalCandidate {
  organizationId: number;
  active: boolean;
  /** Every year the organization was assessed (imported history and noko campaigns). */
  assessedYears: readonly number[];
}

export interface ProposalRow {
  organizationId: number;
  decision: FrequencyDecision;
  /** Included in the proposed list by default. */
  proposed: boolean;
  /** Mandatory by the at-least-once-in-three-years rule: cannot be removed without breaking it. */
  mandatory: boolean;
  /** Lower sorts first. */
  priority: number;
}

function priorityOf(d: FrequencyDecision, year: number): number {
  if (d.status === 'must') return d.overdue ? 0 : d.lastAssessedYear === null ? 1 : 2;
  if (d.status === 'allowed')
    return d.lastAssessedYear !== null && d.lastAssessedYear <= year - 2 ? 3 : 4;
  return 5;
}

/** Proposes the list for `year`. Inactive organizations are left out. Stable order by priority. */
export function proposeCampaignList(
  year: number,
  candidates: readonly ProposalCandidate[],
): ProposalRow[] {
  return candidates
    .filter((c) => c.active)
    .map((c) => {
      const decision = frequencyDecision(year, c.assessedYears);
      const priority = priorityOf(decision, year);
      return {
        organizationId: c.organizationId,
        decision,
        proposed: priority <= 3,
        mandatory: decision.status === 'must',
        priority,
      };
    })
    .sort((a, b) => a.priority - b.priority || a.organizationId - b.organizationId);
}
