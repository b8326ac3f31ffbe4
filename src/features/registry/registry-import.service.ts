// Registry import in two steps, and the spreadsheets around it.
//   1. previewImport: the upload is checked, parsed and validated; the file is kept in `files` and
//      the user sees a per-row report (row, column, what is wrong). Nothing else is stored.
//   2. commitImport(fileId, 'valid' | 'nothing'): the kept file is parsed again (references may
//      have changed meanwhile) and its valid rows are upserted by INN in one transaction with one
//      audit entry per created or updated organization; «nothing» drops the uploaded file.
// The template and the export share the columns of src/domain/registry/import.ts, so an export can
// be edited and loaded back.
import { createHash } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions/index.ts';
import { completeInn } from '../../domain/registry/identifiers.ts';
import { IMPORT_COLUMNS, KIND_TITLES, type ImportRowIssue } from '../../domain/registry/import.ts';
import type { Organization } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { listOrganizations, upsertManyByInn } from './organizations.repo.ts';
import { analyzeImport, EXAMPLE_CODE } from './import-analysis.ts';
import { deleteFile, getFile, insertFile, organizationsByIds } from './registry.repo.ts';
import {
  CommitImportInput,
  IMPORT_MAX_BYTES,
  OrganizationFilterInput,
  type UploadedFile,
} from './registry.schema.ts';
import {
  loadReferences,
  organizationFilter,
  organizationSnapshot,
  parse,
  scopeFilter,
} from './registry.shared.ts';
import {
  CSV_MIME,
  XLSX_MIME,
  detectFormat,
  readRows,
  writeWorkbook,
  type SheetFormat,
} from './spreadsheet.ts';

export interface ImportPreview {
  fileId: number;
  fileName: string;
  format: SheetFormat;
  /** Data rows that are not blank (the template's example row excluded). */
  totalRows: number;
  validCount: number;
  invalidCount: number;
  wouldCreate: number;
  wouldUpdate: number;
  issues: ImportRowIssue[];
}

export interface ImportSummary {
  created: number;
  updated: number;
  /** Rows left out: invalid ones, or all of them when the user chose «nothing». */
  skipped: number;
}

export interface DownloadFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

const IMPORT_MIMES = new Set([XLSX_MIME, CSV_MIME]);

function fileProblem(message: string): never {
  throw AppError.validation(message, [{ path: 'file', message }]);
}

export function createRegistryImportService(deps: ServiceDeps) {
  const { db } = deps;
  const currentYear = () => deps.now().getUTCFullYear();

  /** The caller's own upload (another user's file id is «not found», not «forbidden»). */
  async function ownUpload(caller: Caller, fileId: number) {
    const f = await getFile(db, fileId);
    if (!f || !f.data || !IMPORT_MIMES.has(f.mime) || f.createdById !== (caller.userId ?? null))
      throw AppError.notFound('Загруженный файл не найден: загрузите его ещё раз');
    return { ...f, data: f.data };
  }

  return {
    async previewImport(caller: Caller, file: UploadedFile | null): Promise<ImportPreview> {
      authorize(caller, 'registry.import');
      const size = Math.max(file?.size ?? 0, file?.bytes.length ?? 0);
      if (!file || size === 0) fileProblem('Выберите файл XLSX или CSV');
      if (size > IMPORT_MAX_BYTES)
        fileProblem('Файл больше 5 МБ: разделите его на части и загрузите по очереди');
      const format = detectFormat(file.name, file.bytes);
      const rows = await readRows(format, file.bytes);
      const analysis = await analyzeImport(db, caller, rows, currentYear());
      const stored = await insertFile(db, {
        name: file.name.replace(/[\\/]/g, '_').slice(-200) || `import.${format}`,
        mime: format === 'xlsx' ? XLSX_MIME : CSV_MIME,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        data: file.bytes,
        createdById: caller.userId ?? null,
      });
      return {
        fileId: stored.id,
        fileName: stored.name,
        format,
        totalRows: analysis.totalRows,
        validCount: analysis.valid.length,
        invalidCount: analysis.invalidRows,
        wouldCreate: analysis.valid.filter((r) => !analysis.existingByInn.has(r.inn)).length,
        wouldUpdate: analysis.valid.filter((r) => analysis.existingByInn.has(r.inn)).length,
        issues: analysis.issues,
      };
    },

    async commitImport(caller: Caller, raw: unknown): Promise<ImportSummary> {
      authorize(caller, 'registry.import');
      const { fileId, mode } = parse(CommitImportInput, raw);
      const file = await ownUpload(caller, fileId);
      const format: SheetFormat = file.mime === XLSX_MIME ? 'xlsx' : 'csv';
      const rows = await readRows(format, file.data);
      if (mode === 'nothing') {
        const { totalRows } = await analyzeImport(db, caller, rows, currentYear());
        await deleteFile(db, file.id, file.mime);
        return { created: 0, updated: 0, skipped: totalRows };
      }
      return db.transaction(async (tx) => {
        const a = await analyzeImport(tx, caller, rows, currentYear());
        const skipped = a.totalRows - a.valid.length;
        if (a.valid.length === 0) return { created: 0, updated: 0, skipped };
        const result = await upsertManyByInn(
          tx,
          a.valid.map(({ row: _row, code, ...r }) => ({ ...r, ...(code ? { code } : {}) })),
        );
        const after = new Map(
          (
            await organizationsByIds(
              tx,
              result.map((r) => r.id),
            )
          ).map((o) => [o.id, o]),
        );
        await recordAudit(
          tx,
          caller,
          result.map((r) => {
            const before = a.existingByInn.get(r.inn);
            return {
              action: 'import',
              entityType: 'organization',
              entityId: r.id,
              before: before ? organizationSnapshot(before) : null,
              after: organizationSnapshot(after.get(r.id)!),
            };
          }),
        );
        const created = result.filter((r) => r.inserted).length;
        return { created, updated: result.length - created, skipped };
      });
    },

    /** The XLSX template: the columns, an example row and a sheet of allowed values. */
    async importTemplate(caller: Caller): Promise<DownloadFile> {
      authorize(caller, 'registry.view');
      const refs = await loadReferences(db);
      const own = scopeFilter(caller, 'registry.import').municipalityId;
      const municipalities = refs.municipalities.filter((m) => own === undefined || m.id === own);
      const m = municipalities[0];
      const founder = refs.authorities.find((a) => a.territoryId === m?.id) ?? refs.authorities[0];
      const example: Record<string, string | number> = {
        code: EXAMPLE_CODE,
        inn: completeInn('690100000'),
        kind: KIND_TITLES.school,
        shortName: 'МБОУ СОШ № 1 (пример: удалите эту строку)',
        fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1»',
        municipality: m?.code ?? 'Код МО',
        founder: founder?.code ?? 'Код учредителя',
        address: 'г. Приозёрск, ул. Школьная, д. 1',
        website: 'https://school1.example/',
        email: 'school1@example.ru',
        contingent: 500,
        lastAssessedYear: currentYear() - 2,
      };
      const allowed = [
        ...Object.values(KIND_TITLES).map((t) => ['Тип организации', '', t]),
        ...municipalities.map((x) => ['Муниципальное образование', x.code, x.name]),
        ...refs.authorities.map((x) => ['Учредитель', x.code, x.name]),
      ];
      const bytes = await writeWorkbook([
        {
          name: 'Организации',
          headers: IMPORT_COLUMNS.map((c) => c.header),
          rows: [IMPORT_COLUMNS.map((c) => example[c.field] ?? '')],
          textColumns: textColumns(),
        },
        {
          name: 'Допустимые значения',
          headers: ['Столбец', 'Код', 'Наименование'],
          rows: allowed,
          widths: [28, 16, 80],
        },
      ]);
      return { name: 'shablon-reestra.xlsx', mime: XLSX_MIME, bytes };
    },

    /** The filtered list as XLSX with the template's columns (plus the state, ignored on import). */
    async exportOrganizations(caller: Caller, raw: unknown = {}): Promise<DownloadFile> {
      authorize(caller, 'registry.export');
      const f = parse(OrganizationFilterInput, raw);
      const filter = {
        ...organizationFilter(caller, f, deps.now()),
        ...scopeFilter(caller, 'registry.export'),
      };
      const refs = await loadReferences(db);
      const rows: Organization[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await listOrganizations(db, filter, { limit: 500, offset });
        rows.push(...page);
        if (page.length < 500) break;
      }
      const cells = (o: Organization): Record<string, unknown> => ({
        ...o,
        kind: KIND_TITLES[o.kind],
        municipality: refs.territoryById.get(o.municipalityId)?.code ?? '',
        founder: o.founderId === null ? '' : (refs.authorityById.get(o.founderId)?.code ?? ''),
      });
      const bytes = await writeWorkbook([
        {
          name: 'Организации',
          headers: [...IMPORT_COLUMNS.map((c) => c.header), 'Состояние'],
          rows: rows.map((o) => {
            const c = cells(o);
            return [
              ...IMPORT_COLUMNS.map((col) => c[col.field] as string | number | null),
              o.active ? 'действует' : `закрыта: ${o.deactivationReason ?? ''}`,
            ];
          }),
          textColumns: textColumns(),
        },
      ]);
      const date = deps.now().toISOString().slice(0, 10);
      return { name: `reestr-${date}.xlsx`, mime: XLSX_MIME, bytes };
    },
  };
}

/** Identifier columns stay text in Excel (ИНН, ОГРН, КПП, phone: leading zeros matter). */
function textColumns(): number[] {
  return IMPORT_COLUMNS.flatMap((c, i) =>
    ['code', 'inn', 'ogrn', 'kpp', 'phone'].includes(c.field) ? [i + 1] : [],
  );
}
