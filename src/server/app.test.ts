import { describe, expect, it } from 'vitest';
import { testApp } from './test-helpers.ts';

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('/healthz', () => {
  it('answers ok without a probe', async () => {
    const res = await testApp().request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 when the probe fails or throws', async () => {
    const down = await testApp({ health: async () => false }).request('/healthz');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable' });
    const broken = testApp({
      health: async () => {
        throw new Error('database is gone');
      },
    });
    expect((await broken.request('/healthz')).status).toBe(503);
  });
});

describe('security headers', () => {
  it.each(['/api/v1/meta', '/', '/healthz'])('are set on %s', async (path) => {
    const res = await testApp().request(path);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('strict-transport-security')).toBeNull(); // http:// public URL
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
  });

  it('keeps a sane incoming request id and replaces a malformed one', async () => {
    const app = testApp();
    const kept = await app.request('/healthz', { headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers.get('x-request-id')).toBe('abc-123');
    const replaced = await app.request('/healthz', { headers: { 'x-request-id': 'a b<c>' } });
    expect(replaced.headers.get('x-request-id')).not.toBe('a b<c>');
  });
});

describe('/api/v1', () => {
  it('serves the meta endpoint', async () => {
    const res = await testApp().request('/api/v1/meta');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'noko', apiVersion: 'v1', version: '0.1.0' });
  });

  it('publishes an OpenAPI document with the meta path', async () => {
    const res = await testApp().request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      info: { title: string; version: string };
      servers: { url: string }[];
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toContain('noko');
    expect(doc.servers).toEqual([{ url: '/api/v1' }]);
    expect(doc.paths['/meta']?.get?.responses['200']).toBeDefined();
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Meta', 'Error']));
  });

  it.each([
    ['GET', '/api/nope'],
    ['GET', '/api'],
    ['GET', '/api/v1/nope'],
    ['POST', '/api/v1/meta'],
  ])('answers JSON 404 for %s %s', async (method, path) => {
    const res = await testApp().request(path, { method });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'not_found', message: 'Такого метода API нет', details: null },
    });
  });

  it('turns zod validation failures into validation_failed with field issues', async () => {
    const res = await testApp().request('/api/v1/echo', json({ name: '', tags: ['ok', 'long'] }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: {
        code: string;
        message: string;
        details: { issues: { path: string; message: string }[] };
      };
    };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toBe('Проверьте данные запроса');
    expect(body.error.details.issues.map((i) => i.path).sort()).toEqual(['name', 'tags[1]']);
    for (const issue of body.error.details.issues) expect(issue.message).toMatch(/[а-яё]/i);
  });

  it('accepts valid input', async () => {
    const res = await testApp().request('/api/v1/echo', json({ name: 'Школа', tags: ['a'] }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'Школа', tags: ['a'] });
  });

  it('answers malformed JSON with validation_failed', async () => {
    const res = await testApp().request('/api/v1/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'validation_failed',
    );
  });
});

describe('body size limit', () => {
  const big = JSON.stringify({ name: 'x'.repeat(2048), tags: [] });

  it('rejects a body over the limit by Content-Length with 413 JSON', async () => {
    const res = await testApp({ bodyLimitBytes: 1024 }).request('/api/v1/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
      body: big,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: {
        code: 'payload_too_large',
        message: 'Размер запроса превышает 1 КБ',
        details: { maxBytes: 1024 },
      },
    });
  });

  it('rejects a streamed body that grows over the limit', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(600)));
        controller.close();
      },
    });
    const request = new Request('http://localhost/api/v1/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const res = await testApp({ bodyLimitBytes: 1024 }).request(request);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'payload_too_large',
    );
  });

  it('lets a 1 MB default through for normal requests', async () => {
    const res = await testApp().request('/api/v1/echo', json({ name: 'a', tags: [] }));
    expect(res.status).toBe(200);
  });
});

describe('pages without a build', () => {
  it('answer 503 in Russian', async () => {
    const res = await testApp().request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('Страницы не собраны');
  });
});
