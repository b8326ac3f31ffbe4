// The analytical report, part 2a: a short account of each municipality and each kind of
// organization — how many were assessed, the mean total and its place, the strongest and weakest
// criterion, the best and the lowest organization, and who fell short of the sample.
import type { AggregateResult, OrganizationResult } from '../results/results.schema.ts';
import { CRITERION_KEYS } from '../results/results.schema.ts';
import { b, h2, h3, p, t, type Block } from './blocks.ts';
import { counted, int, num2, quote, typo } from './format.ts';
import { groupBy, type ReportModel } from './model.ts';
import { CRITERION_TITLES, criterionLabel } from './texts.ts';

const ORGS = ['организация', 'организации', 'организаций'] as const;

function criteriaExtremes(a: AggregateResult): string {
  const keys = CRITERION_KEYS.filter((k) => a.criteria[k] !== null).sort(
    (x, y) => (a.criteria[y] ?? 0) - (a.criteria[x] ?? 0),
  );
  const [best, worst] = [keys[0], keys.at(-1)];
  if (!best || !worst || best === worst) return '';
  return ` Сильнейший критерий — ${criterionLabel(best)} ${quote(CRITERION_TITLES[best])} (${num2(a.criteria[best])}), слабейший — ${criterionLabel(worst)} ${quote(CRITERION_TITLES[worst])} (${num2(a.criteria[worst])}).`;
}

function leaders(orgs: readonly OrganizationResult[]): string {
  const rated = orgs
    .filter((o) => o.total !== null)
    .sort((x, y) => (y.total ?? 0) - (x.total ?? 0));
  const top = rated[0];
  const last = rated.at(-1);
  if (!top || !last || top === last) return '';
  return ` Наибольший итоговый балл — ${typo(top.shortName)} (${num2(top.total)}), наименьший — ${typo(last.shortName)} (${num2(last.total)}).`;
}

function shortfall(orgs: readonly OrganizationResult[]): string {
  const below = orgs.filter((o) => o.belowSample && o.total !== null);
  const none = orgs.filter((o) => o.total === null);
  const parts = [
    below.length > 0
      ? `не набрали требуемую выборку: ${below.map((o) => typo(o.shortName)).join(', ')}`
      : '',
    none.length > 0 ? `без итогового балла: ${none.map((o) => typo(o.shortName)).join(', ')}` : '',
  ].filter(Boolean);
  return parts.length > 0
    ? ` ${parts.join('; ')}.`.replace(/^ (.)/, (_, c: string) => ` ${c.toUpperCase()}`)
    : '';
}

function account(
  name: string,
  a: AggregateResult,
  orgs: readonly OrganizationResult[],
  place: string,
): Block {
  return p([
    b(`${name}. `),
    t(
      `Оценено ${counted(orgs.length, ORGS)}, итоговый балл рассчитан у ${int(a.organizations)}; средний итоговый балл — ${num2(a.total)}${place}.`,
    ),
    t(criteriaExtremes(a) + leaders(orgs) + shortfall(orgs)),
  ]);
}

export function areasSection(m: ReportModel): Block[] {
  const byMunicipality = groupBy(m.results.organizations, (o) => String(o.municipalityId));
  const byKind = groupBy(m.results.organizations, (o) => o.kind);
  const total = m.municipalities.length;
  return [
    h2('3.2. Муниципалитеты и типы организаций'),
    h3('Муниципалитеты'),
    ...m.municipalities.map((a) => {
      const rank = m.municipalityRanks.get(a.key);
      const place = rank ? ` (${rank}-е место из ${total})` : '';
      return account(a.name, a, byMunicipality.get(a.key) ?? [], place);
    }),
    h3('Типы организаций'),
    ...m.kinds.map((a) => account(a.name, a, byKind.get(a.key) ?? [], '')),
  ];
}
