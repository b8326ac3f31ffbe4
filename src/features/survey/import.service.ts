// Import of survey answers from XLSX/CSV exports of other tools (Yandex Forms, Google Forms,
// LimeSurvey) in three steps:
//   1. upload: the file is kept in `files`; its header row gives a guessed column mapping;
//   2. check(mapping): a report per row (invalid rows with reasons; answers to questions hidden by
//      the skip logic are dropped and counted, questionnaire.md "import: dropped and counted");
//   3. commit(mapping): valid rows stored with channel `import` and the idempotency key
//      `import:<file sha-256>:<row>`, so a repeated import of the same file adds nothing.
import { createHash } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions/index.ts';
import { validateResponse, type SurveyIssue } from '../../domain/survey/validate.ts';
import type { QuestionId } from '../../domain/survey/questionnaire.ts';
import type { Executor } from '../../db/client.ts';
import type { StoredAnswers } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { createRecalculationTrigger } from '../results/recalculation-trigger.ts';
import { getFile, insertFile } from '../registry/registry.repo.ts';
import { IMPORT_MAX_BYTES, type UploadedFile } from '../registry/registry.schema.ts';
import { CSV_MIME, XLSX_MIME, detectFormat, readRows } from '../registry/spreadsheet.ts';
import { importedKeys } from './import.repo.ts';
import { guessMapping, rowAnswers, type ColumnMapping } from './import.mapping.ts';
import { insertIfFree, paperTarget, type PaperTarget } from './paper.repo.ts';
import { paperClosedReason } from './paper.service.ts';
import { normalizeCode } from './survey.schema.ts';

export interface ImportUpload {
  fileId: number;
  fileName: string;
  headers: string[];
  dataRows: number;
  mapping: ColumnMapping;
}

export interface ImportRowReport {
  /** Row number in the file (the header is row 1). */
  row: number;
  status: 'valid' | 'invalid' | 'imported_before';
  organizationId: number | null;
  issues: string[];
  /** Answers to questions hidden by the skip logic, not stored. */
  dropped: QuestionId[];
}

export interface ImportReport {
  fileId: number;
  fileName: string;
  totalRows: number;
  valid: number;
  invalid: number;
  /** Rows of this file already stored by an earlier import. */
  importedBefore: number;
  /** Answers dropped by the skip logic, over all valid rows. */
  droppedAnswers: number;
  rows: ImportRowReport[];
}

export interface ImportCommitResult extends ImportReport {
  added: number;
}

export interface ImportInput {
  campaignId: number;
  fileId: number;
  /** The organization of every row, unless the mapping has a survey-code column. */
  organizationId?: number | null;
  mapping: ColumnMapping;
}

const fail = (path: string, message: string): never => {
  throw AppError.validation(message, [{ path, message }]);
};

export function createSurveyImportService(deps: ServiceDeps) {
  const { db } = deps;
  const inputsChanged = createRecalculationTrigger(deps);

  async function ownFile(ex: Executor, caller: Caller, fileId: number) {
    const f = await getFile(ex, fileId);
    if (
      !f?.data ||
      f.createdById !== (caller.userId ?? null) ||
      ![XLSX_MIME, CSV_MIME].includes(f.mime)
    )
      throw AppError.notFound('Загруженный файл не найден: загрузите его ещё раз');
    const rows = await readRows(f.mime === XLSX_MIME ? 'xlsx' : 'csv', f.data);
    return { id: f.id, name: f.name, sha256: f.sha256, rows };
  }

  const blank = (r: readonly string[]) => r.every((c) => c.trim() === '');

  /** The report; with `store`, also inserts the valid rows (in the caller's transaction). */
  async function analyze(ex: Executor, caller: Caller, input: ImportInput, store: boolean) {
    authorize(caller, 'survey.enterPaper');
    const file = await ownFile(ex, caller, input.fileId);
    const mapped = Object.entries(input.mapping).filter(([, c]) => c !== null && c !== undefined);
    if (!mapped.some(([t]) => t !== 'code'))
      fail('mapping', 'Сопоставьте с вопросами хотя бы один столбец');
    const codeColumn = input.mapping.code ?? null;
    const targets = new Map<string, PaperTarget | string>();
    const targetFor = async (key: string, by: Parameters<typeof paperTarget>[1]) => {
      if (!targets.has(key)) {
        const t = await paperTarget(ex, by);
        targets.set(
          key,
          !t || t.campaignId !== input.campaignId
            ? `Организация не найдена в кампании${'code' in by ? ` (код «${by.code}»)` : ''}`
            : (paperClosedReason(t) ?? t),
        );
      }
      return targets.get(key)!;
    };
    if (codeColumn === null && !input.organizationId)
      fail('organizationId', 'Выберите организацию или столбец с кодом анкеты');
    const prefix = `import:${file.sha256}:`;
    const before = await importedKeys(ex, input.campaignId, prefix);
    const report: ImportReport = {
      fileId: file.id,
      fileName: file.name,
      totalRows: 0,
      valid: 0,
      invalid: 0,
      importedBefore: 0,
      droppedAnswers: 0,
      rows: [],
    };
    let added = 0;
    for (const [i, row] of file.rows.entries()) {
      if (i === 0 || blank(row)) continue;
      report.totalRows++;
      const rowNumber = i + 1;
      const key = `${prefix}${rowNumber}`;
      const line: ImportRowReport = {
        row: rowNumber,
        status: 'invalid',
        organizationId: null,
        issues: [],
        dropped: [],
      };
      report.rows.push(line);
      if (before.has(key)) {
        line.status = 'imported_before';
        report.importedBefore++;
        continue;
      }
      const code = codeColumn !== null ? normalizeCode(row[codeColumn] ?? '') : '';
      const t =
        codeColumn !== null
          ? code
            ? await targetFor(code, { code })
            : 'Не указан код анкеты'
          : await targetFor(`id:${input.organizationId}`, {
              campaignId: input.campaignId,
              organizationId: input.organizationId!,
            });
      const checked = validateResponse(rowAnswers(row, input.mapping), 'drop');
      if (typeof t === 'string') line.issues.push(t);
      if (!checked.ok) line.issues.push(...checked.issues.map((x: SurveyIssue) => x.message));
      if (typeof t === 'string' || !checked.ok) {
        report.invalid++;
        continue;
      }
      line.status = 'valid';
      line.organizationId = t.organizationId;
      line.dropped = checked.dropped;
      report.valid++;
      report.droppedAnswers += checked.dropped.length;
      if (store) {
        const id = await insertIfFree(ex, {
          campaignId: input.campaignId,
          organizationId: t.organizationId,
          channel: 'import',
          answers: checked.answers as StoredAnswers,
          valid: true,
          submittedAt: deps.now(),
          idempotencyKey: key,
          operatorId: caller.userId ?? null,
        });
        if (id !== null) added++;
      }
    }
    return { report, added, sha256: file.sha256 };
  }

  return {
    /** Keeps the upload and guesses the mapping from its header row. */
    async upload(caller: Caller, file: UploadedFile | null): Promise<ImportUpload> {
      authorize(caller, 'survey.enterPaper');
      const size = Math.max(file?.size ?? 0, file?.bytes.length ?? 0);
      if (!file || size === 0) fail('file', 'Выберите файл XLSX или CSV');
      if (size > IMPORT_MAX_BYTES) fail('file', 'Файл больше 5 МБ: разделите его на части');
      const format = detectFormat(file!.name, file!.bytes);
      const rows = await readRows(format, file!.bytes);
      const headers = rows[0] ?? [];
      if (headers.every((h) => !h.trim()))
        fail('file', 'В первой строке файла нет заголовков столбцов');
      const stored = await insertFile(db, {
        name: file!.name.replace(/[\\/]/g, '_').slice(-200) || `survey.${format}`,
        mime: format === 'xlsx' ? XLSX_MIME : CSV_MIME,
        size: file!.bytes.length,
        sha256: createHash('sha256').update(file!.bytes).digest('hex'),
        data: file!.bytes,
        createdById: caller.userId ?? null,
      });
      return {
        fileId: stored.id,
        fileName: stored.name,
        headers,
        dataRows: rows.slice(1).filter((r) => !blank(r)).length,
        mapping: guessMapping(headers),
      };
    },

    /** The validation report under a mapping; stores nothing. */
    async check(caller: Caller, input: ImportInput): Promise<ImportReport> {
      return (await analyze(db, caller, input, false)).report;
    },

    /** Stores the valid rows not imported before (one transaction, one audit entry). */
    async commit(caller: Caller, input: ImportInput): Promise<ImportCommitResult> {
      const result = await db.transaction(async (tx) => {
        const { report, added, sha256 } = await analyze(tx, caller, input, true);
        await recordAudit(tx, caller, {
          action: 'survey.imported',
          entityType: 'campaign',
          entityId: input.campaignId,
          after: {
            file: report.fileName,
            sha256,
            added,
            importedBefore: report.importedBefore,
            invalid: report.invalid,
            droppedAnswers: report.droppedAnswers,
          },
        });
        return { ...report, added };
      });
      // Imported answers count at once (a repeated file adds nothing and asks nothing).
      if (result.added > 0) await inputsChanged(input.campaignId);
      return result;
    },
  };
}

export type SurveyImportService = ReturnType<typeof createSurveyImportService>;
