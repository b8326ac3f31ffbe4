// Two general rules of site-monitoring.md read from the page models:
// - accessibility for the visually impaired: PP RF 07.02.2026 No. 102 (from 01.03.2026, sites of
//   subordinate organisations; before it Minцифры order No. 953) asks for text alternatives of
//   non-text content (GOST R 52872-2019), meaningful page titles and link texts, labelled form
//   fields. The automatable part: images without `alt`, unlabeled fields, pages without <title>,
//   links without text. Required from 01.03.2026 (the date of the 1493+1353 ruleset), a warning
//   before it;
// - information published as pictures: 1493 pp.22–26 want the text searchable and copyable in
//   the browser, so a marked element holding only an image (a table pasted as a screenshot) fails.
// Neither changes item statuses or the score.
import { CATALOGUE } from './catalogue.ts';
import type { Ruleset } from './rulesets.ts';
import { check } from './site-check.ts';
import type { CheckedPage, SiteCheck, SiteEvidence } from './site-check.ts';

function pagesOf(e: SiteEvidence): CheckedPage[] {
  return [...(e.main ? [e.main] : []), ...e.sections];
}

export function accessibilityCheck(e: SiteEvidence, ruleset: Ruleset): SiteCheck {
  const title = 'Доступность сайта для инвалидов по зрению (автоматически проверяемая часть)';
  const required = ruleset.version === '1493+1353';
  const basis = required
    ? 'ПП РФ № 102 от 07.02.2026; ГОСТ Р 52872-2019'
    : 'приказ Минцифры № 953 от 07.11.2023; ГОСТ Р 52872-2019';
  const pages = pagesOf(e).filter((p) => p.model.a11y);
  if (pages.length === 0)
    return check(
      'accessibility',
      title,
      basis,
      'not_checked',
      'страницы не прочитаны',
      [],
      required,
    );
  const problems: string[] = [];
  const evidence: string[] = [];
  const count = (n: number, what: string, examples: string[]) => {
    if (n === 0) return;
    problems.push(`${what}: ${n}`);
    evidence.push(...examples);
  };
  const noAlt = pages.flatMap((p) =>
    p.model.a11y!.imagesWithoutAlt.map((src) => `${p.url}: <img src="${src}"> без alt`),
  );
  count(noAlt.length, 'изображений без текстовой альтернативы (alt)', noAlt);
  const fields = pages.flatMap((p) =>
    p.model.a11y!.unlabeledFields.map((f) => `${p.url}: поле «${f}» без подписи`),
  );
  count(fields.length, 'полей форм без подписи (label)', fields);
  const untitled = pages.filter((p) => !p.model.title.trim()).map((p) => `${p.url}: нет <title>`);
  count(untitled.length, 'страниц без заголовка (title)', untitled);
  const emptyLinks = pages.flatMap((p) =>
    p.model.links.filter((l) => !l.text.trim()).map((l) => `${p.url}: ссылка ${l.href} без текста`),
  );
  count(emptyLinks.length, 'ссылок без текста', emptyLinks);
  const checked = `проверено страниц: ${pages.length}`;
  if (problems.length === 0)
    return check('accessibility', title, basis, 'pass', checked, [], required);
  return check(
    'accessibility',
    title,
    basis,
    required ? 'fail' : 'warning',
    `${problems.join('; ')} (${checked})`,
    evidence,
    required,
  );
}

const SECTION_PATH = new Map(CATALOGUE.sections.map((s) => [s.key, s.path]));

export function informationAsImagesCheck(e: SiteEvidence): SiteCheck {
  const title = 'Сведения размещены текстом, а не изображением';
  const basis = 'приказ № 1493 пп.22–26';
  if (e.sections.length === 0)
    return check('information_as_images', title, basis, 'not_checked', 'подразделы не найдены');
  // A marked element with a picture and no text of its own; links (a licence scan behind an
  // image) are documents, judged by the PDF checks.
  const found = e.sections.flatMap((p) =>
    p.model.marked
      .filter((m) => m.image && !m.hidden && !m.text.trim() && !m.href)
      .map((m) => `${SECTION_PATH.get(p.key) ?? p.url}: itemprop="${m.props.join(' ')}"`),
  );
  if (found.length === 0) return check('information_as_images', title, basis, 'pass', null);
  return check(
    'information_as_images',
    title,
    basis,
    'fail',
    `размеченные сведения размещены изображением (их нельзя найти и скопировать в браузере): ${found.length}`,
    found,
  );
}
