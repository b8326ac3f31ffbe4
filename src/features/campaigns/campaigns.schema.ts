// Contracts of the campaigns feature, shared by the API, the pages and (later) the CLI. Pure zod:
// page bundles import this file.
import { z } from 'zod';
import { CAMPAIGN_STATUSES } from '../../domain/campaigns/workflow.ts';
import { STAGE_KEYS } from '../../domain/campaigns/stages.ts';

const ORG_KINDS = ['preschool', 'school', 'vocational', 'additional'] as const;
const ORG_STATUSES = ['proposed', 'included', 'excluded'] as const;

const isoDate = z
  .string({ error: 'Укажите дату' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Укажите дату в виде ГГГГ-ММ-ДД')
  .refine(isRealDate, 'Такой даты в календаре нет');

/** "2026-02-30" matches the pattern but is no date (Date.parse would roll it over). */
function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const year = z.coerce
  .number({ error: 'Укажите год числом' })
  .int('Год — целое число')
  .min(2000, 'Год не раньше 2000')
  .max(2100, 'Год не позже 2100');

/** The methodology switches a user may choose (ADR 0005); the rest stays at the defaults. */
export const MethodologyChoice = z.object({
  denominators: z.enum(['filter', 'total']).optional(),
  zeroDenominator: z.enum(['exclude', 'zero']).optional(),
  sampleShare: z
    .string()
    .trim()
    .regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, 'Доля выборки — число от 0 до 1, например 0.40')
    .optional(),
  sampleCap: z.coerce
    .number({ error: 'Предел выборки — целое число' })
    .int('Предел выборки — целое число')
    .min(1, 'Предел выборки не меньше 1')
    .max(100000, 'Предел выборки не больше 100000')
    .optional(),
});
export type MethodologyChoice = z.infer<typeof MethodologyChoice>;

export const CreateCampaignInput = MethodologyChoice.extend({
  title: z
    .string({ error: 'Введите название кампании' })
    .trim()
    .min(1, 'Введите название кампании')
    .max(200, 'Не длиннее 200 знаков'),
  year,
  /** The region; defaults to the only region of the registry. */
  territoryId: z.coerce.number().int().positive().optional(),
});
export type CreateCampaignInput = z.infer<typeof CreateCampaignInput>;

export const UpdateCampaignInput = MethodologyChoice.extend({
  title: z
    .string()
    .trim()
    .min(1, 'Введите название кампании')
    .max(200, 'Не длиннее 200 знаков')
    .optional(),
  year: year.optional(),
});
export type UpdateCampaignInput = z.infer<typeof UpdateCampaignInput>;

export const CampaignOrganizationsFilter = z.object({
  municipalityId: z.coerce.number().int().positive().optional(),
  kind: z.enum(ORG_KINDS).optional(),
  status: z.enum(ORG_STATUSES).optional(),
});
export type CampaignOrganizationsFilter = z.infer<typeof CampaignOrganizationsFilter>;

/** Add an organization by its id, INN or registry code (one of them). */
export const AddOrganizationInput = z
  .object({
    organizationId: z.coerce.number().int().positive().optional(),
    query: z.string().trim().max(100).optional(),
    comment: z.string().trim().max(500, 'Не длиннее 500 знаков').optional(),
  })
  .refine((v) => v.organizationId !== undefined || (v.query ?? '') !== '', {
    message: 'Укажите ИНН или код организации',
    path: ['query'],
  });
export type AddOrganizationInput = z.infer<typeof AddOrganizationInput>;

export const ExcludeOrganizationInput = z.object({
  reason: z.string().trim().max(500, 'Не длиннее 500 знаков').optional(),
});
export type ExcludeOrganizationInput = z.infer<typeof ExcludeOrganizationInput>;

export const ApproveListInput = z.object({
  decisionNumber: z
    .string({ error: 'Введите номер решения (протокола) общественного совета' })
    .trim()
    .min(1, 'Введите номер решения (протокола) общественного совета')
    .max(100, 'Не длиннее 100 знаков'),
  decisionDate: isoDate,
});
export type ApproveListInput = z.infer<typeof ApproveListInput>;

/** The uploaded protocol as the service receives it. */
export interface ProtocolFile {
  name: string;
  /** Type the browser claimed; the service trusts the file's own signature instead. */
  type?: string;
  /** Size when the bytes were not read (an oversized upload); defaults to bytes.length. */
  size?: number;
  bytes: Uint8Array;
}

export const PROTOCOL_MAX_BYTES = 10 * 1024 * 1024;
export const PROTOCOL_ACCEPT =
  '.pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const StatusInput = z.object({
  to: z.enum(CAMPAIGN_STATUSES, { error: 'Неизвестный статус кампании' }),
});
export type StatusInput = z.infer<typeof StatusInput>;

export const StageDatesInput = z.object({
  stages: z
    .array(
      z.object({
        key: z.enum(STAGE_KEYS, { error: 'Неизвестный этап' }),
        plannedStart: isoDate,
        plannedEnd: isoDate,
      }),
    )
    .min(1, 'Нет этапов для сохранения'),
});
export type StageDatesInput = z.infer<typeof StageDatesInput>;

export const StageDoneInput = z.object({
  key: z.enum(STAGE_KEYS, { error: 'Неизвестный этап' }),
  done: z.boolean().default(true),
});
export type StageDoneInput = z.input<typeof StageDoneInput>;

export const ORGANIZATION_KIND_TITLES: Record<(typeof ORG_KINDS)[number], string> = {
  preschool: 'Дошкольная',
  school: 'Общеобразовательная',
  vocational: 'Профессиональная',
  additional: 'Дополнительного образования',
};

export const CAMPAIGN_ORGANIZATION_STATUS_TITLES: Record<(typeof ORG_STATUSES)[number], string> = {
  proposed: 'Предложена',
  included: 'Включена',
  excluded: 'Исключена',
};

export const STAGE_STATE_TITLES = {
  done: 'Выполнен',
  done_late: 'Выполнен с опозданием',
  active: 'Идёт',
  late: 'Просрочен',
  upcoming: 'Впереди',
} as const;

export const DENOMINATOR_TITLES = {
  filter: 'знаменатель 1.3 и 4.3 — ответившие «да» на вопрос-фильтр',
  total: 'знаменатель 1.3 и 4.3 — все респонденты',
} as const;

export const ZERO_DENOMINATOR_TITLES = {
  exclude: 'при нулевом знаменателе показатель не применяется (веса пересчитываются)',
  zero: 'при нулевом знаменателе показатель равен 0',
} as const;
