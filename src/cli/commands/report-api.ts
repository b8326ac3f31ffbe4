// `noko report --server URL --email E`: the file through a running server's API. The command line
// has no credentials of its own for the API (rights are checked per signed-in user), so it signs
// in like the browser does — the sign-in form with its anonymous CSRF token — with the password
// read from stdin, downloads the file with that session, and signs out.
import { AppError, ERROR_CODES } from '../../domain/errors.ts';

export interface ApiDownload {
  filename: string;
  body: Buffer;
}

function cookiesOf(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of res.headers.getSetCookie()) {
    const [pair = ''] = c.split(';');
    const eq = pair.indexOf('=');
    if (eq > 0) out.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return out;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

async function signIn(base: string, email: string, password: string): Promise<Map<string, string>> {
  const page = await fetch(`${base}/login`, { redirect: 'manual' });
  const jar = cookiesOf(page);
  const csrf = [...jar].find(([k]) => k.endsWith('noko_csrf'))?.[1];
  if (!csrf)
    throw new AppError(ERROR_CODES.CONFLICT, `${base}/login: сервер не выдал токен формы входа`);
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ email, password, _csrf: csrf }).toString(),
  });
  for (const [k, v] of cookiesOf(res)) jar.set(k, v);
  if (![...jar.keys()].some((k) => k.endsWith('noko_session')) || res.status >= 400) {
    throw AppError.validation(
      `Вход на ${base} не удался: проверьте адрес электронной почты и пароль`,
    );
  }
  return jar;
}

/** Downloads `path` (e.g. /api/v1/campaigns/1/reports/docx) as `email`. */
export async function downloadViaApi(
  base: string,
  path: string,
  email: string,
  password: string,
): Promise<ApiDownload> {
  const root = base.replace(/\/$/, '');
  const jar = await signIn(root, email, password);
  const res = await fetch(`${root}${path}`, { headers: { cookie: cookieHeader(jar) } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new AppError(
      res.status === 403
        ? ERROR_CODES.FORBIDDEN
        : res.status === 404
          ? ERROR_CODES.NOT_FOUND
          : ERROR_CODES.CONFLICT,
      `Сервер ответил ${res.status}: ${body?.error?.message ?? res.statusText}`,
    );
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const filename = star ? decodeURIComponent(star) : 'report';
  const body = Buffer.from(await res.arrayBuffer());
  await signOut(root, jar);
  return { filename, body };
}

/** Ends the session the command opened (best effort: the session also expires by itself). */
async function signOut(root: string, jar: Map<string, string>): Promise<void> {
  try {
    const page = await fetch(`${root}/`, { headers: { cookie: cookieHeader(jar) } });
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
    if (!token) return;
    await fetch(`${root}/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
      body: new URLSearchParams({ _csrf: token }).toString(),
    });
  } catch {
    // The download succeeded; a session left open expires by the session policy.
  }
}
