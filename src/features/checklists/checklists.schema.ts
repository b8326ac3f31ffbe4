// Contracts of the checklists feature, shared by the API, the pages and the demo seed. Pure zod
// and types: page bundles import this file.
import { z } from 'zod';
import {
  ANSWERS,
  CHECKLIST_SECTIONS,
  COMMENT_MAX,
  REASON_MAX,
  SIDES,
  CHECKLIST_STATUSES,
  type Answer,
  type ChannelTest,
  type ChecklistCounts,
  type ChecklistListStatus,
  type ChecklistSection,
  type Difference,
  type ItemRef,
  type Side,
} from '../../domain/checklists/index.ts';
import type { ItemCount } from '../../domain/scoring/input.ts';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
/** `accept` of the file inputs: phone cameras offer the camera for image types. */
export const EVIDENCE_ACCEPT =
  'image/jpeg,image/png,image/webp,image/heic,image/heif,application/pdf,.jpg,.jpeg,.png,.webp,.heic,.heif,.pdf';

const optionalText = (max: number, label: string) =>
  z.string().max(max, `${label} не длиннее ${max} знаков`).nullable().optional();

const section = z.enum(CHECKLIST_SECTIONS, { error: 'Неизвестный раздел чек-листа' });
const itemKey = z.string().trim().min(1, 'Не указан пункт').max(60);

/** One item's answer; omitted fields keep their stored value, null clears it. */
export const ItemInput = z.object({
  section,
  key: itemKey,
  answer: z
    .enum(ANSWERS, { error: 'Ответ — «есть», «нет» или «не применимо»' })
    .nullable()
    .optional(),
  comment: optionalText(COMMENT_MAX, 'Комментарий'),
  reason: optionalText(REASON_MAX, 'Причина'),
});
export type ItemInput = z.infer<typeof ItemInput>;

const optionalDate = z.string().trim().max(10).nullable().optional();

export const ChannelTestInput = z.object({
  callDate: optionalDate,
  callTime: z.string().trim().max(5).nullable().optional(),
  callAnswered: z.boolean().nullable().optional(),
  letterSentOn: optionalDate,
  letterAnsweredOn: optionalDate,
  note: optionalText(COMMENT_MAX, 'Заметка о проверке'),
});
export type ChannelTestInput = z.infer<typeof ChannelTestInput>;

/** The expert's findings about one remote channel besides its answer (which is an ItemInput). */
export const ChannelInput = z.object({
  key: itemKey,
  /** Listed on the official site; differs from the site monitor only with a reason. */
  listed: z.boolean().nullable().optional(),
  listedReason: optionalText(REASON_MAX, 'Причина'),
  test: ChannelTestInput.optional(),
});
export type ChannelInput = z.infer<typeof ChannelInput>;

/** The expert's correction of the site half of 1.1 (Исайт / Инорм.сайт). */
export const SiteOverrideInput = z
  .object({
    present: z.coerce
      .number({ error: 'Исайт — целое число' })
      .int('Исайт — целое число')
      .min(0, 'Исайт не меньше 0'),
    required: z.coerce
      .number({ error: 'Инорм.сайт — целое число' })
      .int('Инорм.сайт — целое число')
      .min(1, 'Инорм.сайт не меньше 1')
      .max(1000, 'Инорм.сайт не больше 1000'),
    reason: z
      .string({ error: 'Укажите причину исправления данных мониторинга сайта' })
      .trim()
      .min(1, 'Укажите причину исправления данных мониторинга сайта')
      .max(REASON_MAX, `Причина не длиннее ${REASON_MAX} знаков`),
  })
  .refine((v) => v.present <= v.required, {
    message: 'Исайт не может быть больше Инорм.сайт',
    path: ['present'],
  });
export type SiteOverrideInput = z.infer<typeof SiteOverrideInput>;

export const EvidenceLinkInput = z.object({
  section,
  key: itemKey,
  url: z
    .string()
    .trim()
    .max(2000, 'Ссылка не длиннее 2000 знаков')
    .refine(
      (v) => /^https?:\/\/[^\s]+$/i.test(v),
      'Ссылка должна начинаться с http:// или https://',
    ),
});
export type EvidenceLinkInput = z.infer<typeof EvidenceLinkInput>;

/** A save of some items: partial (only what is sent changes) and idempotent. */
export const SaveChecklistInput = z.object({
  side: z.enum(SIDES, { error: 'Укажите, чьи ответы сохраняются: declared или confirmed' }),
  items: z.array(ItemInput).max(200).default([]),
  channels: z.array(ChannelInput).max(20).default([]),
  links: z.array(EvidenceLinkInput).max(50).default([]),
  /** Confirmed side only; null removes the correction. */
  siteOverride: SiteOverrideInput.nullable().optional(),
});
export type SaveChecklistInput = z.input<typeof SaveChecklistInput>;

export const ReopenInput = z.object({
  reason: z
    .string({ error: 'Укажите, зачем чек-лист открывается заново' })
    .trim()
    .min(1, 'Укажите, зачем чек-лист открывается заново')
    .max(REASON_MAX, `Причина не длиннее ${REASON_MAX} знаков`),
});

export const CHECKLIST_LIST_STATUSES = ['not_started', ...CHECKLIST_STATUSES] as const;

export const ChecklistListFilter = z.object({
  status: z.enum(CHECKLIST_LIST_STATUSES).optional(),
  kind: z.enum(['preschool', 'school', 'vocational', 'additional']).optional(),
  municipalityId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
});
export type ChecklistListFilter = z.infer<typeof ChecklistListFilter>;

/** An uploaded evidence file as the service receives it. */
export interface EvidenceUpload {
  section: ChecklistSection;
  key: string;
  name: string;
  /** Type the browser claimed; the service trusts the file's own signature instead. */
  type?: string;
  /** Size when the bytes were not read (an oversized upload); defaults to bytes.length. */
  size?: number;
  bytes: Uint8Array;
}

// ---- What the service returns (types only) ----

export interface ChecklistListRow {
  organizationId: number;
  shortName: string;
  kind: string;
  municipalityId: number;
  municipalityName: string;
  status: ChecklistListStatus;
  updatedAt: string | null;
  /** Items the expert has answered / the organization has declared. */
  confirmedAnswered: number;
  declaredAnswered: number;
}

export interface AnswerView {
  answer: Answer | null;
  comment: string | null;
  reason: string | null;
  at: string | null;
  byName: string | null;
}

export interface EvidenceView {
  id: number;
  side: Side;
  name: string | null;
  mime: string | null;
  size: number | null;
  url: string | null;
  /** Where to open it: the file download or the link itself. */
  href: string;
  createdAt: string;
  byName: string | null;
}

export interface ChannelView {
  listed: boolean | null;
  /** The site monitor's finding now (null: no check) and when the expert decided. */
  monitorListed: boolean | null;
  listedMonitorAtDecision: boolean | null;
  listedReason: string | null;
  testKind: 'call' | 'letter' | null;
  test: ChannelTest;
  /** What the test log says (works / does not / not yet known). */
  suggestedWorking: 'yes' | 'no' | null;
  /** The last day a reply to the test letter counts (5 working days). */
  letterDeadline: string | null;
}

export interface ItemView {
  section: ChecklistSection;
  key: string;
  number: number;
  title: string;
  hint: string | null;
  /** The registry's default «не применимо» (a false applicability fact), if any. */
  registryDefault: { reason: string } | null;
  declared: AnswerView;
  /** Hidden from the organization until the expert confirms the checklist. */
  confirmed: AnswerView | null;
  channel: ChannelView | null;
  evidence: EvidenceView[];
}

export interface SectionView {
  section: ChecklistSection;
  title: string;
  indicator: string;
  version: string;
  basis: string;
  items: ItemView[];
  /** Items of the catalogue that are not for this kind of organization. */
  excluded: { number: number; title: string; reason: string }[];
}

export interface SiteView {
  /** The latest site monitor check (Исайт / Инорм.сайт), if any. */
  monitor: { checkedAt: string; present: number; required: number } | null;
  override: (ItemCount & { reason: string; at: string | null; byName: string | null }) | null;
}

export interface ChecklistView {
  campaign: { id: number; title: string; status: string; open: boolean };
  organization: {
    id: number;
    shortName: string;
    fullName: string;
    kind: string;
    municipalityName: string;
    website: string | null;
  };
  id: number | null;
  status: ChecklistListStatus;
  updatedAt: string | null;
  selfReportedAt: string | null;
  confirmedAt: string | null;
  confirmedByName: string | null;
  sections: SectionView[];
  site: SiteView;
  declaredCounts: ChecklistCounts;
  confirmedCounts: ChecklistCounts | null;
  /** Applicable items still without the expert's answer (empty: ready to confirm). */
  unanswered: ItemRef[];
  unansweredDeclared: ItemRef[];
  differences: Difference[];
  /** What the caller may do now. */
  access: {
    declare: boolean;
    confirm: boolean;
    submit: boolean;
    complete: boolean;
    reopen: boolean;
  };
  /** Today in the region's time zone (test dates may not be later). */
  today: string;
}
