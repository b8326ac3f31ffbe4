// The «Методика» sheet: which results these are (campaign, version, status, digest), the methodology
// version that produced them (switches, sample, bands, catalogues — ADR 0005), the legal basis and
// the indicators with their weights.
import type ExcelJS from 'exceljs';
import { CRITERION_WEIGHTS } from '../../domain/scoring/index.ts';
import type { CampaignResults } from '../results/results.schema.ts';
import { CRITERION_KEYS } from '../results/results.schema.ts';
import { methodologyInfo } from './model.ts';
import { CRITERION_TITLES, criterionLabel, INDICATOR_TITLES, LEGAL_BASIS } from './texts.ts';
import { addTable, type CellValue } from './xlsx-table.ts';

export function methodologySheet(
  wb: ExcelJS.Workbook,
  results: CampaignResults,
  generatedAt: Date,
): void {
  const { campaign, run } = results;
  const mi = methodologyInfo(results);
  const rows: CellValue[][] = [
    ['Кампания', `${campaign.title} (№ ${campaign.id})`],
    ['Регион, год', `${campaign.regionName}, ${campaign.year}`],
    ['Версия результатов', run.version],
    [
      'Состояние',
      run.status === 'frozen'
        ? 'утверждены'
        : run.status === 'current'
          ? 'текущий расчёт'
          : 'заменены',
    ],
    ['Рассчитано', new Date(run.computedAt)],
    ['Утверждено', run.frozenBasis ?? '—'],
    ['Контрольная сумма исходных данных (SHA-256)', run.inputsDigest],
    ['Сформировано', generatedAt],
    [
      'Знаменатели 1.3 и 4.3 (denominators)',
      mi.denominators === 'filter'
        ? 'filter — ответившие «Да» на фильтрующий вопрос'
        : 'total — все респонденты',
    ],
    [
      'Нулевой знаменатель (zeroDenominator)',
      mi.zeroDenominator === 'exclude'
        ? 'exclude — показатель не применяется, веса пересчитываются'
        : 'zero — доля равна 0',
    ],
    ['Выборка: доля контингента', Number(mi.sampleShare)],
    ['Выборка: не более респондентов', mi.sampleCap],
    [
      'Диапазоны оценок (наглядно, не официальная оценка)',
      results.bands
        .map((b) => `${b.label}: ${b.above === null ? 'от 0' : `свыше ${b.above}`}`)
        .join('; '),
    ],
    ...Object.entries(mi.catalogues).map(([k, v]): CellValue[] => [`Версия перечня ${k}`, v]),
    ['Округление', 'до 2 знаков, половина — от нуля, в десятичной арифметике'],
    ['Итоговый балл', 'S = (К1 + К2 + К3 + К4 + К5) / 5'],
    ...LEGAL_BASIS.map((text, i): CellValue[] => [
      i === 0 ? 'Нормативная основа' : '',
      text.replace(/[;.]$/, ''),
    ]),
    ...CRITERION_KEYS.flatMap((k) => [
      [`${criterionLabel(k)}`, CRITERION_TITLES[k]] as CellValue[],
      ...CRITERION_WEIGHTS[k].map(([id, w]): CellValue[] => [
        `  ${id} (вес ${w.replace('.', ',')})`,
        INDICATOR_TITLES[id],
      ]),
    ]),
  ];
  const ws = addTable(
    wb,
    'Методика',
    [
      { header: 'Параметр', width: 48 },
      { header: 'Значение', width: 110 },
    ],
    rows,
  );
  ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  ws.getCell('B6').numFmt = 'dd.mm.yyyy hh:mm';
  ws.getCell('B9').numFmt = 'dd.mm.yyyy hh:mm';
}
