// Shortcomings of one organization from its scored facts: every checklist or site item that is
// missing while its indicator is below 100, and every survey share below the threshold, each with
// the catalogue's recommendation. Item-level facts are optional: when a source gives only counts,
// one summary shortcoming per gap says how many items are missing.
import type { OrganizationInput } from '../scoring/input.ts';
import type { IndicatorId } from '../scoring/methodology.ts';
import {
  CHANNEL_ITEMS,
  COMFORT_ITEMS,
  PREMISES_ITEMS,
  SERVICE_ITEMS,
  STAND_ITEMS,
} from './checklist-items.ts';
import { LAW_181, ORDER_1309, ORDER_1493, ORDER_344, art273 } from './legal.ts';
import { siteItem } from './site-items.ts';
import { surveyItem } from './survey-items.ts';
import type { RecommendationItem, Shortcoming, ShortcomingSource } from './types.ts';

/** Default threshold: any survey share below 100 % gets a recommendation. */
export const DEFAULT_SURVEY_THRESHOLD = 100;

export type MissingList = 'stand' | 'site' | 'channels' | 'comfort' | 'premises' | 'services';

export interface ShortcomingFacts {
  /** Exactly what the engine scored. */
  counts: OrganizationInput;
  /** Rounded indicator values (null = not applicable). */
  indicators: Readonly<Record<IndicatorId, number | null>>;
  /** Codes of the items found missing, per list, when the source reports items. */
  missing?: Partial<Record<MissingList, readonly string[]>>;
  /** Survey shares in percent (rounded), as shown to readers. */
  surveyShares: readonly { indicator: IndicatorId; question: string; share: number | null }[];
  /** No expert checklist / no site check exists: the summary says so. */
  noChecklist?: boolean;
  noSite?: boolean;
}

export interface ShortcomingOptions {
  /** A survey share below this (percent) is a shortcoming; default 100. */
  surveyThreshold?: number;
}

interface ListSpec {
  list: MissingList;
  prefix: string;
  source: ShortcomingSource;
  indicator: IndicatorId;
  items: (code: string) => RecommendationItem | null;
  /** Present / required for the summary, when items are not reported. */
  counted: (c: OrganizationInput) => { present: number; required: number | null };
  summary: { what: string; recommendation: string; legalBasis: string };
}

/** The title is the catalogue's subject, followed by the organization's figure when there is one. */
function titled(subject: string, detail: string | null) {
  return { title: detail ? `${subject}: ${detail}` : subject, subject, detail };
}

const fromList = (items: readonly RecommendationItem[]) => (code: string) =>
  items.find((i) => i.code === code) ?? null;

const LISTS: readonly ListSpec[] = [
  {
    list: 'stand',
    prefix: 'stand',
    source: 'stand',
    indicator: '1.1',
    items: fromList(STAND_ITEMS),
    counted: (c) => c.stand,
    summary: {
      what: 'На информационных стендах размещены не все обязательные сведения',
      recommendation:
        'Дополнить информационные стенды недостающими сведениями по перечню чек-листа.',
      legalBasis: art273('29'),
    },
  },
  {
    list: 'site',
    prefix: 'site',
    source: 'site',
    indicator: '1.1',
    items: (code) => siteItem(code),
    counted: (c) => c.site,
    summary: {
      what: 'На официальном сайте размещены не все обязательные сведения',
      recommendation:
        'Дополнить раздел «Сведения об образовательной организации» официального сайта недостающими сведениями.',
      legalBasis: `${art273('29')}; ${ORDER_1493}`,
    },
  },
  {
    list: 'channels',
    prefix: 'channels',
    source: 'channels',
    indicator: '1.2',
    items: fromList(CHANNEL_ITEMS),
    // More than 3 working channels score 100 (methodology.md, 1.2).
    counted: (c) => ({ present: c.remoteChannels, required: 4 }),
    summary: {
      what: 'Работает меньше четырёх дистанционных способов взаимодействия',
      recommendation:
        'Обеспечить работу не менее четырёх дистанционных способов взаимодействия и указать их на официальном сайте.',
      legalBasis: `показатель 1.2, ${ORDER_344}`,
    },
  },
  {
    list: 'comfort',
    prefix: 'comfort',
    source: 'checklist',
    indicator: '2.1',
    items: fromList(COMFORT_ITEMS),
    counted: (c) => ({ present: c.comfortConditions, required: 5 }),
    summary: {
      what: 'Обеспечены не все условия комфортности',
      recommendation: 'Обеспечить все пять условий комфортности по перечню чек-листа.',
      legalBasis: `показатель 2.1, ${ORDER_344}`,
    },
  },
  {
    list: 'premises',
    prefix: 'premises',
    source: 'checklist',
    indicator: '3.1',
    items: fromList(PREMISES_ITEMS),
    counted: (c) => ({ present: c.premisesAccessibility, required: 5 }),
    summary: {
      what: 'Помещения и территория оборудованы для инвалидов не полностью',
      recommendation:
        'Оборудовать помещения и прилегающую территорию с учётом доступности для инвалидов.',
      legalBasis: `${LAW_181}; ${ORDER_1309}`,
    },
  },
  {
    list: 'services',
    prefix: 'services',
    source: 'checklist',
    indicator: '3.2',
    items: fromList(SERVICE_ITEMS),
    counted: (c) => ({ present: c.serviceAccessibility, required: 5 }),
    summary: {
      what: 'Обеспечены не все условия доступности услуг для инвалидов',
      recommendation:
        'Обеспечить условия, позволяющие инвалидам получать услуги наравне с другими, по перечню чек-листа.',
      legalBasis: `${LAW_181}; ${ORDER_1309}`,
    },
  },
];

function halfIsShort(spec: ListSpec, counts: OrganizationInput, value: number | null): boolean {
  if (value === null) return false;
  const { present, required } = spec.counted(counts);
  return required !== null && present < required && value < 100;
}

function listShortcomings(spec: ListSpec, facts: ShortcomingFacts): Shortcoming[] {
  const value = facts.indicators[spec.indicator];
  if (!halfIsShort(spec, facts.counts, value)) return [];
  const base = { indicator: spec.indicator, source: spec.source, value };
  const codes = facts.missing?.[spec.list] ?? [];
  if (codes.length > 0) {
    return codes.map((code) => {
      const item = spec.items(code);
      return {
        ...base,
        code: `${spec.prefix}:${code}`,
        ...titled(item ? `Отсутствует: ${item.title}` : `Отсутствует пункт ${code}`, null),
        recommendation: item?.recommendation ?? spec.summary.recommendation,
        legalBasis: item?.legalBasis ?? spec.summary.legalBasis,
      };
    });
  }
  const { present, required } = spec.counted(facts.counts);
  const noData =
    spec.source === 'site'
      ? facts.noSite
        ? ' (нет данных мониторинга сайта)'
        : ''
      : facts.noChecklist
        ? ' (нет данных чек-листа)'
        : '';
  // Stand and site count items of a catalogue; condition lists score 100 from a number of items.
  const count =
    spec.list === 'stand' || spec.list === 'site'
      ? `${present} из ${required}`
      : `${present}, для 100 баллов нужно ${required}`;
  return [
    {
      ...base,
      code: `${spec.prefix}:incomplete`,
      ...titled(spec.summary.what, `${count}${noData}`),
      recommendation: spec.summary.recommendation,
      legalBasis: spec.summary.legalBasis,
    },
  ];
}

const percent = (v: number): string => `${v.toFixed(2).replace('.', ',')} %`;

function surveyShortcomings(facts: ShortcomingFacts, threshold: number): Shortcoming[] {
  return facts.surveyShares.flatMap((s) => {
    if (s.share === null || s.share >= threshold) return [];
    const item = surveyItem(s.question);
    return [
      {
        code: `survey:${s.question}`,
        indicator: s.indicator,
        source: 'survey' as const,
        ...titled(item?.subject ?? `Доля ответов «Да» на вопрос ${s.question}`, percent(s.share)),
        recommendation:
          item?.recommendation ??
          'Проанализировать ответы получателей услуг и включить меры в план улучшения.',
        legalBasis: null,
        value: s.share,
      },
    ];
  });
}

/** Every shortcoming of one organization, checklist and site items first, then survey shares. */
export function deriveShortcomings(
  facts: ShortcomingFacts,
  options: ShortcomingOptions = {},
): Shortcoming[] {
  const threshold = options.surveyThreshold ?? DEFAULT_SURVEY_THRESHOLD;
  return [
    ...LISTS.flatMap((spec) => listShortcomings(spec, facts)),
    ...surveyShortcomings(facts, threshold),
  ];
}
