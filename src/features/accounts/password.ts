// Password hashing with argon2id (RFC 9106) through hash-wasm: WebAssembly, so it installs without
// a compiler. Parameters follow OWASP's 2024 minimum for argon2id (m=19 MiB, t=2, p=1).
import { argon2id, argon2Verify } from 'hash-wasm';
import { randomBytes } from 'node:crypto';

const PARAMS = { parallelism: 1, iterations: 2, memorySize: 19_456, hashLength: 32 } as const;

/** Returns the PHC-encoded hash (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
export async function hashPassword(password: string): Promise<string> {
  return argon2id({ ...PARAMS, password, salt: randomBytes(16), outputType: 'encoded' });
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  if (!encoded.startsWith('$argon2id$')) return false;
  try {
    return await argon2Verify({ password, hash: encoded });
  } catch {
    return false;
  }
}

/** Russian message when a new password is too weak, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return 'Пароль должен содержать не менее 10 символов';
  if (password.length > 200) return 'Пароль слишком длинный (не более 200 символов)';
  return null;
}
