// /admin/users — every account with its role, scope and status; filter by role (a GET form, so it
// works without JavaScript and the filter stays in the address). Regional administrator only.
import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, Link, useLoaderData } from 'react-router';
import { ROLE_TITLES, ROLES, isRole } from '../../../domain/permissions/roles.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { requirePermission } from '../../auth.server.ts';
import { load } from './accounts.server.ts';

export const meta: MetaFunction = () => [{ title: 'Пользователи — noko' }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'users.manage');
  const param = new URL(request.url).searchParams.get('role') ?? '';
  const role = isRole(param) ? param : undefined;
  const users = await load(() => ctx.services.accounts.list(ctx.caller, role ? { role } : {}));
  return {
    role: role ?? '',
    users: users.map((u) => ({
      id: u.id,
      fullName: u.fullName,
      email: u.email,
      role: u.role,
      scope: u.organizationName ?? u.territoryName ?? '',
      active: u.active,
    })),
  };
}

export default function Users() {
  const { users, role } = useLoaderData<typeof loader>();
  return (
    <PageShell>
      <Stack gap="lg">
        <Group justify="space-between">
          <Title order={1}>Пользователи</Title>
          <Button component={Link} to="/admin/users/new">
            Новый пользователь
          </Button>
        </Group>
        <Form method="get" role="search" aria-label="Отбор пользователей">
          <Group align="end">
            <NativeSelect
              id="role"
              name="role"
              label="Роль"
              defaultValue={role}
              data={[
                { value: '', label: 'Все роли' },
                ...ROLES.map((r) => ({ value: r, label: ROLE_TITLES[r] })),
              ]}
            />
            <Button type="submit" variant="default">
              Показать
            </Button>
          </Group>
        </Form>
        {users.length === 0 ? (
          <Text>Пользователей с такой ролью нет.</Text>
        ) : (
          <Table striped withTableBorder>
            <Table.Caption>Пользователи по алфавиту: {users.length}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Ф. И. О.</Table.Th>
                <Table.Th scope="col">Электронная почта</Table.Th>
                <Table.Th scope="col">Роль</Table.Th>
                <Table.Th scope="col">Муниципалитет или организация</Table.Th>
                <Table.Th scope="col">Состояние</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/admin/users/${u.id}`}>
                      {u.fullName}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>{ROLE_TITLES[u.role]}</Table.Td>
                  <Table.Td>{u.scope}</Table.Td>
                  <Table.Td>
                    <Badge color={u.active ? 'green' : 'gray'} variant="light">
                      {u.active ? 'Активен' : 'Отключён'}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </PageShell>
  );
}
