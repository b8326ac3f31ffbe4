// Organizations of the report fixture: names, identifiers and the raw counts an operator would have
// collected (checklists, site, survey), drawn from a seeded generator so every run gives the same
// figures. Special rows make the documents show every case: the worked example of methodology.md
// (total 84,44), two organizations with equal totals (a tie), one below its required sample and one
// without any respondents (insufficient data).
import { completeInn } from '../../domain/registry/identifiers.ts';
import { requiredSample } from '../../domain/scoring/index.ts';
import type {
  OrganizationInput,
  OrganizationKind,
  SurveyCounts,
} from '../../domain/scoring/index.ts';

export interface FixtureMunicipality {
  id: number;
  name: string;
  /** «городского округа Приозёрск» */
  genitive: string;
}

export interface FixtureOrg {
  organizationId: number;
  inn: string;
  shortName: string;
  fullName: string;
  kind: OrganizationKind;
  municipality: FixtureMunicipality;
  founderName: string;
  contingent: number;
  requiredSample: number;
  flaggedResponses: number;
  excludedResponses: number;
  input: OrganizationInput;
  councilProposals: string | null;
}

const NAMED: readonly FixtureMunicipality[] = [
  { id: 101, name: 'Городской округ Приозёрск', genitive: 'городского округа Приозёрск' },
  { id: 102, name: 'Городской округ Каменск', genitive: 'городского округа Каменск' },
  { id: 103, name: 'Заречный муниципальный округ', genitive: 'Заречного муниципального округа' },
];

export function fixtureMunicipalities(count: number): FixtureMunicipality[] {
  return Array.from({ length: count }, (_, i) => {
    const named = NAMED[i];
    if (named) return named;
    const n = i + 1;
    return {
      id: 100 + n,
      name: `Муниципальный округ № ${n}`,
      genitive: `муниципального округа № ${n}`,
    };
  });
}

/** mulberry32: a small seeded generator (deterministic fixture figures). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES: Record<OrganizationKind, (n: number) => [string, string]> = {
  preschool: (n) => [
    `МБДОУ «Детский сад № ${n}»`,
    `Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № ${n}»`,
  ],
  school: (n) => [
    `МБОУ «СОШ № ${n}»`,
    `Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № ${n}»`,
  ],
  vocational: (n) => [
    `ГБПОУ «Колледж № ${n}»`,
    `Государственное бюджетное профессиональное образовательное учреждение «Колледж № ${n}»`,
  ],
  additional: (n) => [
    `МБУ ДО «Дом детского творчества № ${n}»`,
    `Муниципальное бюджетное учреждение дополнительного образования «Дом детского творчества № ${n}»`,
  ],
};

/** Catalogue sizes per kind: stand items and site items that apply (checklists.md, site catalogue). */
const REQUIRED: Record<OrganizationKind, { stand: number; site: number }> = {
  preschool: { stand: 13, site: 48 },
  school: { stand: 15, site: 55 },
  vocational: { stand: 15, site: 58 },
  additional: { stand: 14, site: 50 },
};

/** The worked example of methodology.md: 84,44 in the default variant. */
function workedExample(id: string): OrganizationInput {
  return {
    id,
    kind: 'school',
    stand: { present: 9, required: 10 },
    site: { present: 40, required: 50 },
    remoteChannels: 3,
    comfortConditions: 4,
    premisesAccessibility: 2,
    serviceAccessibility: 3,
    survey: {
      ...{ respondents: 200, q1: 120, q2: 108, q3: 150, q4: 141, q5: 184, q6: 12, q7: 9 },
      ...{ q8: 190, q9: 194, q10: 80, q11: 76, q12: 180, q13: 186, q14: 188 },
    },
  };
}

/** Survey counts; a weak organization (`low` > 0) has its satisfaction shares pulled down. */
function survey(n: number, r: () => number, low = 0): SurveyCounts {
  const part = (of: number, lo: number, hi: number) =>
    Math.min(of, Math.round(of * (lo - low + r() * (hi - lo))));
  const q1 = part(n, 0.45 + low, 0.8 + low);
  const q3 = part(n, 0.55 + low, 0.9 + low);
  const q6 = part(n, low, 0.06 + low);
  const q10 = part(n, 0.25 + low, 0.6 + low);
  return {
    respondents: n,
    q1,
    q2: part(q1, 0.78, 1),
    q3,
    q4: part(q3, 0.8, 1),
    q5: part(n, 0.75, 0.99),
    q6,
    q7: part(q6, 0.5, 1),
    q8: part(n, 0.84, 1),
    q9: part(n, 0.86, 1),
    q10,
    q11: part(q10, 0.82, 1),
    q12: part(n, 0.76, 0.98),
    q13: part(n, 0.8, 0.99),
    q14: part(n, 0.8, 0.99),
  };
}

/** Random counts; about a quarter of organizations are weak (fewer conditions, lower shares). */
function randomInput(
  id: string,
  kind: OrganizationKind,
  n: number,
  r: () => number,
): OrganizationInput {
  const req = REQUIRED[kind];
  const upTo = (max: number, min = 0) => min + Math.floor(r() * (max - min + 1));
  const weak = r() < 0.25;
  const w = weak ? 1 : 0;
  return {
    id,
    kind,
    stand: { present: upTo(req.stand, req.stand - 4 - 5 * w), required: req.stand },
    site: { present: upTo(req.site, req.site - 14 - 20 * w), required: req.site },
    remoteChannels: upTo(6 - 2 * w, 2 - w),
    comfortConditions: upTo(5 - w, 3 - 2 * w),
    premisesAccessibility: upTo(5 - 2 * w, 1 - w),
    serviceAccessibility: upTo(6 - 3 * w, 1 - w),
    survey: survey(n, r, weak ? 0.25 : 0),
  };
}

const PROPOSALS = [
  'Оборудовать вход пандусом и обновить навигацию по зданию до 01.09.2027.',
  'Разместить на сайте сведения о платных услугах и вакантных местах; проверить работу формы обращения.',
  'Провести для работников занятие по этике общения; установить кулеры с питьевой водой.',
];

/** The organizations of the fixture: `count` ≥ 5, kinds in turn, municipalities in turn. */
export function fixtureOrgs(
  count: number,
  municipalities: readonly FixtureMunicipality[],
  kinds: readonly OrganizationKind[],
  seed: number,
): FixtureOrg[] {
  const r = seeded(seed);
  const orgs: FixtureOrg[] = [];
  let tieInput: OrganizationInput | undefined;
  for (let i = 0; i < count; i++) {
    const organizationId = 1001 + i;
    const id = String(organizationId);
    const special = i < 5;
    const kind: OrganizationKind = special ? 'school' : kinds[i % kinds.length]!;
    const municipality = special ? municipalities[0]! : municipalities[i % municipalities.length]!;
    const drawn = 120 + Math.floor(r() * 1500);
    const contingent = i === 0 ? 480 : i === 2 ? orgs[1]!.contingent : drawn;
    const required = requiredSample(contingent);
    let respondents = required + Math.floor(r() * required * 0.3);
    if (i === 3) respondents = Math.floor(required * 0.6); // below the required sample
    if (i === 4) respondents = 0; // insufficient data
    let input = i === 0 ? workedExample(id) : randomInput(id, kind, respondents, r);
    if (i === 1) tieInput = input;
    if (i === 2 && tieInput) input = { ...tieInput, id, survey: { ...tieInput.survey } };
    const number = 4 + i;
    const [shortName, fullName] = NAMES[kind](number);
    orgs.push({
      organizationId,
      inn: completeInn(`47${String(10_000_000 + i * 7919).slice(-7)}`),
      shortName,
      fullName,
      kind,
      municipality,
      founderName: `Управление образования администрации ${municipality.genitive}`,
      contingent,
      requiredSample: required,
      flaggedResponses: Math.floor(r() * 6),
      excludedResponses: i % 7 === 0 ? Math.floor(r() * 4) : 0,
      input: { ...input, survey: { ...input.survey } },
      councilProposals: i % 4 === 0 ? PROPOSALS[(i / 4) % PROPOSALS.length]! : null,
    });
  }
  return orgs;
}
