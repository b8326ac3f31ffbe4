// The rating table (by kind, municipality or region), its GET filter, and the aggregates with the
// presentation bands.
import { Anchor, NativeSelect, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import {
  CRITERION_KEYS,
  CRITERION_TITLES,
  KIND_GROUP_TITLES,
  type AggregateResult,
} from '../../../features/results/results.schema.ts';
import { FilterForm } from '../../components/filter-form.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { BandBadge, Flags, score } from './ui.tsx';

export type RatingView = 'kind' | 'municipality' | 'region';

export interface RatingRow {
  id: number;
  name: string;
  kind: string;
  municipality: string;
  rank: number | null;
  total: number | null;
  band: string | null;
  criteria: Partial<Record<string, number | null>>;
  respondents: number;
  required: number;
  flags: string[];
}

const VIEW_TITLES: Record<RatingView, string> = {
  kind: 'среди организаций того же типа в регионе',
  municipality: 'среди организаций того же типа в муниципалитете',
  region: 'среди всех организаций региона',
};

export function RatingFilter({
  view,
  filter,
  municipalities,
  campaignId,
  version,
}: {
  view: RatingView;
  filter: { kind?: string | undefined; municipality?: string | undefined };
  municipalities: { id: string; name: string }[];
  campaignId: number;
  version: number;
}) {
  return (
    <FilterForm legend="Отбор" resetTo={`/campaigns/${campaignId}/results?version=${version}`}>
      <input type="hidden" name="version" value={version} />
      <NativeSelect
        name="view"
        label="Место"
        defaultValue={view}
        data={(Object.keys(VIEW_TITLES) as RatingView[]).map((v) => ({
          value: v,
          label: VIEW_TITLES[v],
        }))}
      />
      <NativeSelect
        name="kind"
        label="Тип организаций"
        defaultValue={filter.kind ?? ''}
        data={[
          { value: '', label: 'все типы' },
          ...Object.entries(KIND_GROUP_TITLES).map(([value, label]) => ({ value, label })),
        ]}
      />
      <NativeSelect
        name="municipality"
        label="Муниципалитет"
        defaultValue={filter.municipality ?? ''}
        data={[
          { value: '', label: 'все муниципалитеты' },
          ...municipalities.map((m) => ({ value: m.id, label: m.name })),
        ]}
      />
    </FilterForm>
  );
}

export function RatingTable(props: {
  rows: readonly RatingRow[];
  view: RatingView;
  campaignId: number;
  version: number;
  total: number;
  page: number;
  pageSize: number;
}) {
  const { rows, view, campaignId, version } = props;
  if (rows.length === 0) return <Text>Организаций с такими условиями нет.</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={960}>
        <Table striped withTableBorder verticalSpacing="xs">
          <Table.Caption>
            Место {VIEW_TITLES[view]}; организации с равным итоговым баллом делят место (1, 1, 3).
            Без места — недостаточно данных или не набрана выборка.
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Место</Table.Th>
              <Table.Th scope="col">Организация</Table.Th>
              <Table.Th scope="col">Муниципалитет</Table.Th>
              <Table.Th scope="col" ta="right">
                Итог
              </Table.Th>
              <Table.Th scope="col">Оценка</Table.Th>
              {CRITERION_KEYS.map((k) => (
                <Table.Th key={k} scope="col" ta="right">
                  <abbr title={CRITERION_TITLES[k]}>{k.replace('K', 'К')}</abbr>
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                Респондентов
              </Table.Th>
              <Table.Th scope="col">Отметки</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.rank ?? '—'}</Table.Td>
                <Table.Th scope="row" fw={500}>
                  <Anchor
                    component={Link}
                    to={`/campaigns/${campaignId}/results/organizations/${r.id}?version=${version}`}
                  >
                    {r.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {KIND_GROUP_TITLES[r.kind] ?? r.kind}
                  </Text>
                </Table.Th>
                <Table.Td>{r.municipality}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {score(r.total)}
                </Table.Td>
                <Table.Td>
                  <BandBadge band={r.band} />
                </Table.Td>
                {CRITERION_KEYS.map((k) => (
                  <Table.Td key={k} ta="right">
                    {score(r.criteria[k])}
                  </Table.Td>
                ))}
                <Table.Td ta="right">
                  {r.respondents} из {r.required}
                </Table.Td>
                <Table.Td>
                  <Flags flags={r.flags} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pagination total={props.total} page={props.page} pageSize={props.pageSize} />
    </>
  );
}

const LEVEL_TITLES = { region: 'Регион', municipality: 'Муниципалитет', kind: 'Тип организаций' };

export function AggregatesTable({
  aggregates,
  bands,
}: {
  aggregates: readonly AggregateResult[];
  bands: readonly { label: string; above: number | null }[];
}) {
  return (
    <section aria-labelledby="aggregates-title">
      <Title order={2} id="aggregates-title" size="h3">
        Средние значения
      </Title>
      <Text size="sm">
        Простые средние по организациям, у которых есть итоговый балл (организации без данных не
        учитываются).
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table withTableBorder striped>
          <Table.Caption className="visually-hidden">
            Средние по региону, муниципалитетам и типам
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Уровень</Table.Th>
              <Table.Th scope="col">Название</Table.Th>
              <Table.Th scope="col" ta="right">
                Организаций
              </Table.Th>
              {CRITERION_KEYS.map((k) => (
                <Table.Th key={k} scope="col" ta="right">
                  {k.replace('K', 'К')}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                Итог
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {aggregates.map((a) => (
              <Table.Tr key={`${a.level}:${a.key}`}>
                <Table.Td>{LEVEL_TITLES[a.level]}</Table.Td>
                <Table.Th scope="row" fw={500}>
                  {a.name}
                </Table.Th>
                <Table.Td ta="right">{a.organizations}</Table.Td>
                {CRITERION_KEYS.map((k) => (
                  <Table.Td key={k} ta="right">
                    {score(a.criteria[k])}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={600}>
                  {score(a.total)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {bands.length > 0 && (
        <Text size="sm" mt="xs">
          Оценочные диапазоны (для наглядности, не являются официальной оценкой):{' '}
          {bands
            .map((b, i) => {
              const upper = i === 0 ? 100 : bands[i - 1]!.above;
              return `${b.label} — ${b.above === null ? 'от 0' : `свыше ${b.above}`} до ${upper}`;
            })
            .join('; ')}
          .
        </Text>
      )}
    </section>
  );
}
