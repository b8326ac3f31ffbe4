// What an import file would do: header mapping and per-row validation (domain module), then the
// checks that need the database and the caller — scope (a municipal user loads only rows of their
// municipality, and cannot take over another municipality's organization) and code clashes.
import { scopeOf } from '../../domain/permissions/index.ts';
import {
  IMPORT_COLUMNS,
  mapHeaders,
  validateImportRows,
  type ImportedOrganization,
  type ImportRowIssue,
} from '../../domain/registry/import.ts';
import { AppError } from '../../domain/errors.ts';
import type { Executor } from '../../db/client.ts';
import type { Organization } from '../../db/schema/index.ts';
import type { Caller } from '../context.ts';
import { organizationsByInnOrCode } from './registry.repo.ts';
import { loadReferences } from './registry.shared.ts';

/** The template's example row carries this code and is skipped by the import. */
export const EXAMPLE_CODE = 'ПРИМЕР';
export const MAX_IMPORT_ROWS = 20_000;

export interface ImportAnalysis {
  valid: ImportedOrganization[];
  issues: ImportRowIssue[];
  /** Data rows that are not blank. */
  totalRows: number;
  /** Rows with at least one issue. */
  invalidRows: number;
  /** Organizations already in the registry, by INN (their state before the import). */
  existingByInn: Map<string, Organization>;
}

const header = (field: string) => IMPORT_COLUMNS.find((c) => c.field === field)?.header ?? field;

export async function analyzeImport(
  ex: Executor,
  caller: Caller,
  rows: string[][],
  currentYear: number,
): Promise<ImportAnalysis> {
  const [head = [], ...data] = rows;
  if (head.every((c) => c === '')) {
    const message = 'Файл пуст: в первой строке должны быть заголовки столбцов шаблона';
    throw AppError.validation(message, [{ path: 'file', message }]);
  }
  if (data.length > MAX_IMPORT_ROWS) {
    const message = `В файле больше ${MAX_IMPORT_ROWS} строк: разделите его на части`;
    throw AppError.validation(message, [{ path: 'file', message }]);
  }
  const { index, issues: headerIssues } = mapHeaders(head);
  const codeAt = index.get('code');
  // The example row is replaced by a blank one so row numbers stay as the user sees them.
  const body = data.map((r) => (codeAt !== undefined && r[codeAt] === EXAMPLE_CODE ? [] : r));
  const totalRows = body.filter((r) => r.some((c) => c.trim() !== '')).length;
  const existingByInn = new Map<string, Organization>();
  if (headerIssues.length > 0)
    return { valid: [], issues: headerIssues, totalRows, invalidRows: totalRows, existingByInn };

  const refs = await loadReferences(ex);
  const municipalities = new Map<string, number>();
  for (const m of refs.municipalities)
    for (const k of [m.code, m.code.toLowerCase(), m.name.toLowerCase()])
      municipalities.set(k, m.id);
  const founders = new Map<string, number>();
  for (const a of refs.authorities)
    for (const k of [a.code, a.code.toLowerCase(), a.name.toLowerCase(), a.shortName.toLowerCase()])
      founders.set(k, a.id);
  const v = validateImportRows(body, index, { municipalities, founders, currentYear });

  const existing = await organizationsByInnOrCode(
    ex,
    v.valid.map((r) => r.inn),
    v.valid.flatMap((r) => (r.code ? [r.code] : [])),
  );
  const byCode = new Map(existing.map((o) => [o.code, o]));
  for (const o of existing) existingByInn.set(o.inn, o);
  const own =
    scopeOf(caller.role, 'registry.import') === 'municipality' ? caller.territoryId : undefined;
  const extra: ImportRowIssue[] = [];
  const valid = v.valid.filter((r) => {
    const count = extra.length;
    const add = (field: string, message: string) =>
      extra.push({ row: r.row, column: header(field), message });
    const before = existingByInn.get(r.inn);
    if (own !== undefined && r.municipalityId !== own)
      add('municipality', 'можно загружать только организации своего муниципального образования');
    else if (own !== undefined && before && before.municipalityId !== own)
      add('inn', 'организация с этим ИНН относится к другому муниципальному образованию');
    const sameCode = r.code ? byCode.get(r.code) : undefined;
    if (sameCode && sameCode.inn !== r.inn)
      add('code', `код «${r.code}» уже принадлежит организации с ИНН ${sameCode.inn}`);
    return extra.length === count;
  });
  const validInns = new Set(valid.map((r) => r.inn));
  for (const inn of [...existingByInn.keys()]) if (!validInns.has(inn)) existingByInn.delete(inn);
  const issues = [...v.issues, ...extra].sort((a, b) => a.row - b.row);
  return {
    valid,
    issues,
    totalRows,
    invalidRows: new Set(issues.map((i) => i.row)).size,
    existingByInn,
  };
}
