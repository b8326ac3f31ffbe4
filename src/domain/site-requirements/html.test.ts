// The tolerant parser: structure where HTML is sloppy, no crash or hang on garbage.
import { describe, expect, it } from 'vitest';
import { parseHtml, textOf, walk } from './html.ts';
import type { ElementNode } from './html.ts';
import { buildPageModel } from './page-model.ts';

function tags(html: string): string[] {
  const out: string[] = [];
  walk(parseHtml(html), (el) => {
    if (el.tag !== '#root') out.push(`${el.tag}>${el.parent?.tag ?? ''}`);
  });
  return out;
}

describe('parseHtml', () => {
  it.each([
    [
      'implied </td> and </tr>',
      '<table><tr><td>a<td>b<tr><td>c</table>',
      ['table>#root', 'tr>table', 'td>tr', 'td>tr', 'tr>table', 'td>tr'],
    ],
    ['implied </li>', '<ul><li>a<li>b</ul>', ['ul>#root', 'li>ul', 'li>ul']],
    ['<div> closes <p>', '<p>a<div>b</div>', ['p>#root', 'div>#root']],
    ['stray end tag ignored', '<div></span><b>x</b></div>', ['div>#root', 'b>div']],
    ['void elements', '<p>a<br>b<img src=x>c</p>', ['p>#root', 'br>p', 'img>p']],
  ])('%s', (_name, html, expected) => {
    expect(tags(html)).toEqual(expected);
  });

  it('reads attributes in every quoting style and decodes entities', () => {
    const root = parseHtml(
      `<a href='/x?a=1&amp;b=2' itemprop=addRef data-x="&laquo;q&raquo;" hidden>t</a>`,
    );
    const a = root.children[0] as ElementNode;
    expect(a.attrs).toEqual({
      href: '/x?a=1&b=2',
      itemprop: 'addRef',
      'data-x': '«q»',
      hidden: '',
    });
  });

  it('keeps script and style out of text and does not parse tags inside them', () => {
    const root = parseHtml(
      '<p>a<script>if (a<b) document.write("<div itemprop=x>")</script>b<style>p{}</style></p>',
    );
    expect(textOf(root)).toBe('ab');
    expect(buildPageModel('<script>"<span itemprop=fullName>"</script>').marked).toEqual([]);
  });

  it.each([
    ['unterminated quote', '<p class="x>text<span itemprop=a>b</span>'],
    ['unterminated comment', '<div><!-- <span itemprop=a>'],
    ['angle soup', '<<<>>><></><!><?x>&#xFFFFFF;&#0;&bogus;'],
    ['deep nesting', '<div>'.repeat(50_000) + '<span itemprop=health>x</span>'],
    ['binary', '\u0000\u0001<\u0002>\uFFFD'.repeat(1000)],
  ])('survives %s', (_name, html) => {
    const started = Date.now();
    expect(() => buildPageModel(html)).not.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('keeps text of an element nested beyond any sane depth', () => {
    const m = buildPageModel('<div>'.repeat(50_000) + '<span itemprop=health>Медкабинет</span>');
    expect(m.marked).toEqual([expect.objectContaining({ props: ['health'], text: 'Медкабинет' })]);
  });
});
