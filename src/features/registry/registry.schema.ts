// Contracts of the registry feature, shared by the API, the pages and the CLI. Pure zod: page
// bundles import this file. Form inputs arrive as strings; an empty optional field means «clear».
import { z } from 'zod';
import { innProblem, isValidKpp, isValidOgrn } from '../../domain/registry/identifiers.ts';
import { KIND_TITLES, normalizeUrl } from '../../domain/registry/import.ts';

export const ORG_KINDS = ['preschool', 'school', 'vocational', 'additional'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export { KIND_TITLES };

export const AUTHORITY_LEVELS = ['regional', 'municipal'] as const;
export const AUTHORITY_LEVEL_TITLES: Record<(typeof AUTHORITY_LEVELS)[number], string> = {
  regional: 'Региональный',
  municipal: 'Муниципальный',
};

const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);

/** Optional text: '' or null clears the field, undefined leaves it as it is. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Не длиннее ${max} знаков`)
    .nullable()
    .optional()
    .transform((s) => (s === '' ? null : s));

const requiredText = (message: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Не длиннее ${max} знаков`);

const inn = z
  .string({ error: 'Укажите ИНН' })
  .trim()
  .min(1, 'Укажите ИНН')
  .superRefine((v, ctx) => {
    const problem = innProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const ogrn = optionalText(13).refine(
  (v) => v == null || isValidOgrn(v),
  'ОГРН: 13 цифр с верной контрольной цифрой',
);
const kpp = optionalText(9).refine(
  (v) => v == null || isValidKpp(v),
  'КПП: 9 знаков, например 695001001',
);
const website = optionalText(300)
  .refine(
    (v) => v == null || normalizeUrl(v) !== null,
    'Неверный адрес сайта (пример: https://school1.ru/)',
  )
  .transform((v) => (v == null ? v : normalizeUrl(v)));
const email = optionalText(200).refine(
  (v) => v == null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
  'Неверный адрес электронной почты',
);
const contingent = z.coerce
  .number({ error: 'Контингент — целое неотрицательное число' })
  .int('Контингент — целое неотрицательное число')
  .min(0, 'Контингент — целое неотрицательное число')
  .max(1_000_000, 'Контингент не больше 1 000 000');
const lastAssessedYear = z
  .union([z.literal(''), z.null(), z.coerce.number().int('Год — целое число')])
  .optional()
  .transform((v) => (v === '' ? null : v))
  .refine((v) => v == null || (v >= 2013 && v <= 2100), 'Год последней оценки — от 2013');
const kind = z.enum(ORG_KINDS, { error: 'Выберите тип организации' });
const code = z
  .string()
  .trim()
  .max(50, 'Код не длиннее 50 знаков')
  .regex(/^[\p{L}\p{N}._-]*$/u, 'Код: буквы, цифры, точка, дефис, подчёркивание')
  .optional();

const fields = {
  inn,
  ogrn,
  kpp,
  kind,
  shortName: requiredText('Введите краткое наименование', 300),
  fullName: requiredText('Введите полное наименование', 1000),
  municipalityId: id('Выберите муниципальное образование'),
  founderId: z
    .union([z.literal(''), z.null(), id('Выберите учредителя')])
    .optional()
    .transform((v) => (v === '' ? null : v)),
  address: optionalText(500),
  website,
  email,
  phone: optionalText(100),
  contingent,
  headName: optionalText(200),
  headPosition: optionalText(200),
  lastAssessedYear,
};

export const CreateOrganizationInput = z.object({ code, ...fields });
export type CreateOrganizationInput = z.infer<typeof CreateOrganizationInput>;

export const UpdateOrganizationInput = z.object(fields).partial();
export type UpdateOrganizationInput = z.infer<typeof UpdateOrganizationInput>;

export const DeactivateInput = z.object({
  reason: requiredText('Укажите причину закрытия (например, «реорганизована»)', 500),
});

const flag = z
  .union([z.boolean(), z.enum(['1', 'true', 'on', '0', 'false', 'off', ''])])
  .optional()
  .transform((v) => v === true || v === '1' || v === 'true' || v === 'on');

export const OrganizationFilterInput = z.object({
  q: z.string().trim().max(200).optional(),
  kind: z.union([z.enum(ORG_KINDS), z.literal('')]).optional(),
  municipalityId: z.union([z.literal(''), z.coerce.number().int().positive()]).optional(),
  founderId: z.union([z.literal(''), z.coerce.number().int().positive()]).optional(),
  /** active (default), closed, all. */
  status: z.enum(['active', 'closed', 'all']).optional(),
  /** Only organizations due for assessment (never assessed or 3+ years ago). */
  due: flag,
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).optional(),
});
export type OrganizationFilterInput = z.input<typeof OrganizationFilterInput>;

export const AuthorityInput = z.object({
  code: z
    .string({ error: 'Введите код' })
    .trim()
    .min(1, 'Введите код')
    .max(50, 'Код не длиннее 50 знаков')
    .regex(/^[\p{L}\p{N}._-]+$/u, 'Код: буквы, цифры, точка, дефис, подчёркивание'),
  name: requiredText('Введите наименование', 500),
  shortName: requiredText('Введите краткое наименование', 200),
  level: z.enum(AUTHORITY_LEVELS, { error: 'Выберите уровень' }),
  territoryId: id('Выберите территорию'),
  inn: optionalText(10).refine((v) => v == null || innProblem(v) === null, 'Неверный ИНН'),
  email,
  phone: optionalText(100),
});
export type AuthorityInput = z.infer<typeof AuthorityInput>;
export const UpdateAuthorityInput = AuthorityInput.omit({ code: true })
  .extend({ active: z.boolean().optional() })
  .partial();

export const CommitImportInput = z.object({
  fileId: id('Не найден загруженный файл'),
  mode: z.enum(['valid', 'nothing'], { error: 'Выберите, что сделать с файлом' }),
});

/** An uploaded import file as the service receives it. */
export interface UploadedFile {
  name: string;
  /** Type the browser claimed; the service trusts the content instead. */
  type?: string;
  /** Declared size when the bytes were not read (an oversized upload). */
  size?: number;
  bytes: Uint8Array;
}

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_ACCEPT =
  '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
