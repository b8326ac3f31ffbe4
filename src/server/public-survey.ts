// The public survey pages (/s/:code, /s/:code/thanks) served by Hono directly, with the handlers
// of their React Router route modules (src/web/routes/survey). During a campaign this is the
// busiest page of the system: going through React Router costs a submission more CPU than
// storing it — route matching over every page route twice, and the page action's Request rebuilt
// over the form body that the CSRF check has already read and parsed (bench/survey.bench.ts).
import type { Context, Hono } from 'hono';
import { CLIENT_HASH_HEADER } from '../features/accounts/cookies.ts';
import { showSurveyForm, submitSurveyForm } from '../web/routes/survey/form.ts';
import { surveyThanks } from '../web/routes/survey/thanks.ts';
import { loadContextValue } from './pages.ts';
import type { AppDeps, AppEnv } from './types.ts';

/** The posted fields: those the CSRF check parsed, else the body read here. */
async function postedFields(c: Context<AppEnv>): Promise<Iterable<[string, FormDataEntryValue]>> {
  const parsed = c.get('formBody');
  if (parsed) return parsed.fields;
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return new URLSearchParams(await c.req.raw.text());
  }
  try {
    return await c.req.raw.formData();
  } catch {
    return []; // not a form: the survey reports the missing answers
  }
}

export function mountPublicSurvey(app: Hono<AppEnv>, deps: AppDeps): void {
  // `/s/X.data` (React Router's data requests) is left to React Router.
  const isCode = (code: string) => !code.endsWith('.data');
  app.get('/s/:code', async (c, next) => {
    const code = c.req.param('code');
    if (!isCode(code)) return next();
    return showSurveyForm(loadContextValue(c, deps), code, c.req.header('cookie') ?? null);
  });
  app.post('/s/:code', async (c, next) => {
    const code = c.req.param('code');
    if (!isCode(code)) return next();
    return submitSurveyForm(loadContextValue(c, deps), code, {
      fields: await postedFields(c),
      cookie: c.req.header('cookie') ?? null,
      clientHash: c.req.header(CLIENT_HASH_HEADER) ?? null,
      userAgent: c.req.header('user-agent') ?? null,
    });
  });
  app.get('/s/:code/thanks', async (c, next) => {
    const code = c.req.param('code');
    if (!isCode(code)) return next();
    return surveyThanks(loadContextValue(c, deps), code);
  });
}
