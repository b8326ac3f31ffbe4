// The landing page (public): what noko is, in plain Russian, and where to go next.
import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Link, useLoaderData } from 'react-router';
import { appContext } from '../context.ts';
import { PageShell } from '../components/page-shell.tsx';

export const meta: MetaFunction = () => [
  { title: 'noko — НОК УООД' },
  {
    name: 'description',
    content:
      'Независимая оценка качества условий осуществления образовательной деятельности: опросы, сайты, баллы и отчёты.',
  },
];

export function loader({ context }: LoaderFunctionArgs) {
  return { signedIn: context.get(appContext).user !== null };
}

export default function Home() {
  const { signedIn } = useLoaderData<typeof loader>();
  return (
    <PageShell>
      <Stack gap="lg" maw={760}>
        <Title order={1}>
          noko — независимая оценка качества условий образовательной деятельности
        </Title>
        <Text size="lg">
          Каждые три года детские сады, школы, колледжи и организации дополнительного образования
          проходят независимую оценку: мнение родителей и обучающихся, проверка официального сайта и
          информационных стендов, условия для людей с инвалидностью. noko помогает провести эту
          оценку в регионе от начала до конца.
        </Text>
        <List spacing="xs">
          <List.Item>реестр организаций и перечень тех, кого оценивают в этом году;</List.Item>
          <List.Item>анкетирование родителей и обучающихся — на сайте или на бумаге;</List.Item>
          <List.Item>проверка официальных сайтов по требованиям законодательства;</List.Item>
          <List.Item>расчёт баллов по утверждённой методике, отчёты и планы улучшений.</List.Item>
        </List>
        <Group gap="md">
          {signedIn ? (
            <Button component={Link} to="/dashboard" size="md">
              Перейти на панель
            </Button>
          ) : (
            <Button component={Link} to="/login" size="md">
              Войти
            </Button>
          )}
        </Group>
        <Text c="dimmed">
          Родителям и обучающимся: ссылку на анкету выдаёт образовательная организация (адрес вида{' '}
          <Anchor component="span">/s/код</Anchor>). Входить в систему для ответа не нужно.
        </Text>
      </Stack>
    </PageShell>
  );
}
