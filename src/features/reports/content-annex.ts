// The annex of the analytical report: one page per organization — identity, respondents and sample,
// total and band, ranks, every indicator and criterion beside the municipality and region means, the
// main shortcomings with recommendations and the council's proposals.
import type { OrganizationResult, Shortcoming } from '../results/results.schema.ts';
import { CRITERION_KEYS } from '../results/results.schema.ts';
import { CRITERION_WEIGHTS } from '../../domain/scoring/index.ts';
import { h1, list, p, type Block, type Cell } from './blocks.ts';
import { int, num2, quote, typo } from './format.ts';
import type { ReportModel } from './model.ts';
import { CRITERION_TITLES, criterionLabel, INDICATOR_SHORT, kindSingle } from './texts.ts';

/** Shortcomings printed on the one-page annex; the rest are in the XLSX «Недостатки» sheet. */
export const ANNEX_SHORTCOMINGS = 6;

export function sampleText(o: OrganizationResult): string {
  const moderated =
    o.flaggedResponses + o.excludedResponses > 0
      ? `; помечено ${int(o.flaggedResponses)}, исключено ${int(o.excludedResponses)}`
      : '';
  const below = o.belowSample ? ' — ниже требуемой выборки' : '';
  return `${int(o.respondents)} из требуемых ${int(o.requiredSample)}${below}${moderated}`;
}

export function totalText(o: OrganizationResult): string {
  if (o.total === null) return 'не рассчитан (недостаточно данных)';
  return `${num2(o.total)}${o.band ? ` — ${quote(o.band)}` : ''}`;
}

export function ranksText(o: OrganizationResult): string {
  if (!o.ranked || o.ranks.kind === null) return 'в рейтинг не включена';
  const parts = [`${o.ranks.kind} среди организаций своего типа в регионе`];
  if (o.ranks.municipality !== null) parts.push(`${o.ranks.municipality} в муниципалитете`);
  if (o.ranks.region !== null) parts.push(`${o.ranks.region} среди всех организаций региона`);
  return parts.join('; ');
}

/** The main shortcomings: lowest values first, then in indicator order. */
export function topShortcomings(o: OrganizationResult, count = ANNEX_SHORTCOMINGS): Shortcoming[] {
  return o.shortcomings
    .map((s, i) => ({ s, i }))
    .sort((a, c) => (a.s.value ?? 101) - (c.s.value ?? 101) || a.i - c.i)
    .slice(0, count)
    .map(({ s }) => s);
}

function scoreRows(m: ReportModel, o: OrganizationResult): Cell[][] {
  const muni = m.municipalityOf.get(o.organizationId);
  const region = m.region;
  const rows: Cell[][] = [];
  for (const k of CRITERION_KEYS) {
    rows.push(
      [
        `${criterionLabel(k)}`,
        CRITERION_TITLES[k],
        num2(o.criteria[k]),
        num2(muni?.criteria[k]),
        num2(region?.criteria[k]),
      ].map((text) => ({ text, bold: true, fill: 'EEF2F8' })),
    );
    for (const [id] of CRITERION_WEIGHTS[k]) {
      rows.push([
        id,
        INDICATOR_SHORT[id],
        num2(o.indicators[id]),
        num2(muni?.indicators[id]),
        num2(region?.indicators[id]),
      ]);
    }
  }
  rows.push([
    '',
    { text: 'Итоговый балл', bold: true },
    { text: num2(o.total), bold: true },
    num2(muni?.total),
    num2(region?.total),
  ]);
  return rows;
}

/** Distinct recommendations of the listed shortcomings, at most `count` (one per indicator). */
export function recommendations(items: readonly Shortcoming[], count = 3): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of items) {
    if (seen.has(s.recommendation) || out.length >= count) continue;
    seen.add(s.recommendation);
    out.push(s.recommendation);
  }
  return out;
}

export function annexBlocks(m: ReportModel, o: OrganizationResult, index: number): Block[] {
  const top = topShortcomings(o);
  const blocks: Block[] = [
    // The first organization follows the annex heading on its page; each next one starts a page.
    {
      kind: 'heading',
      level: 2,
      text: `П.${index}. ${typo(o.shortName)}`,
      pageBreakBefore: index > 1,
    },
    {
      kind: 'table',
      header: [],
      rows: [
        ['Полное наименование', typo(o.fullName)],
        ['ИНН', o.inn],
        ['Муниципалитет, тип', `${o.municipalityName}; ${kindSingle(o.kind)}`],
        ['Учредитель', o.founderName ? typo(o.founderName) : '—'],
        ['Респонденты', sampleText(o)],
        [
          { text: 'Итоговый балл', bold: true },
          { text: totalText(o), bold: true },
        ],
        ['Место в рейтинге', ranksText(o)],
      ],
      widths: [26, 74],
      align: ['left', 'left'],
      small: true,
    },
    {
      kind: 'table',
      header: [['№', 'Критерий, показатель', 'Значение', 'Муниц.', 'Регион']],
      rows: scoreRows(m, o),
      widths: [6, 61, 11, 11, 11],
      align: ['left', 'left', 'right', 'right', 'right'],
      small: true,
    },
  ];
  if (top.length > 0) {
    const more = o.shortcomings.length - top.length;
    blocks.push(
      p(`Основные недостатки${more > 0 ? ` (${top.length} из ${o.shortcomings.length})` : ''}:`),
      list(top.map((s) => `${s.indicator}: ${typo(s.title)}`)),
      p(`Рекомендации: ${recommendations(top).join(' ')}`, 'note'),
    );
  } else {
    blocks.push(p('Недостатков не выявлено.'));
  }
  if (o.councilProposals)
    blocks.push(p(`Предложения общественного совета: ${typo(o.councilProposals)}`, 'note'));
  return blocks;
}

export function annexSection(m: ReportModel): Block[] {
  const orgs = [...m.results.organizations].sort(
    (a, c) =>
      a.municipalityName.localeCompare(c.municipalityName, 'ru') ||
      a.shortName.localeCompare(c.shortName, 'ru'),
  );
  return [
    h1('Приложение. Результаты организаций', true),
    p(
      `Одна страница на организацию (${int(orgs.length)}): значения показателей и критериев рядом со средними по муниципалитету и региону, основные недостатки и рекомендации. Организации упорядочены по муниципалитетам и наименованиям.`,
    ),
    ...orgs.flatMap((o, i) => annexBlocks(m, o, i + 1)),
  ];
}
