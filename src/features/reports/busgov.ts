// The table for bus.gov.ru (the official site for information on state and municipal institutions,
// section «Независимая оценка качества»): per organization its INN, name, year, indicators 1.1–5.3
// (2.2 is not used in education), criteria К1–К5, total, number of respondents and the public
// council's proposals — the values the operator keys into the site's form. As XLSX, and as CSV for
// Excel in a Russian locale: UTF-8 with BOM, semicolon, decimal comma (docs/open-data.md).
import ExcelJS from 'exceljs';
import type { CampaignResults, OrganizationResult } from '../results/results.schema.ts';
import { CRITERION_KEYS, INDICATOR_KEYS } from '../results/results.schema.ts';
import { toCsv } from './csv.ts';
import { num2 } from './format.ts';
import { criterionLabel } from './texts.ts';
import { addTable, type CellValue, type Column } from './xlsx-table.ts';

interface BusGovColumn {
  header: string;
  width: number;
  format: Column['format'];
  value: (o: OrganizationResult, r: CampaignResults) => CellValue;
}

function note(o: OrganizationResult): string | null {
  if (o.total === null) return 'недостаточно данных для расчёта итогового балла';
  if (o.belowSample) return `выборка ниже требуемой (${o.respondents} из ${o.requiredSample})`;
  return null;
}

export const BUSGOV_COLUMNS: readonly BusGovColumn[] = [
  { header: 'ИНН', width: 12, format: 'text', value: (o) => o.inn },
  {
    header: 'Полное наименование организации',
    width: 60,
    format: 'text',
    value: (o) => o.fullName,
  },
  { header: 'Год проведения оценки', width: 10, format: 'int', value: (_, r) => r.campaign.year },
  ...INDICATOR_KEYS.map((k): BusGovColumn => ({
    header: `Показатель ${k}`,
    width: 11,
    format: 'score',
    value: (o) => o.indicators[k] ?? null,
  })),
  ...CRITERION_KEYS.map((k): BusGovColumn => ({
    header: `Критерий ${criterionLabel(k)}`,
    width: 10,
    format: 'score',
    value: (o) => o.criteria[k] ?? null,
  })),
  { header: 'Итоговый балл', width: 10, format: 'score', value: (o) => o.total },
  { header: 'Число респондентов', width: 12, format: 'int', value: (o) => o.respondents },
  {
    header: 'Предложения общественного совета',
    width: 60,
    format: 'text',
    value: (o) => o.councilProposals,
  },
  { header: 'Примечание', width: 40, format: 'text', value: note },
];

const sorted = (r: CampaignResults) =>
  [...r.organizations].sort((a, b) => a.fullName.localeCompare(b.fullName, 'ru'));

export async function busGovXlsx(results: CampaignResults): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'noko';
  const rows = sorted(results).map((o) => BUSGOV_COLUMNS.map((c) => c.value(o, results)));
  const ws = addTable(wb, 'bus.gov.ru', BUSGOV_COLUMNS, rows, { frozenColumns: 2 });
  ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function busGovCsv(results: CampaignResults): Buffer {
  const text = (c: BusGovColumn, v: CellValue): string => {
    if (v === null) return '';
    if (c.format === 'score' && typeof v === 'number') return num2(v, '');
    return String(v);
  };
  const rows = sorted(results).map((o) => BUSGOV_COLUMNS.map((c) => text(c, c.value(o, results))));
  const csv = toCsv(
    BUSGOV_COLUMNS.map((c) => c.header),
    rows,
    { separator: ';', bom: true, guardFormulas: true },
  );
  return Buffer.from(csv, 'utf8');
}
