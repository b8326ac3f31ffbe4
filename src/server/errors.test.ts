import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../domain/errors.ts';
import { httpStatusFor } from './errors.ts';
import { testApp } from './test-helpers.ts';

const TABLE: [ErrorCode, number][] = [
  ['validation_failed', 400],
  ['unauthenticated', 401],
  ['forbidden', 403],
  ['csrf_failed', 403],
  ['not_found', 404],
  ['conflict', 409],
  ['invalid_state', 409],
  ['gone', 410],
  ['payload_too_large', 413],
  ['rate_limited', 429],
  ['config_invalid', 500],
  ['internal', 500],
];

describe('AppError → HTTP status', () => {
  it('covers every error code', () => {
    expect(TABLE.map(([code]) => code).sort()).toEqual(Object.values(ERROR_CODES).sort());
  });

  it.each(TABLE)('%s → %i', async (code, status) => {
    expect(httpStatusFor(code)).toBe(status);
    const res = await testApp().request(`/api/v1/throw/${code}`);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({
      error: { code, message: 'Сообщение для людей', details: { hint: 1 } },
    });
  });

  it('answers unknown errors with 500 internal and does not leak the message', async () => {
    const res = await testApp().request('/api/v1/crash');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal', message: 'Внутренняя ошибка сервера', details: null },
    });
    expect(text).not.toContain('secret');
  });

  it('shows a Russian HTML page for errors outside the API', async () => {
    const res = await testApp({ bodyLimitBytes: 10 }).request('/login', {
      method: 'POST',
      body: 'x'.repeat(100),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('lang="ru"');
    expect(html).toContain('Размер запроса превышает');
  });
});
