// /admin/users/new — create an account. Municipal users need their municipality, organization
// users their organization (by INN or registry code). Without a password typed in, one is
// generated and shown once on the answer page.
import {
  Anchor,
  Button,
  Fieldset,
  NativeSelect,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, Link, useActionData, useLoaderData, useNavigation } from 'react-router';
import { ROLE_TITLES, ROLES } from '../../../domain/permissions/roles.ts';
import { CsrfField, ErrorSummary, type FormFailure } from '../../components/error-summary.tsx';
import { PageShell } from '../../components/page-shell.tsx';
import { requirePermission } from '../../auth.server.ts';
import { failure, formFields, load } from './accounts.server.ts';
import { PasswordNotice } from './password-notice.tsx';

export const meta: MetaFunction = () => [{ title: 'Новый пользователь — noko' }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'users.manage');
  const options = await load(() => ctx.services.accounts.formOptions(ctx.caller));
  return { ...options, csrfToken: ctx.csrfToken };
}

interface Created {
  ok: true;
  user: { id: number; email: string; fullName: string };
  password: string | null;
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requirePermission(context, request, 'users.manage');
  const fields = formFields(await request.formData());
  try {
    const { user, password } = await ctx.services.accounts.create(ctx.caller, {
      email: fields.email ?? '',
      fullName: fields.fullName ?? '',
      role: (fields.role ?? '') as never,
      territoryId: fields.territoryId,
      organization: fields.organization,
      password: fields.password,
    });
    const created: Created = {
      ok: true,
      user: { id: user.id, email: user.email, fullName: user.fullName },
      password,
    };
    return created;
  } catch (e) {
    return failure(e);
  }
}

export default function NewUser() {
  const { municipalities, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Created | FormFailure | undefined;
  const submitting = useNavigation().state === 'submitting';
  if (result?.ok) {
    return (
      <PageShell size="md">
        <Stack gap="md">
          <Title order={1}>Пользователь создан</Title>
          <Text>
            {result.user.fullName} ({result.user.email})
          </Text>
          {result.password && (
            <PasswordNotice email={result.user.email} password={result.password} />
          )}
          <Anchor component={Link} to={`/admin/users/${result.user.id}`}>
            Карточка пользователя
          </Anchor>
          <Anchor component={Link} to="/admin/users">
            Все пользователи
          </Anchor>
        </Stack>
      </PageShell>
    );
  }
  const errors = result?.fields ?? {};
  return (
    <PageShell size="md">
      <Form method="post" noValidate aria-labelledby="new-user-title">
        <CsrfField token={csrfToken} />
        <Stack gap="md">
          <Title order={1} id="new-user-title">
            Новый пользователь
          </Title>
          <ErrorSummary failure={result} title="Пользователь не создан" />
          <TextInput
            id="fullName"
            name="fullName"
            label="Фамилия, имя, отчество"
            required
            error={errors.fullName}
          />
          <TextInput
            id="email"
            name="email"
            type="email"
            label="Электронная почта"
            required
            error={errors.email}
          />
          <NativeSelect
            id="role"
            name="role"
            label="Роль"
            required
            error={errors.role}
            data={[
              { value: '', label: 'Выберите роль' },
              ...ROLES.map((r) => ({ value: r, label: ROLE_TITLES[r] })),
            ]}
          />
          <Fieldset legend="Область действия (для муниципальных органов и организаций)">
            <Stack gap="sm">
              <NativeSelect
                id="territoryId"
                name="territoryId"
                label="Муниципальное образование"
                description="Обязательно для роли «Муниципальный орган управления образованием»"
                error={errors.territoryId}
                data={[
                  { value: '', label: '—' },
                  ...municipalities.map((m) => ({ value: String(m.id), label: m.name })),
                ]}
              />
              <TextInput
                id="organization"
                name="organization"
                label="ИНН или код организации"
                description="Обязательно для роли «Образовательная организация»"
                error={errors.organization}
              />
            </Stack>
          </Fieldset>
          <PasswordInput
            id="password"
            name="password"
            label="Пароль"
            description="Не менее 10 символов. Оставьте пустым — пароль будет создан и показан один раз."
            autoComplete="new-password"
            error={errors.password}
            visibilityToggleButtonProps={{ 'aria-label': 'Показать или скрыть пароль' }}
          />
          <Button type="submit" loading={submitting}>
            Создать
          </Button>
        </Stack>
      </Form>
    </PageShell>
  );
}
