// /monitor/checks/:id/pages/:seq/source — a stored page as plain text (text/plain; the app's
// nosniff header keeps browsers from reading it as HTML), so nothing in it can run.
import type { LoaderFunctionArgs } from 'react-router';
import { requireUser } from '../../auth.server.ts';
import { load } from '../../errors.server.ts';
import { idParam } from './ui.tsx';

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request);
  const id = idParam(params.id, 'Проверка');
  const seq = idParam(params.seq, 'Страница');
  const page = await load(() => ctx.services.monitor.snapshot(ctx.caller, id, seq));
  return new Response(page.text, {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': 'inline',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
