// The fetcher against a local server: compression, redirects and loops, size and time limits,
// retries of transient failures, per-host politeness, and refusal of private addresses.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dns from 'node:dns';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { createFetcher, DEFAULT_FETCHER_OPTIONS } from './fetcher.ts';
import { requestOnce } from './fetcher-request.ts';
import { Semaphore } from './limiter.ts';
import type { FetcherOptions } from './fetcher.ts';
import { isPrivateAddress } from './net-guard.ts';

let server: http.Server;
let base: string;
let flaky = 0;
let active = 0;
let peak = 0;
let userAgent = '';
// 50 MiB of «a» in ~50 KB of gzip, compressed once (compressing per request would eat the
// client's 0.5 s timeout on a busy machine: server and client share this process).
const BOMB = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024, 'a'));

beforeAll(async () => {
  server = http.createServer((req, res) => {
    userAgent = req.headers['user-agent'] ?? '';
    const path = req.url ?? '/';
    const html = (body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(body);
    };
    if (path === '/gzip')
      return html(zlib.gzipSync('<p>сжато</p>'), { 'content-encoding': 'gzip' });
    if (path === '/br')
      return html(zlib.brotliCompressSync('<p>brotli</p>'), { 'content-encoding': 'br' });
    if (path === '/r1') return res.writeHead(301, { location: '/r2' }).end();
    if (path === '/r2') return res.writeHead(302, { location: '/gzip' }).end();
    if (path === '/loop-a') return res.writeHead(302, { location: '/loop-b' }).end();
    if (path === '/loop-b') return res.writeHead(302, { location: '/loop-a' }).end();
    if (path.startsWith('/chain')) return res.writeHead(302, { location: `${path}x` }).end();
    if (path === '/big') return html(Buffer.alloc(3 * 1024 * 1024, 'a'));
    if (path === '/bomb') return html(BOMB, { 'content-encoding': 'gzip' });
    if (path === '/flaky') {
      flaky++;
      if (flaky < 3) return res.writeHead(503).end();
      return html('<p>ok</p>');
    }
    if (path === '/reset') return req.socket.destroy();
    if (path.startsWith('/trickle')) {
      // 4 × 128 KiB, 60 ms apart: one body takes ~0.2 s of a 0.3 s budget.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      let n = 0;
      const tick = () => {
        res.write(Buffer.alloc(128 * 1024, 'b'));
        if (++n < 4) setTimeout(tick, 60);
        else res.end();
      };
      return tick();
    }
    if (path === '/file.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return res.end(Buffer.from('%PDF-1.4\n\x00\xff binary', 'latin1'));
    }
    if (path === '/hang') return;
    if (path.startsWith('/slow')) {
      active++;
      peak = Math.max(peak, active);
      setTimeout(() => {
        active--;
        html('<p>slow</p>');
      }, 50);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function fetcher(extra: Partial<FetcherOptions> = {}) {
  return createFetcher({
    ...DEFAULT_FETCHER_OPTIONS,
    userAgent: 'noko-monitor/0.1 (+http://noko.test)',
    allowPrivate: true,
    totalTimeoutMs: 500,
    connectTimeoutMs: 500,
    maxBytes: 1024 * 1024,
    retries: 2,
    retryBaseMs: 5,
    ...extra,
  });
}

describe('fetcher', () => {
  it('decompresses gzip and brotli and follows redirects, sending an honest User-Agent', async () => {
    const f = fetcher();
    const gz = await f.fetchPage(`${base}/r1`);
    expect(gz).toMatchObject({
      ok: true,
      status: 200,
      body: '<p>сжато</p>',
      redirects: [`${base}/r2`, `${base}/gzip`],
    });
    expect(await f.fetchPage(`${base}/br`)).toMatchObject({ ok: true, body: '<p>brotli</p>' });
    expect(userAgent).toBe('noko-monitor/0.1 (+http://noko.test)');
    f.close();
  });

  it.each([
    ['/loop-a', 'redirect_loop', /циклическое перенаправление/],
    ['/chain', 'too_many_redirects', /больше 5 перенаправлений/],
    ['/big', 'too_large', /страница больше 1 МиБ/],
    ['/bomb', 'too_large', /страница больше 1 МиБ/],
    ['/hang', 'timeout', /нет ответа за 0.5 с/],
    ['/reset', 'network', /ECONNRESET/],
  ])('%s fails with %s', async (path, failure, reason) => {
    const f = fetcher({ retries: 0 });
    const r = await f.fetchPage(`${base}${path}`);
    expect(r).toMatchObject({ ok: false, failure });
    expect(r.ok ? '' : r.reason).toMatch(reason);
    f.close();
  });

  it('a large body waits for the gate with its clock stopped, and holds it while reading', async () => {
    const gate = new Semaphore(1);
    await gate.acquire(); // someone else is reading a large body for 0.4 s
    const ctx = {
      httpAgent: new http.Agent(),
      httpsAgent: new https.Agent(),
      lookup: dns.lookup as unknown as LookupFunction,
      userAgent: 'noko-test',
      accept: '*/*',
      connectTimeoutMs: 250,
      totalTimeoutMs: 250,
      maxBytes: 1024 * 1024,
      largeBodyBytes: 64 * 1024,
      largeGate: gate,
    };
    setTimeout(() => gate.release(), 400);
    const started = Date.now();
    const [large, small] = await Promise.all([
      requestOnce(new URL(`${base}/trickle`), ctx),
      requestOnce(new URL(`${base}/gzip`), ctx),
    ]);
    expect(large.body.length).toBe(512 * 1024);
    expect(small.body.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    // Released after reading: the gate is free again.
    expect(gate.idle).toBe(true);
    ctx.httpAgent.destroy();
    ctx.httpsAgent.destroy();
  });

  it('fetchFile returns the bytes of a document within its own size limit', async () => {
    const f = fetcher();
    const r = await f.fetchFile(`${base}/file.pdf`, { maxBytes: 1024 });
    expect(r).toMatchObject({ ok: true, status: 200, contentType: 'application/pdf' });
    expect(r.ok && r.data.toString('latin1')).toBe('%PDF-1.4\n\x00\xff binary');
    expect(await f.fetchFile(`${base}/file.pdf`, { maxBytes: 10 })).toMatchObject({
      ok: false,
      failure: 'too_large',
    });
    f.close();
  });

  it('retries transient 5xx with backoff', async () => {
    flaky = 0;
    const f = fetcher();
    expect(await f.fetchPage(`${base}/flaky`)).toMatchObject({ ok: true, status: 200 });
    expect(flaky).toBe(3);
    f.close();
  });

  it('keeps at most perHost requests in flight to one host', async () => {
    peak = 0;
    const f = fetcher({ perHost: 2 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => f.fetchPage(`${base}/slow${i}`)));
    expect(peak).toBe(2);
    f.close();
  });

  it('refuses loopback and private targets unless allowed, also after DNS resolution', async () => {
    const f = fetcher({ allowPrivate: false });
    expect(await f.fetchPage(`${base}/gzip`)).toMatchObject({
      ok: false,
      failure: 'private_address',
    });
    const viaDns = fetcher({ allowPrivate: false, resolve: () => Promise.resolve('127.0.0.1') });
    expect(
      await viaDns.fetchPage(`http://public.example:${new URL(base).port}/gzip`),
    ).toMatchObject({
      ok: false,
      failure: 'private_address',
    });
    f.close();
    viaDns.close();
  });

  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['::ffff:127.0.0.1', true],
    ['93.184.216.34', false],
    ['2a00:1450:4010::64', false],
  ])('isPrivateAddress(%s) = %s', (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });
});
