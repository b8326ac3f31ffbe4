// Charset detection: header, BOM, <meta>, and a guess between windows-1251 and KOI8-R.
import { describe, expect, it } from 'vitest';
import { encodeCp1251, encodeKoi8r } from '../../../test/fixtures/sites/sites.ts';
import { decodeHtml, detectCharset } from './charset.ts';

const TEXT = '<p>Муниципальное бюджетное общеобразовательное учреждение Средняя школа 7</p>';

describe('detectCharset', () => {
  it.each([
    ['header', Buffer.from(TEXT), 'text/html; charset=UTF-8', 'utf-8'],
    ['header cp1251 alias', encodeCp1251(TEXT), 'text/html; charset=cp1251', 'windows-1251'],
    ['header koi8', encodeKoi8r(TEXT), 'text/html;charset="koi8-r"', 'koi8-r'],
    [
      'BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]),
      'text/html',
      'utf-8',
    ],
    ['meta charset', encodeCp1251(`<meta charset="windows-1251">${TEXT}`), null, 'windows-1251'],
    [
      'meta http-equiv',
      encodeCp1251(
        `<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">${TEXT}`,
      ),
      'text/html',
      'windows-1251',
    ],
    ['guess utf-8', Buffer.from(TEXT), 'text/html', 'utf-8'],
    ['guess windows-1251', encodeCp1251(TEXT), 'text/html', 'windows-1251'],
    ['guess koi8-r', encodeKoi8r(TEXT), null, 'koi8-r'],
  ])('%s', (_name, bytes, contentType, expected) => {
    expect(detectCharset(bytes, contentType)).toBe(expected);
    expect(decodeHtml(bytes, contentType).text.endsWith(TEXT)).toBe(true);
  });

  it('falls back to a guess for an unknown label', () => {
    expect(detectCharset(encodeCp1251(TEXT), 'text/html; charset=x-unknown')).toBe('windows-1251');
  });
});
