// Every unknown page path: a Russian «Страница не найдена» with status 404.
import { Stack, Text, Title } from '@mantine/core';
import type { MetaFunction } from 'react-router';
import { Link, data } from 'react-router';
import { PageShell } from '../components/page-shell.tsx';

export function loader() {
  return data(null, { status: 404 });
}

export const meta: MetaFunction = () => [{ title: 'Страница не найдена — noko' }];

export default function NotFound() {
  return (
    <PageShell>
      <Stack gap="md">
        <Title order={1}>Страница не найдена</Title>
        <Text>Такой страницы нет. Проверьте адрес или вернитесь на главную.</Text>
        <Text>
          <Link to="/">На главную</Link>
        </Text>
      </Stack>
    </PageShell>
  );
}
