// Pieces shared by the result pages for staff: a chart as an accessible figure (server-drawn SVG,
// its summary, the numbers in a table), a score with its band in words, the run line, and the
// year-over-year section.
import { Anchor, Badge, Box, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type {
  ChartFigure,
  RunChoice,
  YearOverYearView,
} from '../../../features/dashboards/dashboards.schema.ts';
import { formatDateTime } from '../../components/format.ts';

/**
 * A chart: the heading names it; the drawing is one image (role="img") labelled by the heading and
 * described by the visible summary; the numbers follow as a table in «Таблица с данными». The SVG
 * comes from our own server (ECharts SSR), never from user input; its ids are prefixed per chart.
 */
export function Figure({ figure, level = 2 }: { figure: ChartFigure; level?: 2 | 3 }) {
  const titleId = `${figure.id}-title`;
  const summaryId = `${figure.id}-summary`;
  return (
    <Box component="figure" m={0} aria-labelledby={titleId}>
      <Title order={level} size={level === 2 ? 'h3' : 'h4'} id={titleId} mb="xs">
        {figure.title}
      </Title>
      <div
        role="img"
        aria-labelledby={titleId}
        aria-describedby={summaryId}
        style={{ maxWidth: figure.size.width }}
        dangerouslySetInnerHTML={{ __html: figure.svg }}
      />
      <Text component="figcaption" id={summaryId} size="sm" mt="xs">
        {figure.summary}
      </Text>
      <Box component="details" mt="xs">
        <summary>Таблица с данными</summary>
        <NumbersTable table={figure.table} />
      </Box>
    </Box>
  );
}

export function NumbersTable({ table }: { table: ChartFigure['table'] }) {
  return (
    <Table.ScrollContainer minWidth={400}>
      <Table withTableBorder striped verticalSpacing={4} mt="xs">
        <Table.Caption>{table.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {table.head.map((h, i) => (
              <Table.Th key={h} scope="col" ta={i === 0 ? undefined : 'right'}>
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((r) => (
            <Table.Tr key={r.header}>
              <Table.Th scope="row" fw={500}>
                {r.header}
              </Table.Th>
              {r.cells.map((c, i) => (
                <Table.Td key={i} ta="right">
                  {c}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** 84.4 → «84,40». */
export function fmt(value: number | null | undefined): string {
  return value == null ? 'нет данных' : value.toFixed(2).replace('.', ',');
}

export function signed(value: number | null): string {
  if (value === null) return '—';
  if (value === 0) return '0,00';
  return `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(2).replace('.', ',')}`;
}

const RUN_WORDS: Record<RunChoice['status'], string> = {
  current: 'текущий расчёт, ещё не утверждён',
  frozen: 'утверждён',
  superseded: 'заменён более поздним утверждённым',
};

/** «Версия 2 — утверждён (Решение … от 12.11.2026), рассчитан 10.11.2026, 12:30». */
export function RunLine({
  run,
}: {
  run: {
    version: number;
    status: RunChoice['status'];
    computedAt: string;
    frozenBasis: string | null;
  };
}) {
  return (
    <Group gap="xs">
      <Badge variant="outline" tt="none" color={run.status === 'frozen' ? 'green.9' : 'orange.9'}>
        Версия {run.version}: {RUN_WORDS[run.status]}
      </Badge>
      <Text size="sm">
        {run.frozenBasis ? `${run.frozenBasis}. ` : ''}Рассчитано {formatDateTime(run.computedAt)}.
      </Text>
    </Group>
  );
}

export function YearOverYearSection({
  yoy,
  linkFor = (campaignId) => `/campaigns/${campaignId}/dashboard`,
  children,
}: {
  yoy: YearOverYearView;
  /** Where a year's campaign leads (its dashboard by default). */
  linkFor?: (campaignId: number) => string;
  children?: ReactNode;
}) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={`${yoy.figure.id}-title`}>
      <Figure figure={yoy.figure} />
      {!yoy.comparable && (
        <Text size="sm" fw={600}>
          Внимание: годы рассчитаны по разным версиям методики — сравнение условное.
        </Text>
      )}
      <Text size="sm">
        Кампании:{' '}
        {yoy.years.map((y, i) => (
          <span key={y.campaignId}>
            {i > 0 && ', '}
            <Anchor component={Link} to={linkFor(y.campaignId)}>
              {y.year} — {y.title}
            </Anchor>
          </span>
        ))}
        .
      </Text>
      {children}
    </Stack>
  );
}
