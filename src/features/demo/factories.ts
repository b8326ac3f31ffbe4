// Factories of registry records. The demo region and the tests build their data with these, so the
// demo shows exactly the shapes the tests exercise.
import { completeInn, completeOgrn } from '../../domain/registry/identifiers.ts';
import { createRng, type Rng } from './random.ts';
import {
  KINDERGARTEN_NAMES,
  MUNICIPALITIES,
  REGION,
  STREETS,
  VILLAGES,
  personName,
  type MunicipalitySeed,
} from './names.ts';

export type OrgKind = 'preschool' | 'school' | 'vocational' | 'additional';

export interface OrganizationSeed {
  code: string;
  inn: string;
  ogrn: string;
  kpp: string;
  kind: OrgKind;
  shortName: string;
  fullName: string;
  municipalityCode: string;
  founderCode: string;
  address: string;
  website: string;
  email: string;
  phone: string;
  contingent: number;
  headName: string;
  headPosition: string;
  lastAssessedYear: number | null;
}

export interface AuthoritySeed {
  code: string;
  name: string;
  shortName: string;
  level: 'regional' | 'municipal';
  territoryCode: string;
  inn: string;
  email: string;
  phone: string;
}

/** Regional tax office prefix of the fictional region's INNs (digits 1–4). */
const INN_PREFIX = '6950';

let serial = 0;

/** A unique, valid INN / OGRN pair built from a counter (stable within one process). */
export function nextIdentifiers(rng: Rng): { inn: string; ogrn: string; kpp: string } {
  serial += 1;
  const inn = completeInn(`${INN_PREFIX}${String(10000 + serial).padStart(5, '0')}`);
  const ogrn = completeOgrn(
    `1${rng.int(10, 24)}${INN_PREFIX.slice(0, 2)}${String(serial).padStart(7, '0')}`,
  );
  return { inn, ogrn, kpp: `${INN_PREFIX}01001` };
}

export function regionAuthority(): AuthoritySeed {
  return {
    code: 'MIN-PRI',
    name: `Министерство образования ${REGION.genitive}`,
    shortName: 'Минобразования области',
    level: 'regional',
    territoryCode: REGION.code,
    inn: completeInn('695000001'),
    email: 'minobr@priozersk-obl.example',
    phone: '+7 (4852) 40-10-00',
  };
}

export function municipalAuthority(m: MunicipalitySeed, index: number): AuthoritySeed {
  return {
    code: `UO-${m.code}`,
    name: `Управление образования администрации ${m.genitive}`,
    shortName: `УО ${m.town}`,
    level: 'municipal',
    territoryCode: m.code,
    inn: completeInn(`69500${String(100 + index).padStart(4, '0')}`),
    email: `uo@${m.slug}.example`,
    phone: `+7 (48${50 + index}) 2-${10 + index}-00`,
  };
}

const ASSESSED_YEARS = [null, 2022, 2023, 2023, 2024, 2024, 2025, 2025] as const;

interface NameParts {
  shortName: string;
  fullName: string;
  slug: string;
  position: string;
  contingent: [number, number];
  regional: boolean;
}

function nameFor(kind: OrgKind, m: MunicipalitySeed, n: number, rng: Rng): NameParts {
  const place = rng.chance(0.7) ? m.town : `с. ${rng.pick(VILLAGES)}`;
  if (kind === 'preschool') {
    const nick = rng.pick(KINDERGARTEN_NAMES);
    return {
      shortName: `МБДОУ «Детский сад № ${n} „${nick}“»`,
      fullName: `Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № ${n} „${nick}“» ${place}`,
      slug: `ds${n}`,
      position: 'Заведующий',
      contingent: [45, 320],
      regional: false,
    };
  }
  if (kind === 'school') {
    const type = rng.pick(['СОШ', 'СОШ', 'СОШ', 'ООШ', 'Гимназия', 'Лицей'] as const);
    const long = {
      СОШ: 'Средняя общеобразовательная школа',
      ООШ: 'Основная общеобразовательная школа',
      Гимназия: 'Гимназия',
      Лицей: 'Лицей',
    }[type];
    return {
      shortName: `МБОУ «${type} № ${n}»`,
      fullName: `Муниципальное бюджетное общеобразовательное учреждение «${long} № ${n}» ${place}`,
      slug: `school${n}`,
      position: 'Директор',
      contingent: type === 'ООШ' ? [40, 220] : [180, 1450],
      regional: false,
    };
  }
  if (kind === 'vocational') {
    const profile = rng.pick([
      'Педагогический колледж',
      'Индустриальный техникум',
      'Медицинский колледж',
      'Аграрный техникум',
      'Колледж сервиса и технологий',
      'Политехнический колледж',
    ]);
    return {
      shortName: `ГБПОУ «${profile} № ${n}» (${m.town})`,
      fullName: `Государственное бюджетное профессиональное образовательное учреждение ${REGION.genitive} «${profile} № ${n}», ${m.town}`,
      slug: `college${n}`,
      position: 'Директор',
      contingent: [350, 1900],
      regional: true,
    };
  }
  const ado = rng.pick([
    ['Дом детского творчества', 'ddt'],
    ['Детско-юношеская спортивная школа', 'dussh'],
    ['Детская школа искусств', 'dshi'],
    ['Станция юных техников', 'sut'],
    ['Центр детского творчества', 'cdt'],
  ] as const);
  return {
    shortName: `МБУ ДО «${ado[0]} № ${n}»`,
    fullName: `Муниципальное бюджетное учреждение дополнительного образования «${ado[0]} № ${n}» ${place}`,
    slug: `${ado[1]}${n}`,
    position: 'Директор',
    contingent: [150, 2400],
    regional: false,
  };
}

export interface OrganizationOverrides extends Partial<OrganizationSeed> {
  kind?: OrgKind;
}

/** One organization with plausible data; `overrides` fix any field (tests). */
export function makeOrganization(
  rng: Rng,
  m: MunicipalitySeed,
  n: number,
  overrides: OrganizationOverrides = {},
): OrganizationSeed {
  const kind = overrides.kind ?? 'school';
  const parts = nameFor(kind, m, n, rng);
  const ids = nextIdentifiers(rng);
  const head = personName(rng.next, kind === 'vocational' ? 0.55 : 0.85);
  const host = `${parts.slug}.${m.slug}.example`;
  return {
    code: `${m.code}-${kind.slice(0, 3).toUpperCase()}-${String(n).padStart(3, '0')}`,
    ...ids,
    kind,
    shortName: parts.shortName,
    fullName: parts.fullName,
    municipalityCode: m.code,
    founderCode: parts.regional ? 'MIN-PRI' : `UO-${m.code}`,
    address: `${m.town}, ${rng.pick(STREETS)}, д. ${rng.int(1, 120)}`,
    website: `https://${host}/`,
    email: `info@${host}`,
    phone: `+7 (48${rng.int(50, 59)}) ${rng.int(2, 7)}-${rng.int(10, 99)}-${rng.int(10, 99)}`,
    contingent: rng.int(parts.contingent[0], parts.contingent[1]),
    headName: head.full,
    headPosition: head.female && parts.position === 'Заведующий' ? 'Заведующая' : parts.position,
    lastAssessedYear: rng.pick(ASSESSED_YEARS),
    ...overrides,
  };
}

/** Share of each kind among the region's organizations. */
const KIND_MIX: Array<[OrgKind, number]> = [
  ['preschool', 0.38],
  ['school', 0.4],
  ['vocational', 0.08],
  ['additional', 0.14],
];

export interface DemoRegistry {
  region: typeof REGION;
  municipalities: MunicipalitySeed[];
  authorities: AuthoritySeed[];
  organizations: OrganizationSeed[];
}

/** The whole demo registry: a region, its municipalities, founders and `total` organizations. */
export function buildDemoRegistry(total = 300, seed = 2026): DemoRegistry {
  const rng = createRng(seed);
  serial = 0;
  const organizations: OrganizationSeed[] = [];
  for (const [kind, share] of KIND_MIX) {
    const count = Math.round(total * share);
    for (let i = 0; i < count && organizations.length < total; i += 1) {
      const m = pickWeighted(rng, MUNICIPALITIES);
      const n =
        organizations.filter((o) => o.kind === kind && o.municipalityCode === m.code).length + 1;
      organizations.push(makeOrganization(rng, m, n, { kind }));
    }
  }
  return {
    region: REGION,
    municipalities: MUNICIPALITIES,
    authorities: [regionAuthority(), ...MUNICIPALITIES.map((m, i) => municipalAuthority(m, i))],
    organizations,
  };
}

function pickWeighted(rng: Rng, items: MunicipalitySeed[]): MunicipalitySeed {
  let r = rng.next();
  for (const item of items) {
    r -= item.weight;
    if (r <= 0) return item;
  }
  return items[items.length - 1] as MunicipalitySeed;
}
