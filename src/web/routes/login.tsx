// Sign-in form. A real <Form method="post">: it works with JavaScript off (the browser posts, the
// action answers, the page is rendered again on the server with the typed e-mail and the error).
// Success sets the session cookie and goes to `?next=` (same-site paths only) or /dashboard.
import { Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, data, redirect, useActionData, useLoaderData, useNavigation } from 'react-router';
import { LoginInput, safeNextPath } from '../../features/accounts/accounts.schema.ts';
import { CLIENT_HASH_HEADER, isHttps, sessionCookie } from '../../features/accounts/cookies.ts';
import { CsrfField, ErrorSummary, type FormFailure } from '../components/error-summary.tsx';
import { PageShell } from '../components/page-shell.tsx';
import { currentSessionId, loadContext } from '../auth.server.ts';

export const meta: MetaFunction = () => [{ title: 'Вход — noko' }];

interface LoginFailure extends FormFailure {
  email: string;
}

export function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = loadContext(context);
  const next = new URL(request.url).searchParams.get('next');
  if (ctx.user) throw redirect(safeNextPath(next));
  return { next: next ? safeNextPath(next) : '', csrfToken: ctx.csrfToken };
}

function failure(email: string, message: string, fields: FormFailure['fields'], status: number) {
  return data<LoginFailure>({ ok: false, email, message, fields }, { status });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = loadContext(context);
  const form = await request.formData();
  const raw = {
    email: String(form.get('email') ?? ''),
    password: String(form.get('password') ?? ''),
  };
  const parsed = LoginInput.safeParse(raw);
  if (!parsed.success) {
    const fields: FormFailure['fields'] = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    return failure(raw.email, 'Проверьте адрес и пароль', fields, 400);
  }
  try {
    const started = await ctx.services.auth.login({
      ...parsed.data,
      clientHash: request.headers.get(CLIENT_HASH_HEADER),
      userAgent: request.headers.get('user-agent'),
    });
    // A new session replaces any previous one of this browser.
    await ctx.services.auth.logout(currentSessionId(ctx, request));
    const cookie = sessionCookie(
      started.token,
      isHttps(ctx.config.publicUrl),
      started.maxAgeSeconds,
    );
    return redirect(safeNextPath(String(form.get('next') ?? '')), {
      headers: { 'Set-Cookie': cookie },
    });
  } catch (e) {
    // AppError from the service (not instanceof: the page bundle has its own copy of the class).
    if (!(e instanceof Error) || e.name !== 'AppError') throw e;
    const code = (e as { code?: string }).code;
    const status = code === 'rate_limited' ? 429 : code === 'forbidden' ? 403 : 401;
    return failure(parsed.data.email, e.message, {}, status);
  }
}

export default function Login() {
  const { next, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  return (
    <PageShell>
      <Paper withBorder p="xl" maw={440} mx="auto">
        <Form method="post" noValidate aria-labelledby="login-title">
          <CsrfField token={csrfToken} />
          {next && <input type="hidden" name="next" value={next} />}
          <Stack gap="md">
            <Title order={1} id="login-title">
              Вход
            </Title>
            <ErrorSummary failure={result} title="Не удалось войти" />
            <TextInput
              id="email"
              name="email"
              type="email"
              label="Электронная почта"
              autoComplete="username"
              required
              defaultValue={result?.email}
              error={result?.fields.email}
            />
            <PasswordInput
              id="password"
              name="password"
              label="Пароль"
              autoComplete="current-password"
              required
              error={result?.fields.password}
              visibilityToggleButtonProps={{ 'aria-label': 'Показать или скрыть пароль' }}
            />
            <Button type="submit" loading={submitting}>
              Войти
            </Button>
          </Stack>
        </Form>
      </Paper>
    </PageShell>
  );
}
