// The frame of every page: a header with the product name, the sections the visitor's role may
// open, who is signed in with «Выйти» (or «Войти»), the main landmark the skip link targets, and a
// footer. Pages put their content inside <PageShell>; the header data comes from the root loader
// (src/web/root.tsx → shellData), so pages pass nothing.
import type { ReactNode } from 'react';
import { Anchor, Box, Button, Container, Group, Text } from '@mantine/core';
import { Link, NavLink, useRouteLoaderData } from 'react-router';
import type { ShellData } from './navigation.ts';

export const MAIN_ID = 'main-content';

export interface PageShellProps {
  children: ReactNode;
  /** Wider content area for big tables (default: 'lg'). */
  size?: 'md' | 'lg' | 'xl';
}

export function PageShell({ children, size = 'lg' }: PageShellProps) {
  // Undefined when the root loader failed (error page) or in isolated component tests.
  const shell = useRouteLoaderData('root') as ShellData | undefined;
  return (
    <>
      <Box component="header" className="site-header" py="sm">
        <Container size={size}>
          <Group justify="space-between" gap="sm">
            <Group gap="lg">
              <Anchor component={Link} to="/" fw={700} fz="lg" underline="never" c="blue.8">
                noko
              </Anchor>
              <SiteNav items={shell?.nav ?? []} />
            </Group>
            <UserBox shell={shell} />
          </Group>
        </Container>
      </Box>
      <Container component="main" id={MAIN_ID} tabIndex={-1} size={size} py="xl">
        {children}
      </Container>
      <Box component="footer" className="site-footer" py="md">
        <Container size={size}>
          <Text size="sm" c="dimmed">
            noko — открытая система для НОК УООД
          </Text>
        </Container>
      </Box>
    </>
  );
}

/** The role's sections; the current one gets aria-current="page" (NavLink) and a bold style. */
export function SiteNav({ items }: { items: ShellData['nav'] }) {
  if (items.length === 0) return null;
  return (
    <Box component="nav" aria-label="Основная навигация">
      <Group component="ul" gap="md" className="site-nav" m={0} p={0}>
        {items.map((item) => (
          <li key={item.to}>
            <Anchor component={NavLink} to={item.to} className="site-nav-link" underline="hover">
              {item.label}
            </Anchor>
          </li>
        ))}
      </Group>
    </Box>
  );
}

function UserBox({ shell }: { shell: ShellData | undefined }) {
  if (!shell?.user) {
    return (
      <Anchor component={Link} to="/login">
        Войти
      </Anchor>
    );
  }
  return (
    <Group gap="sm">
      <Box ta="right">
        <Anchor component={Link} to="/account" size="sm" fw={600} title="Мой профиль">
          {shell.user.fullName}
        </Anchor>
        <Text size="xs" c="dimmed">
          {shell.user.roleTitle}
        </Text>
      </Box>
      {/* A plain form: signing out reloads the whole document, with or without JavaScript. */}
      <form method="post" action="/logout">
        <input type="hidden" name="_csrf" value={shell.csrfToken} />
        <Button type="submit" variant="subtle" size="compact-sm">
          Выйти
        </Button>
      </form>
    </Group>
  );
}
