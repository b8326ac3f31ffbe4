// What the page shell shows about the visitor: the links their role may follow and who they are.
// Computed on the server (root loader) from the caller with the permission table, so a link is
// shown only when the page behind it would let the user in.
import { can, ROLE_TITLES, type Action } from '../../domain/permissions/index.ts';
import type { AppLoadContext } from '../context.ts';

export interface NavItem {
  to: string;
  label: string;
}

interface NavRule extends NavItem {
  /** The permission the page checks; absent: any signed-in user. */
  action?: Action;
  /** False until the page exists (no links to missing pages). */
  ready?: boolean;
}

/** Every top-level section, in the order of the header. */
export const NAV_RULES: readonly NavRule[] = [
  { to: '/dashboard', label: 'Панель' },
  { to: '/registry', label: 'Реестр', action: 'registry.view' },
  { to: '/campaigns', label: 'Кампании', action: 'campaign.view' },
  { to: '/monitor', label: 'Мониторинг сайтов', action: 'results.view' },
  { to: '/feedback', label: 'Отзывы', action: 'survey.feedback' },
  { to: '/admin/audit', label: 'Журнал аудита', action: 'audit.view' },
  { to: '/admin/users', label: 'Пользователи', action: 'users.manage' },
  // The outbox page comes with e-mail notifications; flip `ready` then.
  { to: '/admin/outbox', label: 'Исходящие письма', action: 'outbox.view', ready: true },
];

export interface ShellUser {
  fullName: string;
  roleTitle: string;
}

/** Root loader data: everything the header needs, nothing else (it goes to the browser). */
export interface ShellData {
  user: ShellUser | null;
  nav: NavItem[];
  csrfToken: string;
}

export function navFor(ctx: Pick<AppLoadContext, 'caller' | 'user'>): NavItem[] {
  if (!ctx.user) return [];
  return NAV_RULES.filter((r) => r.ready !== false && (!r.action || can(ctx.caller, r.action))).map(
    ({ to, label }) => ({ to, label }),
  );
}

export function shellData(ctx: Pick<AppLoadContext, 'caller' | 'user' | 'csrfToken'>): ShellData {
  return {
    user: ctx.user ? { fullName: ctx.user.fullName, roleTitle: ROLE_TITLES[ctx.user.role] } : null,
    nav: navFor(ctx),
    csrfToken: ctx.csrfToken,
  };
}
