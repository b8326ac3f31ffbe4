// The pages of one crawl are kept (as models) until the crawl ends: they must not keep the page
// strings alive. V8 makes a substring of 13+ characters a view of its parent, so a model holding
// a sliced href or text would pin the whole page — 20 pages × 300 KB for every site in flight.
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Fetcher, FetchResult } from './fetcher.ts';
import { createPageSource } from './page-source.ts';

function page(i: number): string {
  // A flat 200 KB page, as decoded from the network, mostly markup.
  return Buffer.from(
    `<a href="/sveden/common-page-${i}">Основные_сведения</a>` +
      `<p itemprop="fullName">МБОУ_«Школа_№_${i}»</p>${'<div class="ж-блок"></div>'.repeat(8_000)}`,
  ).toString();
}

const fetcher = {
  fetchPage: (url: string): Promise<FetchResult> =>
    Promise.resolve({
      ok: true,
      url,
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: page(Number(new URL(url).pathname.slice(1))),
      charset: 'utf-8',
      bytes: 200_000,
      redirects: [],
    }),
} as unknown as Fetcher;

describe('page source memory', () => {
  it('100 cached pages of 200 KB keep only their models, not the page strings', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const source = createPageSource(fetcher, {
      deadline: Date.now() + 60_000,
      maxConsecutiveFailures: 3,
      now: () => Date.now(),
    });
    gc();
    const before = process.memoryUsage().heapUsed;
    const pages = [];
    for (let i = 0; i < 100; i++) pages.push(await source.get(`http://school.example/${i}`));
    gc();
    const retained = process.memoryUsage().heapUsed - before;
    const last = pages[99];
    expect(last?.ok && last.model?.links[0]?.href).toBe('/sveden/common-page-99');
    // 100 × 200 KB = 20 MB if the models pointed into the pages.
    expect(retained).toBeLessThan(5 * 1024 * 1024);
  });
});
