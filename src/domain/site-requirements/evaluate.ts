// Item statuses from page models, following the monitoring algorithm of MR v9 §5: collect the
// marked elements of the subsection page and its addRef pages, find each one's nearest marked
// ancestor, count a child only inside its «Главный тег» (one nesting level). On top of MR, the
// statuses of site-monitoring.md: placeholders («отсутствует»/«нет»/«0») count as present,
// hidden markup (Order 1493 p.27 requires it visible) and known alias spellings are reported.
import type { CatalogueItem } from './catalogue.ts';
import type { MarkedElement, PageModel } from './page-model.ts';

export const ITEM_STATUSES = [
  'found',
  'placeholder',
  'missing',
  'hidden',
  'outside_parent',
  'nonstandard',
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export interface ItemEvaluation {
  status: ItemStatus;
  value: string | null;
  note?: string;
}

/** Only these count as present for indicator 1.1. */
export function isPresent(status: ItemStatus): boolean {
  return status === 'found' || status === 'placeholder';
}

// Hand-written spellings seen on real sites (site-monitoring.md «Crawler pitfalls»), plus the
// «corrected» spelling of the official misspelling educationShedule.
export const ALIASES: Readonly<Record<string, readonly string[]>> = {
  fullName: ['fullNameOrg', 'nameOrg', 'orgName'],
  regDate: ['dateCreate', 'createDate', 'dateReg'],
  telephone: ['phone', 'tel', 'phoneNumber'],
  email: ['mail', 'e-mail', 'eMail'],
  nameUchred: ['uchredName'],
  address: ['addressOrg'],
  educationShedule: ['educationSchedule'],
  rucovodstvo: ['rukovodstvo'],
  rucovodstvoZam: ['rukovodstvoZam'],
};

const PLACEHOLDER_WORDS =
  /(^|[\s(])(отсутству\S*|не предусмотрен\S*|не имеет\S*|не имеется|не осуществля\S*|не заключ\S*|не оказыва\S*|не реализу\S*|нет)([\s).,;]|$)/;
const ZERO = /^(0|0[.,]0+|-|—|–)$/;
// «Данные обновляются» and the like are not information: a known trick is to hide them.
const STUB =
  /данные обновляются|информация обновляется|в разработке|в стадии (наполнения|разработки)|страница наполняется/;

type Content = 'content' | 'placeholder' | 'stub' | 'empty';

/** Strips a label written inside the marked element («Полное наименование: …»). */
function withoutLabel(text: string): string {
  const colon = text.indexOf(':');
  if (colon > 0 && colon < 60 && !/^https?$/i.test(text.slice(0, colon)))
    return text.slice(colon + 1).trim();
  return text.trim();
}

export function classifyContent(el: Pick<MarkedElement, 'text' | 'href'>): Content {
  const text = withoutLabel(el.text)
    .toLowerCase()
    .replace(/[«»"'.;]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length > 0 && text.length <= 120 && (PLACEHOLDER_WORDS.test(text) || ZERO.test(text))) {
    return 'placeholder';
  }
  if (text.length > 0 && text.length <= 120 && STUB.test(text)) return 'stub';
  if (el.href && el.href.trim() !== '' && el.href.trim() !== '#') return 'content';
  return text.length > 0 ? 'content' : 'empty';
}

/** The element's text without a label written in its own tag («<b>Телефон:</b> …»). */
function ownText(el: MarkedElement): string {
  return el.label && el.text.startsWith(el.label) ? el.text.slice(el.label.length).trim() : el.text;
}

function valueOf(item: CatalogueItem, el: MarkedElement): string {
  const isLink = /DocLink$|Link$|^website|^site$/.test(item.itemprop ?? '');
  const v = isLink && el.href ? el.href : ownText(el) || el.href || '';
  return v.slice(0, 300);
}

const RANK: Record<ItemStatus, number> = {
  found: 0,
  placeholder: 1,
  hidden: 2,
  outside_parent: 3,
  nonstandard: 4,
  missing: 5,
};

/** The better of two evaluations (an item counts if any page has it). */
export function better(a: ItemEvaluation, b: ItemEvaluation): ItemEvaluation {
  if (RANK[b.status] !== RANK[a.status]) return RANK[b.status] < RANK[a.status] ? b : a;
  return a.value === null && b.value !== null ? b : a;
}

function aliasMatch(itemprop: string, prop: string): boolean {
  if (prop === itemprop) return false;
  if (prop.toLowerCase() === itemprop.toLowerCase()) return true;
  return (ALIASES[itemprop] ?? []).includes(prop);
}

function fromQualifying(item: CatalogueItem, qualifying: MarkedElement[]): ItemEvaluation {
  const visible = qualifying.filter((e) => !e.hidden);
  if (visible.length === 0) {
    const first = qualifying[0] as MarkedElement;
    return {
      status: 'hidden',
      value: valueOf(item, first) || null,
      note: 'размеченный элемент скрыт от посетителей',
    };
  }
  const kinds = visible.map((e) => ({ e, c: classifyContent(e) }));
  const content = kinds.find((k) => k.c === 'content');
  if (content) return { status: 'found', value: valueOf(item, content.e) };
  const placeholder = kinds.find((k) => k.c === 'placeholder');
  if (placeholder) return { status: 'placeholder', value: ownText(placeholder.e).slice(0, 300) };
  const stub = kinds.find((k) => k.c === 'stub');
  if (stub)
    return {
      status: 'missing',
      value: ownText(stub.e).slice(0, 300),
      note: 'заглушка вместо сведений',
    };
  return { status: 'missing', value: null, note: 'размеченный элемент пуст' };
}

/** Evaluates one catalogue item (with an itemprop) on one page model. */
export function evaluateOnPage(item: CatalogueItem, page: PageModel): ItemEvaluation {
  const prop = item.itemprop;
  if (prop === null) return { status: 'missing', value: null };
  const occurrences = page.marked.filter((e) => e.props.includes(prop));
  // Root items are accepted at any depth; children only with their container as the nearest
  // marked ancestor (MR v9 §5 p.5: a child outside its «Главный тег» is «не найден»).
  const qualifying = item.parent
    ? occurrences.filter((e) => page.marked[e.ancestor]?.props.includes(item.parent as string))
    : occurrences;
  if (qualifying.length > 0) return fromQualifying(item, qualifying);
  if (occurrences.length > 0) {
    const first = occurrences[0] as MarkedElement;
    return {
      status: 'outside_parent',
      value: valueOf(item, first) || null,
      note: `элемент вне контейнера «${item.parent ?? ''}»`,
    };
  }
  for (const e of page.marked) {
    const alias = e.props.find((p) => aliasMatch(prop, p));
    if (alias) {
      return {
        status: 'nonstandard',
        value: valueOf(item, e) || null,
        note: `нестандартная разметка «${alias}» вместо «${prop}»`,
      };
    }
  }
  return { status: 'missing', value: null };
}

/** Evaluates an item over the subsection page and its addRef pages: the best status wins. */
export function evaluateItem(item: CatalogueItem, pages: readonly PageModel[]): ItemEvaluation {
  if (item.itemprop === null) return evaluateTextItem(item, pages);
  let best: ItemEvaluation = { status: 'missing', value: null };
  for (const page of pages) {
    best = better(best, evaluateOnPage(item, page));
    if (best.status === 'found') break;
  }
  return best;
}

// Catering p.19.2 (state and municipal schools, НОО): MR defines no itemprop, so the catalogue's
// text items are detected by words and links on the catering pages.
const TEXT_PATTERNS: Record<string, RegExp> = {
  menu: /(ежедневн\S*|горяч\S*|примерн\S*|цикличн\S*)\s+меню|меню\s+(ежедневного|горячего|на\s)/i,
  dietMenu: /диетическ\S*\s+меню|диет\S* питани/i,
  caterers:
    /оказывающ\S*\s+услуг\S*\s+по\s+организации\s+питания|организатор\S*\s+питания|оператор\S*\s+питания/i,
  suppliers: /поставля\S*\s+пищев|поставщик\S*/i,
  parentsFeedback: /обратн\S*\s+связ\S*|вопрос\S*\s+родител/i,
};

function textKey(item: CatalogueItem): string {
  return item.id.split(':').pop() ?? '';
}

function evaluateTextItem(item: CatalogueItem, pages: readonly PageModel[]): ItemEvaluation {
  const key = textKey(item);
  const pattern = TEXT_PATTERNS[key];
  if (!pattern) return { status: 'missing', value: null };
  for (const page of pages) {
    if (key === 'parentsFeedback') {
      const form = page.forms.find((f) => f.textarea && f.submit);
      if (form)
        return {
          status: 'found',
          value: `форма обратной связи${form.action ? ` (${form.action})` : ''}`,
        };
    }
    const link = page.links.find(
      (l) => pattern.test(l.text) || (key === 'menu' && /\/food\//i.test(l.href)),
    );
    if (link) return { status: 'found', value: link.href };
    const m = pattern.exec(page.text);
    if (m) {
      const at = Math.max(0, m.index - 40);
      return { status: 'found', value: page.text.slice(at, m.index + m[0].length + 80).trim() };
    }
  }
  return { status: 'missing', value: null };
}
