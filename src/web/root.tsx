// The document of every page: Russian language, Mantine, the skip link, and the error page.
import '@mantine/core/styles.css';
import './app.css';
import type { ReactNode } from 'react';
import {
  ColorSchemeScript,
  MantineProvider,
  Stack,
  Text,
  Title,
  mantineHtmlProps,
} from '@mantine/core';
import type { LinksFunction, LoaderFunctionArgs } from 'react-router';
import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
} from 'react-router';
import { shellData } from './components/navigation.ts';
import { MAIN_ID, PageShell } from './components/page-shell.tsx';
import { appContext } from './context.ts';
import { useNonce } from './nonce.ts';
import { cssVariablesResolver, theme } from './theme.ts';

export const links: LinksFunction = () => [{ rel: 'icon', href: 'data:,' }];

/** The header of every page: the role's sections and who is signed in (PageShell reads it). */
export function loader({ context }: LoaderFunctionArgs) {
  return shellData(context.get(appContext));
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="ru" {...mantineHtmlProps}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <ColorSchemeScript defaultColorScheme="light" nonce={nonce} />
      </head>
      <body>
        <a className="skip-link" href={`#${MAIN_ID}`}>
          Перейти к содержимому
        </a>
        <MantineProvider
          theme={theme}
          defaultColorScheme="light"
          cssVariablesResolver={cssVariablesResolver}
        >
          {children}
        </MantineProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Неверный запрос',
  401: 'Нужно войти',
  403: 'Доступ запрещён',
  404: 'Страница не найдена',
  405: 'Действие недоступно',
  410: 'Страница больше недоступна',
  413: 'Слишком большой запрос',
  429: 'Слишком много запросов',
};

/** Russian error page for errors of loaders, actions and rendering. */
export function ErrorBoundary() {
  const error = useRouteError();
  let title = 'Что-то пошло не так';
  let message = 'Произошла внутренняя ошибка. Попробуйте обновить страницу позже.';
  if (isRouteErrorResponse(error)) {
    title = STATUS_TITLES[error.status] ?? title;
    const data: unknown = error.data;
    if (data && typeof data === 'object' && 'message' in data && typeof data.message === 'string') {
      message = data.message;
    } else if (error.status < 500) {
      message = 'Проверьте адрес страницы или вернитесь на главную.';
    }
  }
  return (
    <PageShell>
      <Stack gap="md">
        <title>{`${title} — noko`}</title>
        <Title order={1}>{title}</Title>
        <Text>{message}</Text>
        <Text>
          <Link to="/">На главную</Link>
        </Text>
      </Stack>
    </PageShell>
  );
}
