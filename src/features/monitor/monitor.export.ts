// XLSX exports of the monitor (exceljs): the summary (ranking of organizations by compliance,
// municipalities, region) and the per-item results of each organization's latest check. The item
// export is written with the streaming writer: a region has thousands of organizations with about a
// hundred listed items each.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { catalogueEntry, CHANNEL_WORDS, itemStatusWord } from './monitor.advice.ts';
import type { StoredChannel, StoredItem } from '../../db/schema/index.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const KIND_WORDS: Record<string, string> = {
  preschool: 'дошкольная',
  school: 'общеобразовательная',
  vocational: 'профессиональная (СПО)',
  additional: 'дополнительного образования',
};

const REQUIREMENT_WORDS: Record<string, string> = {
  required: 'обязательно (1.1)',
  informational: 'справочно',
  optional: 'необязательно',
  not_applicable: 'не относится',
};

export interface RankingRow {
  rank: number;
  organizationId: number;
  inn: string;
  shortName: string;
  municipalityName: string;
  kind: string;
  url: string;
  checkId: number;
  checkedAt: Date;
  status: string;
  errorReason: string | null;
  present: number;
  required: number;
  /** present / required, 0 for failed checks; 4 decimals. */
  share: number;
  channelsListed: string[];
}

export interface AreaRow {
  name: string;
  organizations: number;
  checked: number;
  errors: number;
  present: number;
  required: number;
  /** Mean of the organizations' shares (each organization weighs the same). */
  averageShare: number | null;
}

export interface ItemsRow {
  inn: string;
  shortName: string;
  municipalityName: string;
  checkId: number;
  checkedAt: Date;
  status: string;
  items: readonly StoredItem[];
  channels: readonly StoredChannel[];
  /** The update heuristic of the check (general rule `update_10_days`), when it was stored. */
  freshness?: { status: string; details: string | null; evidence: readonly string[] } | null;
}

const FRESHNESS_WORDS: Record<string, string> = {
  pass: 'признаков устаревших сведений нет',
  warning: 'возможно, не обновлено',
  not_checked: 'не определить',
};

const pct = (share: number | null) => (share === null ? null : Math.round(share * 10_000) / 100);

function header(ws: ExcelJS.Worksheet, titles: string[], widths: number[]): void {
  ws.columns = titles.map((t, i) => ({ header: t, width: widths[i] ?? 14 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function areaSheet(wb: ExcelJS.Workbook, name: string, rows: readonly AreaRow[]): void {
  const ws = wb.addWorksheet(name);
  header(
    ws,
    [
      'Территория',
      'Организаций',
      'Проверено',
      'Сайт недоступен',
      'Размещено сведений',
      'Обязательных сведений',
      'Средняя доля, %',
    ],
    [34, 13, 12, 16, 20, 22, 16],
  );
  for (const r of rows) {
    ws.addRow([
      r.name,
      r.organizations,
      r.checked,
      r.errors,
      r.present,
      r.required,
      pct(r.averageShare),
    ]);
  }
}

/** The summary workbook: «Рейтинг», «Муниципалитеты», «Регион». */
export async function summaryWorkbook(
  ranking: readonly RankingRow[],
  municipalities: readonly AreaRow[],
  region: AreaRow,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'noko';
  const ws = wb.addWorksheet('Рейтинг');
  header(
    ws,
    [
      'Место',
      'ИНН',
      'Организация',
      'Муниципалитет',
      'Вид',
      'Сайт',
      'Дата проверки',
      'Результат',
      'Размещено',
      'Обязательных',
      'Доля, %',
      'Способы связи (1.2)',
    ],
    [8, 13, 40, 26, 22, 32, 14, 30, 11, 13, 9, 50],
  );
  ws.getColumn(2).numFmt = '@';
  ws.getColumn(7).numFmt = 'dd.mm.yyyy';
  for (const r of ranking) {
    ws.addRow([
      r.rank,
      r.inn,
      r.shortName,
      r.municipalityName,
      KIND_WORDS[r.kind] ?? r.kind,
      r.url,
      r.checkedAt,
      r.status === 'ok' ? 'проверен' : `не проверен: ${r.errorReason ?? ''}`,
      r.present,
      r.required,
      pct(r.share),
      r.channelsListed.map((c) => CHANNEL_WORDS[c] ?? c).join('; '),
    ]);
  }
  areaSheet(wb, 'Муниципалитеты', municipalities);
  areaSheet(wb, 'Регион', [region]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * «Актуальность»: the heuristic of «обновление не позднее 10 рабочих дней» (273-ФЗ ст.29 ч.3;
 * ПП РФ № 1802 п.16) per organization — informational, beside the items it never changes.
 */
function freshnessSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, rows: readonly ItemsRow[]): void {
  const ws = wb.addWorksheet('Актуальность (справочно)', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = [
    ['ИНН', 13],
    ['Организация', 36],
    ['Дата проверки', 14],
    ['Обновление (ст.29 ч.3 273-ФЗ), эвристика', 26],
    ['Подробности', 70],
    ['Что найдено', 90],
  ].map(([h, w]) => ({ header: h as string, width: w as number }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for (const r of rows) {
    if (!r.freshness) continue;
    ws.addRow([
      r.inn,
      r.shortName,
      r.checkedAt,
      FRESHNESS_WORDS[r.freshness.status] ?? r.freshness.status,
      r.freshness.details ?? '',
      r.freshness.evidence.join('\n'),
    ]).commit();
  }
  ws.commit();
}

/**
 * Per-item results («Сведения»: one row per listed item), channels («Каналы 1.2») and the update
 * heuristic («Актуальность (справочно)»).
 */
export async function itemsWorkbook(rows: readonly ItemsRow[]): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  wb.creator = 'noko';
  const items = wb.addWorksheet('Сведения', { views: [{ state: 'frozen', ySplit: 1 }] });
  items.columns = [
    ['ИНН', 13],
    ['Организация', 36],
    ['Муниципалитет', 24],
    ['Проверка №', 11],
    ['Дата проверки', 14],
    ['Подраздел', 22],
    ['Сведения', 50],
    ['itemprop', 22],
    ['Учёт', 18],
    ['Состояние', 24],
    ['Значение', 40],
    ['Примечание', 40],
  ].map(([h, w]) => ({ header: h as string, width: w as number }));
  items.getRow(1).font = { bold: true };
  items.getRow(1).commit();
  for (const r of rows) {
    for (const i of r.items) {
      if (i.requirement === 'not_applicable') continue;
      const entry = catalogueEntry(i.key);
      items
        .addRow([
          r.inn,
          r.shortName,
          r.municipalityName,
          r.checkId,
          r.checkedAt,
          entry?.section.path ?? i.section,
          entry?.item.title ?? i.key,
          i.itemprop ?? '',
          REQUIREMENT_WORDS[i.requirement] ?? i.requirement,
          r.status === 'ok' ? itemStatusWord(i.status) : 'сайт не проверен',
          i.value ?? '',
          i.note ?? '',
        ])
        .commit();
    }
  }
  items.commit();
  const channels = wb.addWorksheet('Каналы 1.2', { views: [{ state: 'frozen', ySplit: 1 }] });
  const codes = Object.keys(CHANNEL_WORDS);
  channels.columns = [
    { header: 'ИНН', width: 13 },
    { header: 'Организация', width: 36 },
    { header: 'Дата проверки', width: 14 },
    ...codes.map((c) => ({ header: CHANNEL_WORDS[c]!, width: 26 })),
  ];
  channels.getRow(1).font = { bold: true };
  channels.getRow(1).commit();
  for (const r of rows) {
    const byCode = new Map(r.channels.map((c) => [c.channel, c]));
    channels
      .addRow([
        r.inn,
        r.shortName,
        r.checkedAt,
        ...codes.map((c) => {
          const ch = byCode.get(c);
          return ch?.detected ? `есть: ${ch.evidence ?? ''}` : 'не обнаружен';
        }),
      ])
      .commit();
  }
  channels.commit();
  freshnessSheet(wb, rows);
  await wb.commit();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}
