// `/s/:code`: the public survey form of one organization in one campaign. A resource route: it
// answers the whole HTML document itself (survey-html.ts) instead of the Mantine layout, to keep
// the page light. GET shows the form (404/410 pages for unknown/closed codes); POST validates,
// stores and answers 303 to /s/:code/thanks, or shows the form again with an error summary.
//
// The form follows the campaign (issue 4 items 7, 8): inside the collection window it is the
// campaign's questionnaire; while collecting but outside the window answers are kept with a flag
// for the operator; after collection the same address takes feedback between campaigns, stored
// apart and never counted in a campaign, and the page says so.
//
// The production server calls showSurveyForm/submitSurveyForm straight from Hono
// (src/server/public-survey.ts): the busiest page of a campaign skips React Router's matching and
// a rebuilt Request. The loader and action below are the same code for React Router (dev server).
import type { ActionFunctionArgs, LoaderFunctionArgs } from 'react-router';
import { answersFromForm } from '../../../domain/survey/form.ts';
import { CLIENT_HASH_HEADER, readCookie } from '../../../features/accounts/cookies.ts';
import { appContext, type AppLoadContext } from '../../context.ts';
import { messagePage, surveyForm, type FormIssue, type FormView } from './survey-html.ts';

/** Random per browser, kept a year, sent only to /s/: "one response per browser" (issue 4). */
const BROWSER_COOKIE = 'noko_survey';
const BROWSER_MAX_AGE = 365 * 24 * 60 * 60;

const HTML_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
};

function html(body: string, status = 200, extra: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { ...HTML_HEADERS, ...extra } });
}

interface Failure {
  code?: string;
  message?: string;
  details?: unknown;
}

const STATUS: Record<string, number> = { not_found: 404, gone: 410, rate_limited: 429 };

/** An AppError of the survey service as a page; anything else is rethrown (500 page). */
function failurePage(e: unknown): Response {
  const f = e as Failure;
  const status = f.code ? STATUS[f.code] : undefined;
  if (!status || !f.message) throw e;
  return html(messagePage(status, f.message), status);
}

function formKey(): string {
  return crypto.randomUUID();
}

type Target = Awaited<ReturnType<AppLoadContext['services']['survey']['resolve']>>;

function view(app: AppLoadContext, target: Target): Omit<FormView, 'formKey'> {
  return {
    code: target.code,
    organization: target.organizationFullName,
    campaign: target.campaignTitle,
    csrfToken: app.csrfToken,
    nonce: app.cspNonce,
    mode: target.feedback ? 'feedback' : (target.outsideWindow ?? 'open'),
    window: { start: target.collectionStart, end: target.collectionEnd },
  };
}

export async function showSurveyForm(
  app: AppLoadContext,
  code: string,
  cookie: string | null,
): Promise<Response> {
  try {
    const target = await app.services.survey.resolve(code, 'auto');
    const token = readCookie(cookie, BROWSER_COOKIE);
    return html(
      surveyForm({
        ...view(app, target),
        formKey: formKey(),
        answeredBefore: await app.services.survey.hasResponded(target, token),
      }),
    );
  } catch (e) {
    return failurePage(e);
  }
}

/** A posted form: its fields and the request facts the survey needs. */
export interface SurveyPost {
  fields: Iterable<[string, FormDataEntryValue | string]>;
  cookie: string | null;
  /** Hashed client address set by the session middleware (src/server/session.ts). */
  clientHash: string | null;
  userAgent: string | null;
}

export async function submitSurveyForm(
  app: AppLoadContext,
  code: string,
  post: SurveyPost,
): Promise<Response> {
  const fields: Record<string, string> = {};
  let key = '';
  for (const [k, v] of post.fields) {
    if (typeof v !== 'string') continue;
    if (k === '_key') key = v;
    else if (!k.startsWith('_')) fields[k] = v;
  }
  const existing = readCookie(post.cookie, BROWSER_COOKIE);
  const token = existing && /^[\w-]{16,64}$/.test(existing) ? existing : crypto.randomUUID();
  try {
    await app.services.survey.submit({
      code,
      answers: answersFromForm(fields),
      channel: 'online',
      skipped: 'drop',
      mode: 'auto',
      clientAddress: post.clientHash,
      userAgent: post.userAgent,
      browserToken: token,
      idempotencyKey: key !== '' ? `form:${key}` : null,
    });
    const https = app.config.publicUrl.startsWith('https:');
    const cookie = [
      `${BROWSER_COOKIE}=${token}`,
      'Path=/s/',
      `Max-Age=${BROWSER_MAX_AGE}`,
      'HttpOnly',
      'SameSite=Lax',
      ...(https ? ['Secure'] : []),
    ].join('; ');
    return new Response(null, {
      status: 303,
      headers: {
        Location: `/s/${encodeURIComponent(code.trim().toUpperCase())}/thanks`,
        'Set-Cookie': cookie,
      },
    });
  } catch (e) {
    const f = e as Failure;
    if (f.code !== 'validation_failed') return failurePage(e);
    const details = f.details as { issues?: FormIssue[] } | undefined;
    const target = await app.services.survey.resolve(code, 'auto').catch(() => null);
    if (!target) return failurePage(e);
    return html(
      surveyForm({
        ...view(app, target),
        formKey: key !== '' ? key : formKey(),
        values: fields,
        issues: details?.issues ?? [{ question: null, message: f.message ?? 'Проверьте ответы' }],
      }),
      400,
    );
  }
}

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  return showSurveyForm(context.get(appContext), params.code ?? '', request.headers.get('cookie'));
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  return submitSurveyForm(context.get(appContext), params.code ?? '', {
    fields: await request.formData(),
    cookie: request.headers.get('cookie'),
    clientHash: request.headers.get(CLIENT_HASH_HEADER),
    userAgent: request.headers.get('user-agent'),
  });
}
