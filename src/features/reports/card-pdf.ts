// The result card of one organization: one A4 page — identity, total and band, ranks, criteria
// K1–K5 beside the municipality and region means (table and chart), the 14 indicators, respondents,
// the main shortcomings with recommendations, and a QR code with the link to the public page
// `/results/{campaignId}/org/{organizationId}`.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../documents/pdf.ts';
import type {
  AggregateResult,
  CampaignResults,
  OrganizationResult,
} from '../results/results.schema.ts';
import { CRITERION_KEYS, INDICATOR_KEYS } from '../results/results.schema.ts';
import { ranksText, recommendations, sampleText, topShortcomings } from './content-annex.ts';
import { dateShort, NBSP, num2, quote, typo } from './format.ts';
import { methodologyInfo } from './model.ts';
import { outlineSvgText } from './raster/svg-text.ts';
import { cardChartSvg } from './report-charts.ts';
import { CRITERION_TITLES, criterionLabel, INDICATOR_SHORT, kindSingle } from './texts.ts';

const MM = 72 / 25.4;
const GREY = '#555555';
const LINES = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#9a9a9a',
  vLineColor: () => '#9a9a9a',
  paddingTop: () => 1,
  paddingBottom: () => 1,
};

/** The public page of an organization's results (built by the public portal). */
export function publicResultPath(campaignId: number, organizationId: number): string {
  return `/results/${campaignId}/org/${organizationId}`;
}

function criteriaTable(
  o: OrganizationResult,
  muni?: AggregateResult,
  region?: AggregateResult,
): Content {
  const head = ['Критерий', 'Организация', 'Муниц.', 'Регион'].map((text) => ({
    text,
    bold: true,
    fillColor: '#DCE3EE',
  }));
  const right = (text: string, bold = false): TableCell => ({ text, bold, alignment: 'right' });
  const rows: TableCell[][] = CRITERION_KEYS.map((k) => [
    `${criterionLabel(k)}. ${CRITERION_TITLES[k]}`,
    right(num2(o.criteria[k]), true),
    right(num2(muni?.criteria[k])),
    right(num2(region?.criteria[k])),
  ]);
  rows.push([
    { text: 'Итоговый балл', bold: true },
    right(num2(o.total), true),
    right(num2(muni?.total)),
    right(num2(region?.total)),
  ]);
  return {
    table: { headerRows: 1, widths: ['*', 62, 42, 42], body: [head, ...rows] },
    layout: LINES,
    fontSize: 8,
  };
}

function indicatorTables(o: OrganizationResult): Content {
  const half = (keys: readonly (typeof INDICATOR_KEYS)[number][]) => ({
    table: {
      widths: [18, '*', 32],
      body: keys.map((k) => [
        k,
        INDICATOR_SHORT[k],
        { text: num2(o.indicators[k]), alignment: 'right' as const },
      ]),
    },
    layout: LINES,
    fontSize: 7.5,
  });
  return {
    columns: [half(INDICATOR_KEYS.slice(0, 7)), half(INDICATOR_KEYS.slice(7))],
    columnGap: 8,
  };
}

function summary(
  o: OrganizationResult,
  muni: AggregateResult | undefined,
  region: AggregateResult | undefined,
): Content {
  return {
    columns: [
      {
        width: 190,
        stack: [
          { text: 'Итоговый балл', fontSize: 9, color: GREY },
          { text: o.total === null ? '—' : num2(o.total), fontSize: 30, bold: true },
          {
            text: o.band ? quote(o.band) : o.total === null ? 'недостаточно данных' : '',
            fontSize: 11,
            bold: true,
            margin: [0, 0, 0, 4],
          },
          { text: `Место: ${ranksText(o)}`, fontSize: 8, margin: [0, 0, 0, 3] },
          { text: `Респонденты: ${sampleText(o)}`, fontSize: 8 },
        ],
      },
      {
        width: '*',
        stack: [{ svg: outlineSvgText(cardChartSvg(o, muni, region)), fit: [320, 154] }],
      },
    ],
    columnGap: 10,
  };
}

export interface CardOptions {
  /** Absolute base of links, e.g. https://nok.example.ru (config.publicUrl). */
  publicUrl: string;
  generatedAt: Date;
}

/** The card's PDF bytes. */
export async function renderCard(
  results: CampaignResults,
  o: OrganizationResult,
  options: CardOptions,
): Promise<Buffer> {
  const region = results.aggregates.find((a) => a.level === 'region');
  const muni = results.aggregates.find(
    (a) => a.level === 'municipality' && a.key === String(o.municipalityId),
  );
  const link = `${options.publicUrl.replace(/\/$/, '')}${publicResultPath(results.campaign.id, o.organizationId)}`;
  const mi = methodologyInfo(results);
  const top = topShortcomings(o, 5);
  const content: Content[] = [
    {
      text: `Результаты независимой оценки качества условий осуществления образовательной деятельности · ${results.campaign.regionName}, ${results.campaign.year}${NBSP}г.`,
      fontSize: 8,
      color: GREY,
    },
    { text: typo(o.shortName), fontSize: 16, bold: true, margin: [0, 4, 0, 1] },
    { text: typo(o.fullName), fontSize: 8.5 },
    {
      text: `ИНН ${o.inn} · ${o.municipalityName} · ${kindSingle(o.kind)}${o.founderName ? ` · учредитель: ${typo(o.founderName)}` : ''}`,
      fontSize: 8,
      color: GREY,
      margin: [0, 1, 0, 6],
    },
    summary(o, muni, region),
    { text: 'Критерии', bold: true, fontSize: 10, margin: [0, 6, 0, 3] },
    criteriaTable(o, muni, region),
    { text: 'Показатели', bold: true, fontSize: 10, margin: [0, 6, 0, 3] },
    indicatorTables(o),
    {
      text:
        top.length > 0
          ? `Основные недостатки (${top.length} из ${o.shortcomings.length})`
          : 'Недостатков не выявлено',
      bold: true,
      fontSize: 10,
      margin: [0, 6, 0, 3],
    },
    ...(top.length > 0
      ? [
          { ul: top.map((s) => `${s.indicator}: ${typo(s.title)}`), fontSize: 8 } as Content,
          {
            text: `Рекомендации: ${recommendations(top).join(' ')}`,
            fontSize: 7.5,
            color: '#333333',
            margin: [0, 3, 0, 0],
          } as Content,
        ]
      : []),
    ...(o.councilProposals
      ? [
          {
            text: `Предложения общественного совета: ${typo(o.councilProposals)}`,
            fontSize: 7.5,
            margin: [0, 3, 0, 0],
          } as Content,
        ]
      : []),
  ];
  const definition: TDocumentDefinitions = {
    info: { title: `Карточка результатов: ${o.shortName}`, subject: results.campaign.title },
    pageMargins: [15 * MM, 12 * MM, 12 * MM, 28 * MM],
    content,
    footer: () => ({
      margin: [15 * MM, 0, 12 * MM, 0],
      columns: [
        {
          width: '*',
          fontSize: 7,
          color: GREY,
          stack: [
            `Результаты: версия №${NBSP}${results.run.version} от ${dateShort(results.run.computedAt)}${results.run.frozenBasis ? `, ${typo(results.run.frozenBasis)}` : ''}. Знаменатели 1.3 и 4.3: ${mi.denominators === 'filter' ? 'по фильтрующему вопросу' : 'все респонденты'}; нулевой знаменатель: ${mi.zeroDenominator === 'exclude' ? 'показатель не применяется' : 'доля = 0'}. Диапазоны оценок наглядны и не являются официальной оценкой.`,
            `Подробно: ${link}`,
            `Сформировано ${dateShort(options.generatedAt)}. Основание: ст. 95.2 Федерального закона №${NBSP}273-ФЗ; приказы Минтруда России №${NBSP}344н, Минпросвещения России №${NBSP}114.`,
          ],
        },
        { width: 62, qr: link, fit: 62, alignment: 'right' },
      ],
    }),
  };
  return renderPdf(definition);
}
