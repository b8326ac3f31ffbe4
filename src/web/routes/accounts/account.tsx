// /account — the signed-in user's own account: who they are and a password change. Changing the
// password ends the user's other sessions (the current one stays) and is audited.
import { Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, useActionData, useLoaderData, useNavigation } from 'react-router';
import { ROLE_TITLES } from '../../../domain/permissions/roles.ts';
import { CsrfField, ErrorSummary, type FormFailure } from '../../components/error-summary.tsx';
import { PageShell } from '../../components/page-shell.tsx';
import { currentSessionId, requireUser } from '../../auth.server.ts';
import { failure, formFields } from './accounts.server.ts';

export const meta: MetaFunction = () => [{ title: 'Учётная запись — noko' }];

export function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requireUser(context, request);
  return {
    csrfToken: ctx.csrfToken,
    user: { fullName: ctx.user.fullName, email: ctx.user.email, role: ctx.user.role },
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requireUser(context, request);
  const f = formFields(await request.formData());
  try {
    await ctx.services.accounts.changeOwnPassword(ctx.caller, currentSessionId(ctx, request), {
      currentPassword: f.currentPassword ?? '',
      newPassword: f.newPassword ?? '',
      confirmPassword: f.confirmPassword ?? '',
    });
    return { ok: true as const };
  } catch (e) {
    return failure(e);
  }
}

export default function Account() {
  const { user, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { ok: true } | FormFailure | undefined;
  const submitting = useNavigation().state === 'submitting';
  const errors = result && !result.ok ? result.fields : {};
  return (
    <PageShell size="md">
      <Stack gap="md">
        <Title order={1}>Учётная запись</Title>
        <Text>
          {user.fullName}, {user.email} — {ROLE_TITLES[user.role]}
        </Text>
        <Form method="post" noValidate aria-labelledby="password-title">
          <CsrfField token={csrfToken} />
          <Stack gap="md" maw={440}>
            <Title order={2} id="password-title">
              Смена пароля
            </Title>
            <ErrorSummary
              failure={result && !result.ok ? result : null}
              title="Пароль не изменён"
            />
            {result?.ok && (
              <Text role="status" fw={600}>
                Пароль изменён. Другие сеансы входа завершены.
              </Text>
            )}
            <PasswordInput
              id="currentPassword"
              name="currentPassword"
              label="Текущий пароль"
              autoComplete="current-password"
              required
              error={errors.currentPassword}
              visibilityToggleButtonProps={{ 'aria-label': 'Показать или скрыть пароль' }}
            />
            <PasswordInput
              id="newPassword"
              name="newPassword"
              label="Новый пароль"
              description="Не менее 10 символов"
              autoComplete="new-password"
              required
              error={errors.newPassword}
              visibilityToggleButtonProps={{ 'aria-label': 'Показать или скрыть пароль' }}
            />
            <PasswordInput
              id="confirmPassword"
              name="confirmPassword"
              label="Новый пароль ещё раз"
              autoComplete="new-password"
              required
              error={errors.confirmPassword}
              visibilityToggleButtonProps={{ 'aria-label': 'Показать или скрыть пароль' }}
            />
            <Button type="submit" loading={submitting}>
              Сменить пароль
            </Button>
          </Stack>
        </Form>
      </Stack>
    </PageShell>
  );
}
