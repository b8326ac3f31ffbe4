// Contracts of the accounts feature (pure: shared by pages, services and tests).
import { z } from 'zod';
import { ROLES } from '../../domain/permissions/roles.ts';

export const LOGIN_FAILED_MESSAGE = 'Неверный адрес электронной почты или пароль';
export const INACTIVE_MESSAGE = 'Учётная запись отключена. Обратитесь к администратору.';
export const DEFAULT_AFTER_LOGIN = '/dashboard';

const email = z
  .string()
  .trim()
  .min(1, 'Введите адрес электронной почты')
  .max(254, 'Слишком длинный адрес')
  .pipe(z.email('Введите адрес электронной почты в виде name@example.ru'));

export const LoginInput = z.object({
  email,
  password: z.string().min(1, 'Введите пароль').max(200, 'Слишком длинный пароль'),
});
export type LoginInput = z.infer<typeof LoginInput>;

const newPassword = z
  .string()
  .min(10, 'Пароль должен содержать не менее 10 символов')
  .max(200, 'Пароль слишком длинный (не более 200 символов)');

const optionalId = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.coerce.number().int().positive().optional(),
);

export const CreateUserInput = z.object({
  email,
  fullName: z.string().trim().min(3, 'Укажите фамилию, имя и отчество').max(200),
  role: z.enum(ROLES, 'Выберите роль'),
  /** Municipality of a municipal user. */
  territoryId: optionalId,
  /** Organization of an `organization` user, by its INN or registry code. */
  organization: z.string().trim().max(64).optional(),
  /** Empty: a password is generated and shown once. */
  password: z.preprocess((v) => (v === '' ? undefined : v), newPassword.optional()),
});
export type CreateUserInput = z.input<typeof CreateUserInput>;

export const ChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, 'Введите текущий пароль'),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: 'Новый пароль и его повтор не совпадают',
    path: ['confirmPassword'],
  });
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>;

/**
 * Where to go after signing in: only a path of this site. Anything else (absolute URLs,
 * protocol-relative `//evil`, backslash tricks browsers normalise to `//`, control characters)
 * falls back to the dashboard, so `?next=` cannot be used as an open redirect (OWASP ASVS 5.1.5).
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > 2000) return DEFAULT_AFTER_LOGIN;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return DEFAULT_AFTER_LOGIN;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return DEFAULT_AFTER_LOGIN;
  try {
    const url = new URL(next, 'http://noko.invalid');
    if (url.origin !== 'http://noko.invalid') return DEFAULT_AFTER_LOGIN;
    if (url.pathname === '/login' || url.pathname === '/logout') return DEFAULT_AFTER_LOGIN;
    return url.pathname + url.search + url.hash;
  } catch {
    return DEFAULT_AFTER_LOGIN;
  }
}

/** A user row as the administration pages see it (never the password hash). */
export interface UserView {
  id: number;
  email: string;
  fullName: string;
  role: (typeof ROLES)[number];
  territoryId: number | null;
  territoryName: string | null;
  organizationId: number | null;
  organizationName: string | null;
  active: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
}
