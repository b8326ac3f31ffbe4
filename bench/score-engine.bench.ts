// Benchmark of the pure scoring engine: validate, score and aggregate N organizations in memory,
// as `noko score` does. Prints figures; asserts nothing about speed.
// Usage: npm run bench:score-engine [-- N]
import { performance } from 'node:perf_hooks';
import {
  aggregateBy,
  aggregateScores,
  parseScoreRequest,
  roundOrganizationScore,
  scoreOrganization,
} from '../src/domain/scoring/index.ts';

const n = Number(process.argv[2] ?? 10_000);
const KINDS = ['preschool', 'school', 'vocational', 'additional'] as const;

function randomOrg(i: number) {
  const r = (max: number) => Math.floor(Math.random() * (max + 1));
  const respondents = 40 + r(560);
  const q1 = r(respondents);
  const q3 = r(respondents);
  const q6 = r(Math.floor(respondents / 10));
  const q10 = r(respondents);
  const yes = () => r(respondents);
  return {
    id: `org-${i}`,
    kind: KINDS[i % 4],
    stand: { present: r(15), required: 15 },
    site: { present: r(96), required: 96 },
    remoteChannels: r(6),
    comfortConditions: r(5),
    premisesAccessibility: r(5),
    serviceAccessibility: r(6),
    survey: {
      respondents,
      q1,
      q2: r(q1),
      q3,
      q4: r(q3),
      q5: yes(),
      q6,
      q7: r(q6),
      q8: yes(),
      q9: yes(),
      q10,
      q11: r(q10),
      q12: yes(),
      q13: yes(),
      q14: yes(),
    },
  };
}

const input = { organizations: Array.from({ length: n }, (_, i) => randomOrg(i)) };
const t0 = performance.now();
const request = parseScoreRequest(JSON.parse(JSON.stringify(input)));
const t1 = performance.now();
const scores = request.organizations.map((o) => scoreOrganization(o, request.methodology));
const t2 = performance.now();
const rounded = scores.map(roundOrganizationScore);
const region = aggregateScores(scores);
const kindOf = new Map(request.organizations.map((o) => [o.id, o.kind]));
const byKind = aggregateBy(scores, (s) => String(kindOf.get(s.id)));
const t3 = performance.now();

const ms = (a: number, b: number) => `${(b - a).toFixed(0)} ms`;
console.log(`scoring engine, ${n} organizations`);
console.log(`  validate input   ${ms(t0, t1)}`);
console.log(
  `  score            ${ms(t1, t2)}  (${Math.round(n / ((t2 - t1) / 1000))} organizations/s)`,
);
console.log(`  round+aggregate  ${ms(t2, t3)}`);
console.log(`  total            ${ms(t0, t3)}`);
console.log(`  peak RSS         ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(
  `  check: ${rounded.length} results, region total ${region.total?.toFixed(2)}, ${byKind.size} kinds`,
);
