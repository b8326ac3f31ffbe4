// Raw counts of the dashboards fixture: what an operator would have collected for each organization
// (checklists, site, survey), drawn from a seeded generator so every run gives the same figures.
// Identities (id, name, municipality, kind, contingent) depend only on the position, so the same
// organization appears in every year's campaign; the counts depend on the year, and `drift` moves
// every satisfaction share up (or down) to show a year-over-year change.
import { requiredSample } from '../../domain/scoring/index.ts';
import {
  CHANNEL_ITEMS,
  COMFORT_ITEMS,
  PREMISES_ITEMS,
  SERVICE_ITEMS,
} from '../../domain/shortcomings/index.ts';
import type {
  OrganizationInput,
  OrganizationKind,
  SurveyCounts,
} from '../../domain/scoring/index.ts';

export interface FixtureMunicipality {
  id: number;
  name: string;
}

export interface FixtureOrganization {
  organizationId: number;
  inn: string;
  shortName: string;
  fullName: string;
  kind: OrganizationKind;
  municipality: FixtureMunicipality;
  contingent: number;
  requiredSample: number;
  input: OrganizationInput;
  /** Items missing from each condition list, in the order experts most often miss them. */
  missing: { comfort: string[]; premises: string[]; services: string[]; channels: string[] };
}

const MUNICIPALITIES = [
  'Городской округ Приозёрск',
  'Каменский муниципальный район',
  'Заречный муниципальный округ',
  'Лесногорский городской округ',
  'Сосновский муниципальный район',
];

export function fixtureMunicipalities(count: number): FixtureMunicipality[] {
  return Array.from({ length: count }, (_, i) => ({
    id: 201 + i,
    name: MUNICIPALITIES[i] ?? `Муниципальный округ № ${i + 1}`,
  }));
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
    `МБУ ДО «Центр детского творчества № ${n}»`,
    `Муниципальное бюджетное учреждение дополнительного образования «Центр детского творчества № ${n}»`,
  ],
};

const CONTINGENT: Record<OrganizationKind, [number, number]> = {
  preschool: [60, 260],
  school: [250, 1200],
  vocational: [400, 1600],
  additional: [150, 900],
};

const REQUIRED: Record<OrganizationKind, { stand: number; site: number }> = {
  preschool: { stand: 13, site: 48 },
  school: { stand: 15, site: 55 },
  vocational: { stand: 15, site: 58 },
  additional: { stand: 14, site: 50 },
};

// Catalogue items (src/domain/shortcomings/checklist-items.ts) by position, commonest first: an
// organization with `k` conditions has the first `k`, so the rarest ones (Braille, a sign-language
// interpreter, spare wheelchairs…) top the gap list.
const byPosition = (items: readonly { code: string }[], order: readonly number[]) =>
  order.map((i) => items[i]?.code).filter((c): c is string => c !== undefined);
const COMFORT = byPosition(COMFORT_ITEMS, [4, 3, 1, 0, 2]);
const PREMISES = byPosition(PREMISES_ITEMS, [0, 2, 4, 1, 3]);
const SERVICES = byPosition(SERVICE_ITEMS, [3, 5, 4, 0, 1, 2]);
const CHANNELS = byPosition(CHANNEL_ITEMS, [0, 1, 2, 4, 3, 5]);

type Rng = () => number;
const between = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

function survey(n: number, r: Rng, quality: number): SurveyCounts {
  const part = (of: number, lo: number, hi: number) =>
    Math.max(0, Math.min(of, Math.round(of * Math.min(1, lo + quality + r() * (hi - lo)))));
  const q1 = part(n, 0.45, 0.8);
  const q3 = part(n, 0.55, 0.9);
  const q6 = Math.min(n, Math.round(n * r() * 0.06));
  const q10 = part(n, 0.25, 0.6);
  return {
    respondents: n,
    ...{ q1, q2: part(q1, 0.7, 0.92), q3, q4: part(q3, 0.72, 0.92), q5: part(n, 0.66, 0.92) },
    ...{ q6, q7: part(q6, 0.4, 0.9), q8: part(n, 0.78, 0.94), q9: part(n, 0.8, 0.95) },
    ...{ q10, q11: part(q10, 0.74, 0.94), q12: part(n, 0.68, 0.9) },
    ...{ q13: part(n, 0.72, 0.92), q14: part(n, 0.72, 0.92) },
  };
}

export interface GenerateOptions {
  count: number;
  municipalities: readonly FixtureMunicipality[];
  kinds: readonly OrganizationKind[];
  year: number;
  /** Added to every satisfaction share (0.03 = three points more «Да»). */
  drift: number;
}

/**
 * Organizations with their counts. Position 3 (when there are 8 or more) falls short of its
 * required sample; position 5 has no respondents at all (insufficient data, total null).
 */
export function fixtureOrganizations(o: GenerateOptions): FixtureOrganization[] {
  const identity = seeded(7001);
  const counts = seeded(o.year * 31 + 17);
  return Array.from({ length: o.count }, (_, i) => {
    const kind = o.kinds[i % o.kinds.length]!;
    const municipality =
      o.municipalities[Math.floor(i / o.kinds.length) % o.municipalities.length]!;
    const number = i + 1;
    const [shortName, fullName] = NAMES[kind](number);
    const [lo, hi] = CONTINGENT[kind];
    const contingent = between(identity, lo, hi);
    const strength = identity();
    const required = requiredSample(contingent);
    const weak = strength < 0.2 ? -0.18 : 0;
    const quality = weak + (strength - 0.5) * 0.1 + o.drift;
    let respondents = Math.round(required * (1 + counts() * 0.35));
    if (o.count >= 8 && i === 3) respondents = Math.floor(required * 0.6);
    if (o.count >= 8 && i === 5) respondents = 0;
    const conditions = (max: number) =>
      Math.max(0, Math.min(max, Math.round((max - 2) * strength + counts() * 2.4 + o.drift * 10)));
    // Comfort conditions are the easiest to provide: most organizations have four or five.
    const comfort = Math.min(5, conditions(5) + 2);
    const premises = conditions(5);
    const services = conditions(6);
    const channels = Math.min(6, 2 + conditions(4));
    const need = REQUIRED[kind];
    const input: OrganizationInput = {
      id: String(1000 + number),
      kind,
      stand: {
        present: need.stand - Math.min(need.stand, between(counts, 0, weak < 0 ? 5 : 2)),
        required: need.stand,
      },
      site: {
        present: need.site - Math.min(need.site, between(counts, 0, weak < 0 ? 14 : 6)),
        required: need.site,
      },
      remoteChannels: channels,
      comfortConditions: comfort,
      premisesAccessibility: premises,
      serviceAccessibility: services,
      survey: survey(respondents, counts, quality),
    };
    return {
      organizationId: 1000 + number,
      inn: String(6100000000 + number * 37),
      shortName,
      fullName,
      kind,
      municipality,
      contingent,
      requiredSample: required,
      input,
      missing: {
        comfort: COMFORT.slice(comfort),
        premises: PREMISES.slice(premises),
        services: SERVICES.slice(services),
        channels: CHANNELS.slice(channels),
      },
    };
  });
}
