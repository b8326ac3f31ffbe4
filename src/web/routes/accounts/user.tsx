// /admin/users/:id — one account: details, deactivate/reactivate and password reset (the new
// password is shown once). Each button is its own small form with `intent`, so it works without JS.
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, useActionData, useLoaderData } from 'react-router';
import { ROLE_TITLES } from '../../../domain/permissions/roles.ts';
import { CsrfField, ErrorSummary, type FormFailure } from '../../components/error-summary.tsx';
import { PageShell } from '../../components/page-shell.tsx';
import { requirePermission } from '../../auth.server.ts';
import { failure, load } from './accounts.server.ts';
import { PasswordNotice } from './password-notice.tsx';

export const meta: MetaFunction = () => [{ title: 'Пользователь — noko' }];

function userId(params: { id?: string }): number {
  const id = Number(params.id);
  return Number.isInteger(id) && id > 0 ? id : 0;
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'users.manage');
  const u = await load(() => ctx.services.accounts.get(ctx.caller, userId(params)));
  return {
    csrfToken: ctx.csrfToken,
    self: u.id === ctx.user.id,
    user: {
      id: u.id,
      fullName: u.fullName,
      email: u.email,
      role: u.role,
      territoryName: u.territoryName,
      organizationName: u.organizationName,
      active: u.active,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    },
  };
}

type Done = { ok: true; message: string; password?: string };

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePermission(context, request, 'users.manage');
  const intent = (await request.formData()).get('intent');
  const id = userId(params);
  try {
    if (intent === 'deactivate') {
      await ctx.services.accounts.deactivate(ctx.caller, id);
      return { ok: true, message: 'Учётная запись отключена, её сеансы завершены.' } as Done;
    }
    if (intent === 'reactivate') {
      await ctx.services.accounts.reactivate(ctx.caller, id);
      return { ok: true, message: 'Учётная запись снова активна.' } as Done;
    }
    if (intent === 'reset') {
      const { password } = await ctx.services.accounts.resetPassword(ctx.caller, id);
      return { ok: true, message: 'Пароль сброшен, сеансы завершены.', password } as Done;
    }
    return failure(
      Object.assign(new Error('Неизвестное действие'), {
        name: 'AppError',
        code: 'validation_failed',
      }),
    );
  } catch (e) {
    return failure(e);
  }
}

export default function UserCard() {
  const { user, csrfToken, self } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Done | FormFailure | undefined;
  return (
    <PageShell size="md">
      <Stack gap="md">
        <Title order={1}>{user.fullName}</Title>
        <ErrorSummary failure={result && !result.ok ? result : null} />
        {result?.ok && (
          <Text role="status" fw={600}>
            {result.message}
          </Text>
        )}
        {result?.ok && result.password && (
          <PasswordNotice email={user.email} password={result.password} />
        )}
        <Table withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">Электронная почта</Table.Th>
              <Table.Td>{user.email}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Роль</Table.Th>
              <Table.Td>{ROLE_TITLES[user.role]}</Table.Td>
            </Table.Tr>
            {(user.organizationName ?? user.territoryName) && (
              <Table.Tr>
                <Table.Th scope="row">Область действия</Table.Th>
                <Table.Td>{user.organizationName ?? user.territoryName}</Table.Td>
              </Table.Tr>
            )}
            <Table.Tr>
              <Table.Th scope="row">Состояние</Table.Th>
              <Table.Td>
                <Badge color={user.active ? 'green' : 'gray'} variant="light">
                  {user.active ? 'Активен' : 'Отключён'}
                </Badge>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Последний вход</Table.Th>
              <Table.Td>
                {user.lastLoginAt
                  ? new Date(user.lastLoginAt).toLocaleString('ru-RU')
                  : 'не входил'}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Group>
          {!self && (
            <Form method="post">
              <CsrfField token={csrfToken} />
              <input
                type="hidden"
                name="intent"
                value={user.active ? 'deactivate' : 'reactivate'}
              />
              <Button type="submit" variant="default" color={user.active ? 'red' : undefined}>
                {user.active ? 'Отключить' : 'Включить снова'}
              </Button>
            </Form>
          )}
          <Form method="post">
            <CsrfField token={csrfToken} />
            <input type="hidden" name="intent" value="reset" />
            <Button type="submit" variant="default">
              Сбросить пароль
            </Button>
          </Form>
        </Group>
      </Stack>
    </PageShell>
  );
}
