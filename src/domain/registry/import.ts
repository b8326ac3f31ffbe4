// Validation of registry import rows (XLSX/CSV, see the downloadable template). Pure: the caller
// parses the file and passes in the reference lists; this module says, per row and column, what is
// wrong in Russian, and returns the rows that are valid.
import { innProblem, isValidKpp, isValidOgrn } from './identifiers.ts';

export type OrgKindCode = 'preschool' | 'school' | 'vocational' | 'additional';

/** Template columns in order: header text → field. Headers are matched case-insensitively. */
export const IMPORT_COLUMNS = [
  { field: 'code', header: 'Код', required: false },
  { field: 'inn', header: 'ИНН', required: true },
  { field: 'ogrn', header: 'ОГРН', required: false },
  { field: 'kpp', header: 'КПП', required: false },
  { field: 'kind', header: 'Тип организации', required: true },
  { field: 'shortName', header: 'Краткое наименование', required: true },
  { field: 'fullName', header: 'Полное наименование', required: true },
  { field: 'municipality', header: 'Муниципальное образование', required: true },
  { field: 'founder', header: 'Учредитель', required: true },
  { field: 'address', header: 'Адрес', required: false },
  { field: 'website', header: 'Официальный сайт', required: false },
  { field: 'email', header: 'Электронная почта', required: false },
  { field: 'phone', header: 'Телефон', required: false },
  { field: 'contingent', header: 'Контингент обучающихся', required: true },
  { field: 'headName', header: 'Руководитель (ФИО)', required: false },
  { field: 'headPosition', header: 'Должность руководителя', required: false },
  { field: 'lastAssessedYear', header: 'Год последней независимой оценки', required: false },
] as const;

export type ImportField = (typeof IMPORT_COLUMNS)[number]['field'];

/** Accepted spellings of organization kinds (lower-case). */
const KIND_WORDS: Record<string, OrgKindCode> = {
  preschool: 'preschool',
  доо: 'preschool',
  дошкольная: 'preschool',
  'дошкольная образовательная организация': 'preschool',
  school: 'school',
  оо: 'school',
  общеобразовательная: 'school',
  'общеобразовательная организация': 'school',
  школа: 'school',
  vocational: 'vocational',
  спо: 'vocational',
  профессиональная: 'vocational',
  'профессиональная образовательная организация': 'vocational',
  additional: 'additional',
  до: 'additional',
  'дополнительного образования': 'additional',
  'организация дополнительного образования': 'additional',
};

export const KIND_TITLES: Record<OrgKindCode, string> = {
  preschool: 'Дошкольная',
  school: 'Общеобразовательная',
  vocational: 'Профессиональная',
  additional: 'Дополнительного образования',
};

export interface ImportRowIssue {
  /** 1-based row number as the user sees it in the file (the header is row 1). */
  row: number;
  column: string;
  message: string;
}

export interface ImportedOrganization {
  row: number;
  code: string | null;
  inn: string;
  ogrn: string | null;
  kpp: string | null;
  kind: OrgKindCode;
  shortName: string;
  fullName: string;
  municipalityId: number;
  founderId: number;
  address: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  contingent: number;
  headName: string | null;
  headPosition: string | null;
  lastAssessedYear: number | null;
}

export interface ImportReferences {
  /** Municipalities by code and by lower-case name. */
  municipalities: Map<string, number>;
  /** Founders (authorities) by code and by lower-case name or short name. */
  founders: Map<string, number>;
  currentYear: number;
}

export interface ImportValidation {
  valid: ImportedOrganization[];
  issues: ImportRowIssue[];
  /** Rows with at least one issue. */
  invalidRows: number[];
}

/** Maps the file's header row to fields; unknown headers are ignored, missing required ones reported. */
export function mapHeaders(headers: string[]): {
  index: Map<ImportField, number>;
  issues: ImportRowIssue[];
} {
  const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  const index = new Map<ImportField, number>();
  headers.forEach((h, i) => {
    const col = IMPORT_COLUMNS.find(
      (c) => norm(c.header) === norm(h) || c.field.toLowerCase() === norm(h),
    );
    if (col && !index.has(col.field)) index.set(col.field, i);
  });
  const issues = IMPORT_COLUMNS.filter((c) => c.required && !index.has(c.field)).map((c) => ({
    row: 1,
    column: c.header,
    message: 'нет обязательного столбца',
  }));
  return { index, issues };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Validates data rows (without the header). `rows[i]` is file row i + 2. */
export function validateImportRows(
  rows: string[][],
  index: Map<ImportField, number>,
  refs: ImportReferences,
): ImportValidation {
  const issues: ImportRowIssue[] = [];
  const valid: ImportedOrganization[] = [];
  const seenInn = new Map<string, number>();
  rows.forEach((cells, i) => {
    const row = i + 2;
    const get = (f: ImportField) => (cells[index.get(f) ?? -1] ?? '').trim();
    if (IMPORT_COLUMNS.every((c) => get(c.field) === '')) return; // blank line
    const rowIssues: ImportRowIssue[] = [];
    const add = (f: ImportField, message: string) =>
      rowIssues.push({
        row,
        column: IMPORT_COLUMNS.find((c) => c.field === f)?.header ?? f,
        message,
      });
    const parsed = parseRow(get, add, refs);
    const inn = get('inn');
    const firstRow = seenInn.get(inn);
    if (inn && firstRow !== undefined)
      add('inn', `ИНН ${inn} уже встречается в строке ${firstRow}`);
    else if (inn) seenInn.set(inn, row);
    issues.push(...rowIssues);
    if (rowIssues.length === 0 && parsed) valid.push({ ...parsed, row });
  });
  const invalidRows = [...new Set(issues.map((i) => i.row))];
  return { valid, issues, invalidRows };
}

type Getter = (f: ImportField) => string;
type Adder = (f: ImportField, message: string) => void;

function parseRow(
  get: Getter,
  add: Adder,
  refs: ImportReferences,
): Omit<ImportedOrganization, 'row'> | null {
  for (const c of IMPORT_COLUMNS)
    if (c.required && get(c.field) === '') add(c.field, 'не заполнено');
  const inn = get('inn');
  const innIssue = inn ? innProblem(inn) : null;
  if (innIssue) add('inn', innIssue);
  const ogrn = get('ogrn') || null;
  if (ogrn && !isValidOgrn(ogrn)) add('ogrn', 'ОГРН: 13 цифр с верной контрольной цифрой');
  const kpp = get('kpp') || null;
  if (kpp && !isValidKpp(kpp)) add('kpp', 'КПП: 9 знаков, например 695001001');
  const kindText = get('kind').toLowerCase();
  const kind = KIND_WORDS[kindText];
  if (kindText && !kind)
    add(
      'kind',
      `неизвестный тип «${get('kind')}»; допустимо: ${Object.values(KIND_TITLES).join(', ')}`,
    );
  const municipalityId = lookup(refs.municipalities, get('municipality'));
  if (get('municipality') && municipalityId === undefined)
    add('municipality', `нет такого муниципального образования: «${get('municipality')}»`);
  const founderId = lookup(refs.founders, get('founder'));
  if (get('founder') && founderId === undefined)
    add('founder', `нет такого учредителя: «${get('founder')}»`);
  const contingent = parseNonNegativeInt(get('contingent'));
  if (get('contingent') && contingent === null)
    add('contingent', 'нужно целое неотрицательное число');
  const website = normalizeUrl(get('website'));
  if (get('website') && website === null)
    add('website', 'неверный адрес сайта (пример: https://school1.ru/)');
  const email = get('email') || null;
  if (email && !EMAIL.test(email)) add('email', 'неверный адрес электронной почты');
  const year = get('lastAssessedYear') ? parseNonNegativeInt(get('lastAssessedYear')) : null;
  if (get('lastAssessedYear') && (year === null || year < 2013 || year > refs.currentYear)) {
    add('lastAssessedYear', `год от 2013 до ${refs.currentYear}`);
  }
  if (!kind || municipalityId === undefined || founderId === undefined || contingent === null)
    return null;
  return {
    code: get('code') || null,
    inn,
    ogrn,
    kpp,
    kind,
    shortName: get('shortName'),
    fullName: get('fullName'),
    municipalityId,
    founderId,
    address: get('address') || null,
    website,
    email,
    phone: get('phone') || null,
    contingent,
    headName: get('headName') || null,
    headPosition: get('headPosition') || null,
    lastAssessedYear: year,
  };
}

function lookup(map: Map<string, number>, key: string): number | undefined {
  return map.get(key) ?? map.get(key.toLowerCase());
}

function parseNonNegativeInt(s: string): number | null {
  const t = s.replace(/\s/g, '');
  return /^\d+$/.test(t) && Number(t) <= 1_000_000 ? Number(t) : null;
}

/** Accepts «school1.ru» or «http(s)://…»; returns a normalized https?:// URL or null. */
export function normalizeUrl(s: string): string | null {
  if (!s) return null;
  const withScheme = /^https?:\/\//i.test(s) ? s : `https://${s}`;
  try {
    const u = new URL(withScheme);
    if (!u.hostname.includes('.')) return null;
    return u.toString();
  } catch {
    return null;
  }
}
