// How to fix an item the monitor did not accept: the legal basis from the requirements catalogue,
// a Russian instruction for the status found, and an HTML example with the right itemprop (MR v9
// markup: a container «Главный тег» with its children one level inside). Pure; the report page,
// the letters and the XLSX export use it.
import raw from '../../domain/site-requirements/catalogue/site-requirements.2026-11-22.json' with { type: 'json' };
import { CATALOGUE } from '../../domain/site-requirements/index.ts';
import type { CatalogueItem, CatalogueSection } from '../../domain/site-requirements/index.ts';

interface RawItem {
  value?: string;
  notes?: string;
  legal_basis?: string;
}
interface RawSection {
  legal_basis?: string;
  items: RawItem[];
}

export interface CatalogueEntry {
  item: CatalogueItem;
  section: CatalogueSection;
  /** The catalogue's value kind: text, link, container, marker, number, … */
  valueType: string;
  notes: string;
  /** The item's basis, else its container's, else the subsection's (in Russian words). */
  legalBasis: string | null;
}

function buildIndex(): Map<string, CatalogueEntry> {
  const index = new Map<string, CatalogueEntry>();
  const sections = (raw as unknown as { sections: RawSection[] }).sections;
  CATALOGUE.sections.forEach((section, si) => {
    const rawSection = sections[si];
    section.items.forEach((item, ii) => {
      const r = rawSection?.items[ii] ?? {};
      index.set(item.id, {
        item,
        section,
        valueType: r.value ?? 'text',
        notes: r.notes ?? '',
        legalBasis: item.legalBasis ?? null,
      });
    });
    for (const entry of index.values()) {
      if (entry.section !== section || entry.legalBasis) continue;
      const parent = entry.item.parent
        ? index.get(`${section.key}.${entry.item.parent}`)?.legalBasis
        : null;
      entry.legalBasis = parent ?? rawSection?.legal_basis ?? null;
    }
  });
  return index;
}

const INDEX = buildIndex();

export function catalogueEntry(key: string): CatalogueEntry | undefined {
  return INDEX.get(key);
}

// The catalogue writes its references in English shorthand; letters and pages speak Russian.
const BASIS_WORDS: Array<[RegExp, string]> = [
  [/\bas amended by Order (\d+)/g, 'в ред. приказа Рособрнадзора № $1'],
  [/\brepealed by Order (\d+)/g, 'отменён приказом Рособрнадзора № $1'],
  [/\badded by Order (\d+)/g, 'добавлен приказом Рособрнадзора № $1'],
  [/\breplaced by Order (\d+)/g, 'заменён приказом Рособрнадзора № $1'],
  [/\bper (\d+)/g, 'по приказу Рособрнадзора № $1'],
  [/\bOrder (\d+)/g, 'приказ Рособрнадзора № $1'],
  [/(^|; )(1493|1353|831)\b/g, '$1приказ Рособрнадзора № $2'],
  [/\bPP (\d{2}\.\d{2}\.\d{4}) No\.\s?(\d+)/g, 'постановление Правительства РФ от $1 № $2'],
  [/\bPP (\d+)/g, 'постановление Правительства РФ № $1'],
  [/\bMR v9 table/g, 'методические рекомендации v9, табл.'],
  [/\bpp\./g, 'пп.'],
  [/\bp\./g, 'п.'],
  [/\bart\./g, 'ст.'],
  [/\bpart\b/g, 'ч.'],
  [/\bitem\b/g, 'строка'],
  [/\((1353) (п\.\d+) removed /g, '(приказ № $1 $2 исключил '],
  [/\blast paragraph\b/g, 'последний абзац'],
  [/\bmoved to\b/g, 'перенесён в'],
  [/\bin force\b/g, 'действует с'],
  [/\bfrom\b/g, 'с'],
  [/\bexcept preschool( programmes)?/g, 'кроме дошкольных'],
  [/\bsubsection\b/g, 'подраздел'],
  [/\bfirst paragraph\b/g, 'первый абзац'],
  [/\bper each programme\b/g, 'по каждой программе'],
  [/\bas e-document or active links\b/g, 'электронным документом или активными ссылками'],
  [/\(places of activity\)/g, '(места осуществления деятельности)'],
  [/\(local acts\)/g, '(локальные акты)'],
];

export function basisInRussian(basis: string | null): string | null {
  if (!basis) return null;
  return BASIS_WORDS.reduce((s, [re, to]) => s.replace(re, to), basis);
}

const LINK = /DocLink$|Link$|^website|^site$|^addRef$|^eduFed|^eduStandart|^opMain$|^education/;

function childrenOf(entry: CatalogueEntry): string[] {
  return entry.section.items
    .filter((i) => i.parent === entry.item.itemprop && i.itemprop)
    .map((i) => i.itemprop as string);
}

function element(entry: CatalogueEntry, indent: string): string {
  const prop = entry.item.itemprop as string;
  const t = entry.valueType.toLowerCase();
  if (prop === 'copy')
    return `${indent}<a href="/special/" itemprop="copy">Версия для слабовидящих</a>`;
  if (t.startsWith('container')) {
    const kids = childrenOf(entry).slice(0, 3);
    const inner = kids.length
      ? kids.map((k) => `${indent}  <span itemprop="${k}">…</span>`).join('\n')
      : `${indent}  …`;
    return `${indent}<div itemprop="${prop}">\n${inner}\n${indent}</div>`;
  }
  if (t.includes('link') || t.includes('file') || LINK.test(prop)) {
    return `${indent}<a href="/files/${prop}.pdf" itemprop="${prop}">${entry.item.title} (PDF)</a>`;
  }
  if (t.startsWith('number')) return `${indent}<span itemprop="${prop}">0</span>`;
  if (t.startsWith('date')) return `${indent}<span itemprop="${prop}">01.09.1975</span>`;
  return `${indent}<span itemprop="${prop}">…</span>`;
}

/** HTML with the right markup for the item (inside its container when it has one). */
export function htmlExample(entry: CatalogueEntry): string | null {
  if (!entry.item.itemprop) return null;
  if (!entry.item.parent) return element(entry, '');
  return `<div itemprop="${entry.item.parent}">\n${element(entry, '  ')}\n</div>`;
}

/** Absence is allowed to be written out («отсутствует»), and then counts as present. */
export function placeholderAllowed(entry: CatalogueEntry): boolean {
  return (
    entry.item.presence === 'if_applicable' ||
    /отсутству|«0»|placeholder|\*/i.test(`${entry.valueType} ${entry.notes}`)
  );
}

export interface SectionState {
  status: string;
  path: string;
  url: string | null;
  reason?: string | undefined;
}

export interface Advice {
  title: string;
  legalBasis: string | null;
  howTo: string;
  example: string | null;
}

function where(entry: CatalogueEntry): string {
  return `в подразделе «${entry.section.title}» (${entry.section.path})`;
}

function missingText(entry: CatalogueEntry, note: string | undefined): string {
  const prop = entry.item.itemprop;
  if (!prop) {
    return (
      `Разместите ${where(entry)} сведения «${entry.item.title}». Атрибута для них методические ` +
      'рекомендации не задают: монитор находит их по тексту и ссылкам (например, ссылка ' +
      '«Ежедневное меню» или форма обратной связи).'
    );
  }
  const container = entry.item.parent ? ` внутри элемента с itemprop="${entry.item.parent}"` : '';
  const stub = note?.includes('заглушка')
    ? 'Сейчас вместо сведений стоит заглушка (например, «Данные обновляются»). '
    : note?.includes('пуст')
      ? 'Сейчас размеченный элемент пуст. '
      : '';
  const absent = placeholderAllowed(entry)
    ? ' Если таких сведений нет, напишите внутри размеченного элемента «отсутствует» — это засчитывается.'
    : '';
  return `${stub}Разместите «${entry.item.title}» ${where(entry)} и разметьте атрибутом itemprop="${prop}"${container}.${absent}`;
}

/** What to do about one item in a given status; `section` explains pages that did not open. */
export function adviceFor(
  key: string,
  status: string,
  opts: { note?: string | undefined; section?: SectionState } = {},
): Advice {
  const entry = INDEX.get(key);
  if (!entry) {
    return {
      title: key,
      legalBasis: null,
      howTo: `Состояние «${status}»: проверьте разметку по методическим рекомендациям Рособрнадзора.`,
      example: null,
    };
  }
  const prop = entry.item.itemprop ?? '';
  let howTo: string;
  const s = opts.section;
  if (status === 'missing' && s && s.status === 'error') {
    howTo =
      `Страница ${s.url ?? s.path} не открылась при проверке` +
      `${s.reason ? ` (${s.reason})` : ''}. Убедитесь, что подраздел доступен без входа и отвечает ` +
      `быстро. ${missingText(entry, opts.note)}`;
  } else if (status === 'missing' && s && s.status === 'missing') {
    howTo = `Подраздел ${entry.section.path} не найден ни по одному из известных адресов: создайте страницу ${entry.section.path} со ссылкой на неё из раздела «Сведения об образовательной организации». ${missingText(entry, opts.note)}`;
  } else if (status === 'missing') {
    howTo = missingText(entry, opts.note);
  } else if (status === 'hidden') {
    howTo = `Сведения размечены, но скрыты от посетителей (display:none, атрибут или класс hidden). Приказ № 1493 п. 27 требует, чтобы размеченные сведения были видны: уберите скрытие элемента с itemprop="${prop}".`;
  } else if (status === 'outside_parent') {
    howTo = `Атрибут itemprop="${prop}" стоит вне своего «главного тега» itemprop="${entry.item.parent ?? ''}". Перенесите элемент внутрь контейнера (вложенность — один уровень).`;
  } else if (status === 'nonstandard') {
    howTo = `Использовано нестандартное имя атрибута${opts.note ? ` (${opts.note})` : ''}. Замените его на itemprop="${prop}".`;
  } else {
    howTo = `Состояние «${status}»: приведите разметку ${where(entry)} в соответствие с методическими рекомендациями Рособрнадзора (itemprop="${prop}").`;
  }
  return {
    title: entry.item.title,
    legalBasis: basisInRussian(entry.legalBasis),
    howTo,
    example: htmlExample(entry),
  };
}

export interface Issue extends Advice {
  key: string;
  itemprop: string | null;
  status: string;
  section: string;
  path: string;
  note: string | null;
}

/** Required items not present in a check (found and placeholder count), with advice, in order. */
export function checkIssues(check: {
  items: readonly {
    key: string;
    section: string;
    itemprop: string | null;
    status: string;
    requirement: string;
    note?: string;
  }[];
  sections: readonly (SectionState & { key: string })[];
}): Issue[] {
  const sections = new Map(check.sections.map((s) => [s.key, s]));
  return check.items
    .filter(
      (i) => i.requirement === 'required' && i.status !== 'found' && i.status !== 'placeholder',
    )
    .map((i) => {
      const section = sections.get(i.section);
      return {
        key: i.key,
        itemprop: i.itemprop,
        status: i.status,
        section: i.section,
        path: section?.path ?? INDEX.get(i.key)?.section.path ?? '',
        note: i.note ?? null,
        ...adviceFor(i.key, i.status, { note: i.note, ...(section ? { section } : {}) }),
      };
    });
}

export const ITEM_STATUS_WORDS: Record<string, string> = {
  found: 'есть',
  placeholder: 'есть (запись «отсутствует»)',
  missing: 'нет',
  hidden: 'скрыто от посетителей',
  outside_parent: 'вне своего контейнера',
  nonstandard: 'нестандартная разметка',
};

export function itemStatusWord(status: string | null): string {
  if (status === null) return 'не проверялось';
  return ITEM_STATUS_WORDS[status] ?? status;
}

export const CHANNEL_WORDS: Record<string, string> = {
  telephone: 'телефон',
  email: 'электронная почта',
  e_service: 'электронные сервисы (форма обращения)',
  faq: 'раздел «Часто задаваемые вопросы»',
  quality_opinion: 'анкета или ссылка для оценки качества условий',
  other: 'иной дистанционный способ',
};
