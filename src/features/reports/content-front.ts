// The analytical report, part 1: title page, method (legal basis, indicators and weights, the
// switches of the methodology version — methodology.md asks every report to name the variant) and
// the sample (required versus collected per municipality, organizations below their minimum).
import { CRITERION_WEIGHTS } from '../../domain/scoring/index.ts';
import { b, h1, h2, list, p, t, type Block, type Cell } from './blocks.ts';
import { counted, dateLong, dateShort, int, NBSP, num2, pct, quote, typo } from './format.ts';
import type { ReportModel, SampleRow } from './model.ts';
import {
  CRITERION_TITLES,
  criterionLabel,
  INDICATOR_TITLES,
  LEGAL_BASIS,
  type CriterionKey,
} from './texts.ts';
import { CRITERION_KEYS } from '../results/results.schema.ts';

const ORGS = ['организация', 'организации', 'организаций'] as const;
const ORGS_GENITIVE = ['организации', 'организаций', 'организаций'] as const;
const PEOPLE = ['респондент', 'респондента', 'респондентов'] as const;

const RUN_STATUS: Record<string, string> = {
  current: 'текущий расчёт (не утверждён)',
  frozen: 'утверждённые результаты',
  superseded: 'заменённый расчёт',
};

export function titlePage(m: ReportModel, generatedAt: Date): Block[] {
  const { campaign, run } = m.results;
  const basis = run.frozenBasis
    ? [{ text: typo(`Утверждено: ${run.frozenBasis}`), size: 'small' as const }]
    : [];
  return [
    {
      kind: 'title',
      lines: [
        { text: 'Аналитический отчёт', size: 'large' },
        {
          text: `о результатах независимой оценки качества условий осуществления образовательной деятельности организациями, осуществляющими образовательную деятельность (${campaign.regionName}, ${campaign.year}${NBSP}год)`,
          size: 'medium',
        },
        { text: typo(quote(campaign.title)), size: 'small' },
        {
          text: `Версия результатов №${NBSP}${run.version} от ${dateShort(run.computedAt)}: ${RUN_STATUS[run.status] ?? run.status}`,
          size: 'small',
        },
        ...basis,
        { text: `Отчёт сформирован ${dateLong(generatedAt)}`, size: 'small' },
      ],
    },
    { kind: 'pageBreak' },
  ];
}

function formulaOf(indicator: string, m: ReportModel): string {
  const filter = m.methodology.denominators === 'filter';
  const f: Record<string, string> = {
    '1.1': '0,5 × (Истенд / Инорм.стенд + Исайт / Инорм.сайт) × 100',
    '1.2': '30 × Сдист; более 3 способов — 100',
    '1.3': filter ? '0,5 × (В2 / В1 + В4 / В3) × 100' : '(В2 + В4) / (2 × N) × 100',
    '2.1': '20 × число условий; 5 и более — 100',
    '2.3': 'В5 / N × 100',
    '3.1': '20 × число условий; 5 и более — 100',
    '3.2': '20 × число условий; 5 и более — 100',
    '3.3': 'В7 / В6 × 100',
    '4.1': 'В8 / N × 100',
    '4.2': 'В9 / N × 100',
    '4.3': filter ? 'В11 / В10 × 100' : 'В11 / N × 100',
    '5.1': 'В12 / N × 100',
    '5.2': 'В13 / N × 100',
    '5.3': 'В14 / N × 100',
  };
  return f[indicator] ?? '';
}

function indicatorTable(m: ReportModel): Block {
  const rows: Cell[][] = [];
  for (const k of CRITERION_KEYS) {
    rows.push([
      {
        text: `${criterionLabel(k)}. ${CRITERION_TITLES[k]}`,
        bold: true,
        colSpan: 4,
        fill: 'EEF2F8',
      },
    ]);
    for (const [id, weight] of CRITERION_WEIGHTS[k as CriterionKey]) {
      rows.push([id, INDICATOR_TITLES[id], formulaOf(id, m), weight.replace('.', ',')]);
    }
  }
  return {
    kind: 'table',
    caption: 'Показатели, формулы и веса (приказ Минтруда России № 344н)',
    header: [['№', 'Показатель', 'Формула', 'Вес']],
    rows,
    widths: [6, 52, 32, 10],
    align: ['left', 'left', 'left', 'right'],
    small: true,
  };
}

/** «отлично» — свыше 80 до 100; …; «плохо» — от 0 до 20 (bands.ts: exclusive lower bounds). */
function bandRanges(m: ReportModel): string {
  return m.results.bands
    .map((x, i, all) => {
      const from = x.above === null ? 'от 0' : `свыше ${int(x.above)}`;
      return `${quote(x.label)} — ${from} до ${int(all[i - 1]?.above ?? 100)}`;
    })
    .join('; ');
}

export function methodSection(m: ReportModel): Block[] {
  const mi = m.methodology;
  const { run } = m.results;
  const share = Number(mi.sampleShare) * 100;
  return [
    h1('1. Методика оценки'),
    p('Независимая оценка проведена в соответствии с нормативными актами:'),
    list(LEGAL_BASIS),
    p(
      'Каждый показатель оценивается по шкале от 0 до 100 баллов. Значение критерия — взвешенная сумма его показателей; итоговый балл организации — среднее арифметическое пяти критериев: S = (К1 + К2 + К3 + К4 + К5) / 5. Значения муниципалитета, типа организаций и региона — средние арифметические значений организаций, по которым итоговый балл рассчитан. Показатель 2.2 (время ожидания) в сфере образования не применяется.',
    ),
    indicatorTable(m),
    p(
      'Обозначения: N — число учтённых респондентов организации; Вk — число ответов «Да» на вопрос k анкеты.',
      'note',
    ),
    h2('1.1. Варианты расчёта (версия методики)'),
    p(
      'В местах, где нормативные акты допускают разное прочтение, результаты рассчитаны в следующих вариантах; они входят в версию методики, с которой рассчитана эта версия результатов:',
    ),
    list([
      [
        b('Знаменатели показателей 1.3 и 4.3: '),
        t(
          mi.denominators === 'filter'
            ? 'ответившие «Да» на фильтрующий вопрос (пользовавшиеся стендами, сайтом, дистанционными способами) — вариант по умолчанию.'
            : 'все респонденты организации (N).',
        ),
      ],
      [
        b('Нулевой знаменатель: '),
        t(
          mi.zeroDenominator === 'exclude'
            ? 'показатель не применяется, веса остальных показателей критерия пересчитываются пропорционально — вариант по умолчанию.'
            : 'доля с нулевым знаменателем считается равной 0, веса не пересчитываются.',
        ),
      ],
      [
        b('Объём выборки: '),
        t(
          `не менее ${num2(share).replace(',00', '')}${NBSP}% численности получателей услуг, но не более ${int(mi.sampleCap)} респондентов на организацию; организации с меньшим числом респондентов отмечены и в рейтинг не включаются.`,
        ),
      ],
      [
        b('Округление: '),
        t(
          'значения хранятся без округления и выводятся с двумя знаками после запятой, половина — от нуля (десятичная арифметика).',
        ),
      ],
      [
        b('Диапазоны оценок: '),
        t(
          `${bandRanges(m)}. Диапазоны служат только для наглядности и не являются официальной оценкой.`,
        ),
      ],
    ]),
    p(
      [
        t(
          `Версия результатов №${NBSP}${run.version}, расчёт от ${dateShort(run.computedAt)}; контрольная сумма исходных данных `,
        ),
        b(run.inputsDigest.slice(0, 12)),
        t(
          `. Версии перечней: ${
            Object.entries(mi.catalogues)
              .map(([k, v]) => `${k} — ${v}`)
              .join('; ') || 'по умолчанию'
          }.`,
        ),
      ],
      'note',
    ),
  ];
}

function sampleCells(r: SampleRow, bold = false): Cell[] {
  const share = r.required === 0 ? null : (r.collected / r.required) * 100;
  const cell = (text: string) => (bold ? { text, bold: true } : text);
  return [
    cell(r.name),
    cell(int(r.organizations)),
    cell(int(r.required)),
    cell(int(r.collected)),
    cell(pct(share)),
    cell(int(r.belowSample)),
    cell(int(r.insufficient)),
  ];
}

export function sampleSection(m: ReportModel): Block[] {
  const total = m.sampleTotal;
  const blocks: Block[] = [
    h1('2. Выборка', true),
    p(
      `В оценке участвовали ${counted(total.organizations, ORGS)} из ${counted(m.sample.length, ['муниципалитета', 'муниципалитетов', 'муниципалитетов'])}. Опрошено ${counted(total.collected, PEOPLE)} при требуемом минимуме ${int(total.required)} (${pct(total.required ? (total.collected / total.required) * 100 : null)}). Не набрали требуемую выборку ${counted(total.belowSample, ORGS)}; недостаточно данных для расчёта итогового балла у ${counted(total.insufficient, ORGS_GENITIVE)}.`,
    ),
    {
      kind: 'table',
      caption: 'Требуемая и собранная выборка по муниципалитетам',
      header: [
        [
          'Муниципалитет',
          'Организаций',
          'Требуется респондентов',
          'Опрошено',
          'От требуемого',
          'Ниже выборки',
          'Нет данных',
        ],
      ],
      rows: [...m.sample.map((r) => sampleCells(r)), sampleCells(total, true)],
      widths: [32, 8, 13, 13, 13, 11, 10],
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    },
  ];
  if (m.belowSample.length > 0) {
    blocks.push(
      h2('2.1. Организации, не набравшие требуемую выборку'),
      p(
        'Их результаты рассчитаны и приведены в приложении, но в рейтинги не включены: оценка по малой выборке недостаточно надёжна.',
      ),
      {
        kind: 'table',
        caption: 'Организации ниже требуемой выборки',
        header: [['Организация', 'Муниципалитет', 'Требуется', 'Опрошено', 'Не хватает']],
        rows: m.belowSample.map((o) => [
          typo(o.shortName),
          o.municipalityName,
          int(o.requiredSample),
          int(o.respondents),
          int(o.requiredSample - o.respondents),
        ]),
        widths: [36, 28, 12, 12, 12],
        align: ['left', 'left', 'right', 'right', 'right'],
      },
    );
  }
  if (m.insufficient.length > 0) {
    blocks.push(
      h2('2.2. Недостаточно данных'),
      p(
        `Итоговый балл не рассчитан (нет ни одного учтённого ответа получателей услуг или не определён один из критериев): ${m.insufficient.map((o) => `${typo(o.shortName)} (${o.municipalityName})`).join('; ')}.`,
      ),
    );
  }
  return blocks;
}
