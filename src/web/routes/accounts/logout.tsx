// POST /logout: ends the session (deleted from the database) and clears the cookie. The page
// shell's «Выйти» form posts here with its CSRF token; GET just goes home.
import type { ActionFunctionArgs } from 'react-router';
import { redirect } from 'react-router';
import { clearSessionCookie, isHttps } from '../../../features/accounts/cookies.ts';
import { currentSessionId, loadContext } from '../../auth.server.ts';

export function loader() {
  return redirect('/');
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = loadContext(context);
  await ctx.services.auth.logout(currentSessionId(ctx, request));
  return redirect('/', {
    headers: { 'Set-Cookie': clearSessionCookie(isHttps(ctx.config.publicUrl)) },
  });
}
