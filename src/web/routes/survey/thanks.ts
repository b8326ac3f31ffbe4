// `/s/:code/thanks`: where a submitted survey form lands (303 after POST, so a reload does not
// resubmit). Shows the organization's name when the code is known, and whether the answer went to
// the campaign or to feedback between campaigns; nothing is stored.
//
// Every respondent loads this page once right after answering, so what it shows of a code is
// kept for a minute (a lookup at most once a minute per code, none for most visitors).
import type { LoaderFunctionArgs } from 'react-router';
import { appContext, type AppLoadContext } from '../../context.ts';
import { messagePage, thanksPage } from './survey-html.ts';

const HEADERS = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
const KEEP_MS = 60_000;
const KEEP_MAX = 5000;

interface Seen {
  organization: string | null;
  feedback: boolean;
  until: number;
}

const seen = new Map<string, Seen>();

async function lookup(app: AppLoadContext, code: string): Promise<Seen | Response> {
  const key = code.trim().toUpperCase();
  const hit = seen.get(key);
  if (hit && hit.until > Date.now()) return hit;
  let value: Seen;
  try {
    const target = await app.services.survey.resolve(code, 'auto');
    value = {
      organization: target.organizationFullName,
      feedback: target.feedback,
      until: Date.now() + KEEP_MS,
    };
  } catch (e) {
    const f = e as { code?: string; message?: string };
    // The campaign may close between the answer and this page: still thank the respondent.
    if (f.code === 'gone') return { organization: null, feedback: false, until: 0 };
    if (f.code === 'not_found' && f.message) {
      return new Response(messagePage(404, f.message), { status: 404, headers: HEADERS });
    }
    throw e;
  }
  if (seen.size >= KEEP_MAX) seen.clear();
  seen.set(key, value);
  return value;
}

export async function surveyThanks(app: AppLoadContext, code: string): Promise<Response> {
  const found = await lookup(app, code);
  if (found instanceof Response) return found;
  return new Response(thanksPage(found.organization, found.feedback), { headers: HEADERS });
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  return surveyThanks(context.get(appContext), params.code ?? '');
}
