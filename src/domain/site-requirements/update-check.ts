// The general rule «Обновление не позднее 10 рабочих дней со дня создания, получения или
// изменения» (273-ФЗ art.29 ч.3; PP 1802 p.16; site-requirements.json `update_10_days`). One
// crawl cannot prove it (site-monitoring.md): this is a heuristic over the years written in the
// texts and file names of yearly documents, never a failure of an item or of indicator 1.1:
// - the self-evaluation report (`reportEduDocLink`): its period is the previous calendar year and
//   it is published by 20 April (Minobrnauki order No. 462 of 14.06.2013 pp.3, 7); with the ten
//   working days of the rule, after that a report older than the previous year is outdated;
// - the plan of financial and economic activity or the budget estimate (`finPlanDocLink`): for the
//   current year, ten working days into it;
// - the curriculum and the academic calendar (`educationPlan`, `educationShedule`): for the
//   current academic year, ten working days after 1 September (273-ФЗ art.2 pp.9, 22).
// The comparison between two checks of a site (what changed and when) is made where the history is
// known (features/monitor); it is merged into this finding's details and evidence.
import type { MarkedElement, PageLink } from './page-model.ts';
import { check, MAX_EVIDENCE, resolve } from './site-check.ts';
import type { SiteCheck, SiteEvidence } from './site-check.ts';
import { addWorkingDays, moscowDay, type WorkCalendar } from './working-days.ts';

export const UPDATE_CHECK_TITLE =
  'Сведения обновляются не позднее 10 рабочих дней (эвристика по датам документов)';
export const UPDATE_CHECK_BASIS = '273-ФЗ ст.29 ч.3; ПП РФ № 1802 п.16';

type Period = 'calendar' | 'academic';

interface DocumentKind {
  id: string;
  /** How the finding names the document (genitive after «год»: «отчёт … за 2025 год»). */
  name: string;
  itemprops: readonly string[];
  /** Link texts that name it when the link is not marked. */
  text: RegExp;
  period: Period;
  /** The year (or academic year's first year) a site must show on `day`, YYYY-MM-DD. */
  expected: (day: string, calendar: WorkCalendar) => { year: number; since: string };
}

/** The term ending on `due` (inclusive) is over on `day` (YYYY-MM-DD compare as strings). */
const reached = (day: string, due: string) => day > due;

export const UPDATE_DOCUMENTS: readonly DocumentKind[] = [
  {
    id: 'self_report',
    name: 'отчёт о самообследовании',
    itemprops: ['reportEduDocLink'],
    text: /самообследовани/i,
    period: 'calendar',
    expected: (day, calendar) => {
      const y = Number(day.slice(0, 4));
      const due = addWorkingDays(`${y}-04-20`, 10, calendar);
      return reached(day, due)
        ? { year: y - 1, since: due }
        : { year: y - 2, since: addWorkingDays(`${y - 1}-04-20`, 10, calendar) };
    },
  },
  {
    id: 'fin_plan',
    name: 'план финансово-хозяйственной деятельности (бюджетная смета)',
    itemprops: ['finPlanDocLink'],
    text: /план\S*\s+финансово|\bпфхд\b|план\S*\s+фхд|бюджетн\S*\s+смет/i,
    period: 'calendar',
    expected: (day, calendar) => {
      const y = Number(day.slice(0, 4));
      const due = addWorkingDays(`${y - 1}-12-31`, 10, calendar);
      return reached(day, due)
        ? { year: y, since: due }
        : { year: y - 1, since: addWorkingDays(`${y - 2}-12-31`, 10, calendar) };
    },
  },
  {
    id: 'academic',
    name: 'учебный план или календарный учебный график',
    itemprops: ['educationPlan', 'educationShedule'],
    text: /учебн\S*\s+план|календарн\S*\s+учебн\S*\s+график/i,
    period: 'academic',
    expected: (day, calendar) => {
      const y = Number(day.slice(0, 4));
      const due = addWorkingDays(`${y}-08-31`, 10, calendar);
      return reached(day, due)
        ? { year: y, since: due }
        : { year: y - 1, since: addWorkingDays(`${y - 1}-08-31`, 10, calendar) };
    },
  },
];

// Years 2000–2039 only: a file size «(PDF, 2048 КБ)» is not a year; sizes are removed first.
const YEAR = /(?<![\d.])(20[0-3]\d)(?!\d)/g;
const DATE = /\b\d{1,2}[./]\d{1,2}[./](20\d\d)\b/g;
const SIZE = /\d[\d\s.,]*\s*(кб|мб|гб|kb|mb|gb|байт|bytes?)\b/gi;
const ACADEMIC = /(?<!\d)(20[0-3]\d)\s*[-–—/_]\s*(20[0-3]\d|\d\d)(?!\d)/g;

/**
 * The year a document is for, read from a link text or a file name: «за 2025 год» / «на 2026 год»
 * first, then an academic year «2025–2026» / «2025/26» (its first year), then the largest year
 * not part of a date («утв. 15.04.2026» is when it was approved, not its period). Null when
 * nothing says.
 */
export function documentYear(raw: string): number | null {
  const text = raw.replace(SIZE, ' ');
  const named = /(?:за|на)\s+(20[0-3]\d)(?:\s*г|\s|$)/i.exec(text);
  if (named) return Number(named[1]);
  for (const m of text.matchAll(ACADEMIC)) {
    const first = Number(m[1]);
    const second = m[2]!;
    const next = second.length === 2 ? 2000 + Number(second) : Number(second);
    if (next === first + 1) return first;
  }
  const years = [...text.replace(DATE, ' ').matchAll(YEAR)].map((m) => Number(m[1]));
  return years.length > 0 ? Math.max(...years) : null;
}

interface Candidate {
  kind: DocumentKind;
  href: string;
  text: string;
  year: number | null;
}

function fileName(href: string, base: string): string {
  const u = resolve(href, base);
  if (!u) return '';
  const last = u.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last).replace(/[_+]/g, ' ');
  } catch {
    return last;
  }
}

function candidates(e: SiteEvidence): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (kind: DocumentKind, href: string | null, text: string, base: string) => {
    // A marked element without a link (the text names the document) is shown by its page.
    const url = href ? (resolve(href, base)?.href ?? href) : base;
    const t = text.replace(/\s+/g, ' ').trim();
    const id = `${kind.id} ${url} ${href ? '' : t}`;
    if (seen.has(id)) return;
    seen.add(id);
    const year = documentYear(t) ?? (href ? documentYear(fileName(href, base)) : null);
    out.push({ kind, href: url, text: t.slice(0, 120), year });
  };
  for (const page of e.sections) {
    const marked: MarkedElement[] = page.model.marked;
    for (const kind of UPDATE_DOCUMENTS) {
      for (const m of marked) {
        if (m.hidden || !m.props.some((p) => kind.itemprops.includes(p))) continue;
        if (/^(отсутствует|нет)\.?$/i.test(m.text.trim())) continue;
        add(kind, m.href, m.text, page.url);
      }
      // Unmarked links by their text; not those of hidden marked elements (not published).
      const hidden = new Set(marked.filter((m) => m.hidden && m.href).map((m) => m.href));
      const links: PageLink[] = page.model.links;
      for (const l of links)
        if (kind.text.test(l.text) && !hidden.has(l.href)) add(kind, l.href, l.text, page.url);
    }
  }
  return out;
}

const ru = (day: string) => day.split('-').reverse().join('.');
const periodWords = (kind: DocumentKind, year: number) =>
  kind.period === 'academic' ? `${year}/${year + 1} учебный год` : `${year} год`;

/**
 * The finding of one crawl on `now` (the crawl's instant; the day is taken in Moscow time).
 * `pass`: every yearly document with a readable year is current; `warning`: one is older than
 * expected (listed in the evidence); `not_checked`: no yearly document with a year was found.
 */
export function updateCheck(e: SiteEvidence, now: Date, calendar: WorkCalendar = {}): SiteCheck {
  const day = moscowDay(now);
  const found = candidates(e);
  const notes: string[] = [];
  const outdated: string[] = [];
  let dated = 0;
  for (const kind of UPDATE_DOCUMENTS) {
    const mine = found.filter((c) => c.kind === kind);
    const withYear = mine.filter((c) => c.year !== null);
    if (withYear.length === 0) {
      if (mine.length > 0)
        notes.push(`${kind.name}: год не указан ни в тексте ссылки, ни в имени файла`);
      continue;
    }
    dated++;
    const { year, since } = kind.expected(day, calendar);
    const newest = Math.max(...withYear.map((c) => c.year!));
    if (newest >= year) continue;
    notes.push(
      `${kind.name}: новейший найденный — за ${periodWords(kind, newest)}, с ${ru(since)} ожидается за ${periodWords(kind, year)}`,
    );
    for (const c of withYear)
      outdated.push(`${c.href} — «${c.text}» (${periodWords(kind, c.year!)})`);
  }
  const say = (status: 'pass' | 'warning' | 'not_checked', head: string) =>
    check(
      'update_10_days',
      UPDATE_CHECK_TITLE,
      UPDATE_CHECK_BASIS,
      status,
      [head, ...notes].join('; '),
      outdated.slice(0, MAX_EVIDENCE),
      false,
    );
  if (outdated.length > 0)
    return say('warning', `возможно, сведения не обновлены (проверка на ${ru(day)})`);
  if (dated === 0)
    return say('not_checked', 'в подразделах нет ежегодных документов с указанием года');
  return say('pass', `ежегодные документы с указанием года актуальны на ${ru(day)}`);
}
