import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const h = await hashPassword('верный-пароль-123');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword('верный-пароль-123', h)).toBe(true);
    expect(await verifyPassword('неверный-пароль', h)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same-password!')).not.toBe(await hashPassword('same-password!'));
  });

  it('rejects a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', '$argon2id$garbage')).toBe(false);
  });

  it.each([
    ['short', 'Пароль должен содержать не менее 10 символов'],
    ['достаточно-длинный', null],
  ])('passwordProblem(%s)', (p, msg) => expect(passwordProblem(p)).toBe(msg));
});
