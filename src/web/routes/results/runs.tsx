// The versions of a campaign's calculation, the «Пересчитать» form and the council's approval form.
import {
  Anchor,
  Box,
  Button,
  Checkbox,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Form, Link } from 'react-router';
import {
  RESULT_RUN_STATUS_TITLES,
  type ResultRun,
} from '../../../features/results/results.schema.ts';
import { formatDateTime } from '../../components/format.ts';
import { Csrf, type FormFailure } from '../campaigns/ui.tsx';

export function RunsTable({
  runs,
  campaignId,
  current,
}: {
  runs: readonly ResultRun[];
  campaignId: number;
  current: number | null;
}) {
  return (
    <section aria-labelledby="runs-title">
      <Title order={2} id="runs-title" size="h3">
        Версии расчёта
      </Title>
      {runs.length === 0 ? (
        <Text>Версий пока нет.</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder striped>
            <Table.Caption className="visually-hidden">Версии расчёта, новые сначала</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Версия</Table.Th>
                <Table.Th scope="col">Состояние</Table.Th>
                <Table.Th scope="col">Рассчитана</Table.Th>
                <Table.Th scope="col">Организаций</Table.Th>
                <Table.Th scope="col">Решение совета</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" fw={r.version === current ? 700 : 400}>
                    {r.version === current ? (
                      <span aria-current="true">Версия {r.version} (показана)</span>
                    ) : (
                      <Anchor
                        component={Link}
                        to={`/campaigns/${campaignId}/results?version=${r.version}`}
                      >
                        Версия {r.version}
                      </Anchor>
                    )}
                  </Table.Th>
                  <Table.Td>{RESULT_RUN_STATUS_TITLES[r.status]}</Table.Td>
                  <Table.Td>
                    {formatDateTime(r.computedAt)}
                    {r.computedBy ? `, ${r.computedBy}` : ''}
                  </Table.Td>
                  <Table.Td>{r.organizations ?? '—'}</Table.Td>
                  <Table.Td>{r.frozenBasis ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

export function CalculateForm({
  csrf,
  rankBelowSample,
}: {
  csrf: string;
  rankBelowSample: boolean;
}) {
  return (
    <Form method="post" aria-labelledby="calculate-title">
      <Csrf token={csrf} />
      <Box component="fieldset" className="filter-fieldset">
        <legend id="calculate-title">Расчёт</legend>
        <Stack gap="sm">
          <Text size="sm">
            Расчёт берёт учтённые ответы анкет, чек-листы экспертов и проверки сайтов на текущий
            момент. Если данные не изменились, новая версия не создаётся; утверждённая версия
            никогда не меняется.
          </Text>
          <Checkbox
            name="rankBelowSample"
            value="1"
            defaultChecked={rankBelowSample}
            label="Включать в рейтинг организации, не набравшие минимальную выборку (они остаются отмеченными)"
          />
          <Group>
            <Button type="submit" name="intent" value="calculate">
              Пересчитать результаты
            </Button>
          </Group>
        </Stack>
      </Box>
    </Form>
  );
}

export function FreezeForm({ csrf, failure }: { csrf: string; failure?: FormFailure | undefined }) {
  const err = (k: string) => (failure && failure.ok === false ? failure.fields[k] : undefined);
  return (
    <Form method="post" noValidate aria-labelledby="freeze-title">
      <Csrf token={csrf} />
      <Box component="fieldset" className="filter-fieldset">
        <legend id="freeze-title">Утверждение результатов решением общественного совета</legend>
        <Stack gap="sm" maw={480}>
          <Text size="sm">
            Утверждается текущая версия расчёта. После утверждения она не меняется и становится
            видна всем; более поздний пересчёт создаст новую версию рядом с ней.
          </Text>
          <TextInput
            name="decisionNumber"
            label="Номер решения (протокола) общественного совета"
            required
            error={err('decisionNumber')}
          />
          <TextInput
            name="decisionDate"
            type="date"
            label="Дата решения"
            required
            error={err('decisionDate')}
          />
          <Group>
            <Button type="submit" name="intent" value="freeze">
              Утвердить результаты
            </Button>
          </Group>
        </Stack>
      </Box>
    </Form>
  );
}
