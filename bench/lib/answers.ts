// Survey answers of respondent number k for benchmarks: deterministic (a hash of k), with the skip
// logic of the questionnaire (a dependent question only after «Да» to its filter) and shares in the
// range operators see (60–98 % «Да» for satisfaction, a few percent with a disability).

function unit(k: number, salt: number): number {
  let h = Math.imul(k ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

/** P(«Да») per question; dependents are conditional on their filter. */
const P: Record<string, number> = {
  q1: 0.62,
  q2: 0.9,
  q3: 0.71,
  q4: 0.88,
  q5: 0.9,
  q6: 0.04,
  q7: 0.8,
  q8: 0.93,
  q9: 0.95,
  q10: 0.44,
  q11: 0.92,
  q12: 0.89,
  q13: 0.91,
  q14: 0.92,
};
const DEPENDS: Record<string, string> = { q2: 'q1', q4: 'q3', q7: 'q6', q11: 'q10' };

export function answersFor(k: number): Record<string, boolean> {
  // Each organization leans a little better or worse, so results differ between organizations.
  const lean = (unit(k % 10_000, 99) - 0.5) * 0.2;
  const out: Record<string, boolean> = {};
  Object.keys(P).forEach((q, i) => {
    const filter = DEPENDS[q];
    if (filter && !out[filter]) return;
    const p =
      q === 'q6' || (q.startsWith('q1') && (q === 'q1' || q === 'q10')) ? P[q]! : P[q]! + lean;
    out[q] = unit(k, i) < p;
  });
  return out;
}
