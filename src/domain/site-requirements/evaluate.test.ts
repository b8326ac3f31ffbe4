// MR v9 §5 on small pages: nearest marked ancestor, one nesting level, placeholders, hidden
// markup, aliases, and the best status across the subsection page and its addRef pages.
import { describe, expect, it } from 'vitest';
import { sectionByKey } from './catalogue.ts';
import type { CatalogueItem } from './catalogue.ts';
import { classifyContent, evaluateItem } from './evaluate.ts';
import { buildPageModel } from './page-model.ts';

function item(section: string, itemprop: string, parent?: string): CatalogueItem {
  const found = sectionByKey(section).items.find(
    (i) => i.itemprop === itemprop && (i.parent ?? undefined) === parent,
  );
  if (!found) throw new Error(`${section}.${itemprop}`);
  return found;
}

const fullName = item('common', 'fullName');
const nameUchred = item('common', 'nameUchred', 'uchredLaw');
const licence = item('common', 'licenseDocLink');
const educationShedule = item('education', 'educationShedule', 'eduOp');

describe('evaluateItem', () => {
  it.each([
    ['plain', '<p itemprop="fullName">МБОУ «Школа № 1»</p>', fullName, 'found', 'МБОУ «Школа № 1»'],
    [
      'label inside',
      '<p itemprop="fullName">Полное наименование: МБОУ СШ 1</p>',
      fullName,
      'found',
      'Полное наименование: МБОУ СШ 1',
    ],
    ['empty', '<p itemprop="fullName"> </p>', fullName, 'missing', null],
    ['label only', '<p itemprop="fullName">Полное наименование:</p>', fullName, 'missing', null],
    ['absent', '<p>МБОУ</p>', fullName, 'missing', null],
    [
      'display:none',
      '<p itemprop="fullName" style="DISPLAY: none">МБОУ</p>',
      fullName,
      'hidden',
      'МБОУ',
    ],
    [
      'hidden ancestor class',
      '<div class="d-none"><p itemprop="fullName">МБОУ</p></div>',
      fullName,
      'hidden',
      'МБОУ',
    ],
    ['hidden attribute', '<p itemprop="fullName" hidden>МБОУ</p>', fullName, 'hidden', 'МБОУ'],
    ['alias', '<p itemprop="fullNameOrg">МБОУ</p>', fullName, 'nonstandard', 'МБОУ'],
    ['case alias', '<p itemprop="FullName">МБОУ</p>', fullName, 'nonstandard', 'МБОУ'],
    [
      'stub text',
      '<p itemprop="fullName">Данные обновляются</p>',
      fullName,
      'missing',
      'Данные обновляются',
    ],
    ['link', '<a itemprop="licenseDocLink" href="/l.pdf">Лицензия</a>', licence, 'found', '/l.pdf'],
    [
      'link placeholder',
      '<span itemprop="licenseDocLink">отсутствует</span>',
      licence,
      'placeholder',
      'отсутствует',
    ],
    [
      'child in container',
      '<tr itemprop="uchredLaw"><td><b itemprop="nameUchred">Город</b></td></tr>',
      nameUchred,
      'found',
      'Город',
    ],
    [
      'child outside',
      '<tr itemprop="uchredLaw"></tr><p itemprop="nameUchred">Город</p>',
      nameUchred,
      'outside_parent',
      'Город',
    ],
    [
      'child two levels deep',
      '<div itemprop="eduOp"><div itemprop="eduName">Программа <a itemprop="educationShedule" href="/g.pdf">График</a></div></div>',
      educationShedule,
      'outside_parent',
      'График',
    ],
    [
      'corrected official misspelling',
      '<div itemprop="eduOp"><a itemprop="educationSchedule" href="/g">Г</a></div>',
      educationShedule,
      'nonstandard',
      'Г',
    ],
    [
      'multi-token itemprop',
      '<p itemprop="shortName fullName">МБОУ</p>',
      fullName,
      'found',
      'МБОУ',
    ],
  ])('%s', (_name, html, it_, status, value) => {
    const ev = evaluateItem(it_, [buildPageModel(html)]);
    expect({ status: ev.status, value: ev.value }).toEqual({ status, value });
  });

  it('takes the best status over the page and its addRef pages', () => {
    const pages = [
      buildPageModel('<p itemprop="fullName" hidden>x</p>'),
      buildPageModel('<p itemprop="fullName">МБОУ</p>'),
    ];
    expect(evaluateItem(fullName, pages).status).toBe('found');
  });

  it('detects the catering p.19.2 items by text and links', () => {
    const catering = sectionByKey('catering').items.filter((i) => i.itemprop === null);
    const page = buildPageModel(
      '<a href="/food/2026-11-23-sm.xlsx">Меню</a><p>Диетическое меню по заявлению.</p>' +
        '<p>Поставщики пищевых продуктов: ООО «Хлеб»</p><form><textarea></textarea><button>Отправить</button></form>',
    );
    expect(catering.map((i) => [i.id, evaluateItem(i, [page]).status])).toEqual([
      ['catering.text:menu', 'found'],
      ['catering.text:dietMenu', 'found'],
      ['catering.text:caterers', 'missing'],
      ['catering.text:suppliers', 'found'],
      ['catering.text:parentsFeedback', 'found'],
    ]);
  });
});

describe('classifyContent', () => {
  it.each([
    ['отсутствует', 'placeholder'],
    ['Отсутствуют.', 'placeholder'],
    ['нет', 'placeholder'],
    ['Сокращённое наименование: нет', 'placeholder'],
    ['0', 'placeholder'],
    ['0,00', 'placeholder'],
    ['Выплата стипендий не предусмотрена', 'placeholder'],
    ['Договоры не заключались', 'placeholder'],
    ['Нетрадиционные методики', 'content'],
    ['1 250 000,00', 'content'],
    ['Данные обновляются', 'stub'],
    ['', 'empty'],
  ])('«%s» → %s', (text, expected) => {
    expect(classifyContent({ text, href: null })).toBe(expected);
  });
});
