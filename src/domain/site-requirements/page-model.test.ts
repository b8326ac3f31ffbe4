// The streaming page-model builder: the same model as walking the parse tree (differential test
// against the former tree-based builder on fixtures, garbage and random markup), labels written
// inside marked elements, and linear work on hostile nesting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURE_SITES } from '../../../test/fixtures/sites/index.ts';
import { buildPageModelFromTree } from './page-model-tree.test-support.ts';
import { buildPageModel } from './page-model.ts';
import type { PageModel } from './page-model.ts';

// The tree-based oracle covers the structure; labels, images and the accessibility summary are
// tested on their own below.
function withoutLabels(m: PageModel): PageModel {
  const { a11y: _a11y, ...rest } = m;
  return {
    ...rest,
    marked: m.marked.map(({ label: _label, image: _image, ...el }) => el),
  };
}

function fixturePages(): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, make] of Object.entries(FIXTURE_SITES)) {
    for (const [path, r] of Object.entries(make().routes)) {
      if (typeof r === 'function' || r.body === undefined) continue;
      out.push([`${name}${path}`, typeof r.body === 'string' ? r.body : r.body.toString('latin1')]);
    }
  }
  return out;
}

const TOKENS = [
  '<div>',
  '</div>',
  '<p>',
  '</p>',
  '<td>',
  '<tr itemprop="rucovodstvo">',
  '<table>',
  '</table>',
  '<li>',
  '<ul class="menu">',
  '</ul>',
  '<span itemprop="fio">',
  '<span itemprop="post" class="hidden">',
  '</span>',
  '<b>',
  '</b>',
  '<b>Телефон:</b>',
  '<a href="/sveden/common">',
  '<a href="javascript:void(0)">',
  '<a href="">',
  '</a>',
  '<nav>',
  '</nav>',
  '<h2>',
  '</h2>',
  '<title>Школа &laquo;7&raquo;</title>',
  '<script>var a = "<p itemprop=x>";</script>',
  '<script src="https://code.jivo.ru/widget.js"></script>',
  '<noscript>нет скрипта</noscript>',
  '<head>',
  '</head>',
  '<form action="/send">',
  '<textarea name="q">вопрос</textarea>',
  '<input type="email" name="email">',
  '<button>Отправить</button>',
  '</form>',
  '<br>',
  '<img itemprop="copy" src="/eye.png">',
  '<p itemprop="telephone" style="display: none">',
  '<!-- комментарий -->',
  '<div hidden>',
  '<template>',
  '</template>',
  '<html lang="ru">',
  'Иванова Мария',
  ' ',
  '\n\t ',
  '+7 (4852) 12-34-56',
  'отсутствует',
  ': ',
  '&nbsp;&amp;',
  '<',
  '</x>',
];

describe('buildPageModel (streaming) = the tree-based builder', () => {
  it.each(fixturePages())('fixture page %s', (_name, html) => {
    expect(withoutLabels(buildPageModel(html))).toEqual(buildPageModelFromTree(html));
  });

  it.each([
    ['angle soup', '<<<>>><></><!><?x>&#xFFFFFF;&#0;&bogus;'],
    ['unterminated comment', '<div><!-- <span itemprop=a>'],
    ['unterminated quote', '<p class="x>text<span itemprop=a>b</span>'],
    ['long texts capped', `<p itemprop="fio">${'слово '.repeat(5_000)}</p>${'x'.repeat(300_000)}`],
    ['nested links', '<a href="/a">a<a href="/b">b<span itemprop=x>c</span></a></a>'],
    [
      'href from a later link',
      '<p itemprop="licenseDocLink"><span>Лицензия</span> <a href="/l.pdf">PDF</a></p>',
    ],
    ['empty href then src', '<img itemprop="x" href="" src="/y.png">'],
  ])('%s', (_name, html) => {
    expect(withoutLabels(buildPageModel(html))).toEqual(buildPageModelFromTree(html));
  });

  it('random markup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }), (tokens) => {
        const html = tokens.join('');
        expect(withoutLabels(buildPageModel(html))).toEqual(buildPageModelFromTree(html));
      }),
      { numRuns: 600 },
    );
  });
});

describe('labels inside marked elements', () => {
  it.each([
    ['<p itemprop="fullName"><b>Полное наименование:</b> МБОУ СШ 1</p>', 'Полное наименование:'],
    [
      '<p itemprop="fullName"><strong>Полное наименование</strong>: МБОУ</p>',
      'Полное наименование:',
    ],
    ['<td itemprop="telephone"> <img src="i.png"><span>Телефон:</span>+7 1</td>', 'Телефон:'],
    ['<p itemprop="workTime">Понедельник–пятница: 8:00–18:00</p>', undefined],
    ['<p itemprop="fullName"><b>МБОУ</b> СШ 1</p>', undefined],
    ['<p itemprop="fullName">МБОУ <b>СШ:</b> 1</p>', undefined],
    ['<tr itemprop="rucovodstvo"><td itemprop="fio">Иванова</td></tr>', undefined],
  ])('%s → %s', (html, label) => {
    expect(buildPageModel(html).marked[0]?.label).toBe(label);
  });
});

describe('accessibility summary (PP RF No. 102, GOST R 52872-2019)', () => {
  it.each([
    ['<img src="a.png"><img src="b.png" alt=""><img src="c.png" alt="Герб">', 3, ['a.png'], 0, []],
    ['<div hidden><img src="h.png"></div>', 0, [], 0, []],
    [
      '<form><input name="q"><input type="hidden" name="t"><button>Найти</button></form>',
      0,
      [],
      1,
      ['q'],
    ],
    [
      '<label>Имя <input name="n"></label><label for="e">Почта</label><input id="e" name="e">',
      0,
      [],
      2,
      [],
    ],
    [
      '<input name="a" aria-label="Поиск"><textarea name="t" title="Вопрос"></textarea><select id="s"></select>',
      0,
      [],
      3,
      ['s'],
    ],
  ])('%s', (html, images, withoutAlt, fields, unlabeled) => {
    expect(buildPageModel(html).a11y).toEqual({
      images,
      imagesWithoutAlt: withoutAlt,
      fields,
      unlabeledFields: unlabeled,
    });
  });

  it('a marked element holding an image is flagged (a table pasted as a picture)', () => {
    const m = buildPageModel(
      '<td itemprop="finBFVolume"><img src="t.png" alt=""></td><td itemprop="finPVolume">0</td>',
    );
    expect(m.marked.map((e) => [e.props[0], e.image ?? false, e.text])).toEqual([
      ['finBFVolume', true, ''],
      ['finPVolume', false, '0'],
    ]);
  });
});

describe('bounded work on hostile markup', () => {
  it.each([
    ['nested marked elements', '<div itemprop="a">x'.repeat(40_000)],
    ['nested links', '<a href="/x">y'.repeat(40_000)],
    ['stray end tags under deep nesting', '<div>'.repeat(20_000) + '</span>'.repeat(40_000)],
    ['list items without a list', '<div>'.repeat(20_000) + '<li>x'.repeat(20_000)],
  ])('%s', (_name, html) => {
    // CPU time, not wall time: the bound is on the work, whatever else the machine runs.
    const started = process.cpuUsage();
    const m = buildPageModel(html);
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(3_000);
    expect(m.text.length).toBeGreaterThanOrEqual(0);
  });
});
