// How an organization's numbers were obtained: every indicator with its counts, formula, variant
// and notes (the stored provenance), the criteria with the weights applied, and the survey shares
// with their Wilson 95 % intervals.
import { List, Table, Text, Title } from '@mantine/core';
import {
  CRITERION_KEYS,
  CRITERION_TITLES,
  INDICATOR_KEYS,
  INDICATOR_TITLES,
  type OrganizationResult,
} from '../../../features/results/results.schema.ts';
import { score } from './ui.tsx';

interface IndicatorProv {
  inputs?: Record<string, number>;
  formula?: string;
  variant?: {
    denominators?: string;
    zeroDenominator?: string;
    capped?: boolean;
    halfOnly?: string;
  };
  note?: string | null;
  sourceNote?: string;
  unrounded?: string | null;
}

interface CriterionProv {
  formula?: string;
  weights?: { indicator: string; effective: number; applicable: boolean }[];
  note?: string | null;
  unrounded?: string | null;
}

const INPUT_NAMES: Record<string, string> = {
  standPresent: 'Истенд',
  standRequired: 'Инорм.стенд',
  sitePresent: 'Исайт',
  siteRequired: 'Инорм.сайт',
  remoteChannels: 'Сдист',
  comfortConditions: 'Скомф',
  premisesAccessibility: 'Соргдост',
  serviceAccessibility: 'Суслдост',
  respondents: 'N',
};

function inputsText(inputs: Record<string, number> | undefined): string {
  if (!inputs) return '—';
  return Object.entries(inputs)
    .map(([k, v]) => `${INPUT_NAMES[k] ?? `Q${k.slice(1)}да`} = ${v}`)
    .join(', ');
}

function variantText(v: IndicatorProv['variant']): string[] {
  const out: string[] = [];
  if (v?.denominators === 'filter') out.push('знаменатель — ответившие «Да» на вопрос-фильтр');
  if (v?.denominators === 'total') out.push('знаменатель — все респонденты');
  if (v?.zeroDenominator === 'exclude') out.push('нулевой знаменатель: показатель не применяется');
  if (v?.zeroDenominator === 'zero') out.push('нулевой знаменатель: засчитан 0');
  if (v?.capped) out.push('ограничено 100 баллами');
  if (v?.halfOnly === 'stand') out.push('только половина по стендам');
  if (v?.halfOnly === 'site') out.push('только половина по сайту');
  return out;
}

export function IndicatorsTable({ org }: { org: OrganizationResult }) {
  const prov = (org.provenance.indicators ?? {}) as Record<string, IndicatorProv>;
  return (
    <section aria-labelledby="indicators-title">
      <Title order={2} id="indicators-title" size="h3">
        Показатели
      </Title>
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder striped verticalSpacing="xs">
          <Table.Caption className="visually-hidden">
            Показатели, исходные числа, формулы и варианты расчёта
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Показатель</Table.Th>
              <Table.Th scope="col" ta="right">
                Значение
              </Table.Th>
              <Table.Th scope="col">Исходные числа</Table.Th>
              <Table.Th scope="col">Формула и вариант</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {INDICATOR_KEYS.map((id) => {
              const p = prov[id] ?? {};
              const notes = [...variantText(p.variant), p.note, p.sourceNote].filter(Boolean);
              return (
                <Table.Tr key={id}>
                  <Table.Th scope="row" fw={400}>
                    <Text fw={600} span>
                      {id}
                    </Text>{' '}
                    {INDICATOR_TITLES[id]}
                  </Table.Th>
                  <Table.Td ta="right" fw={600}>
                    {org.indicators[id] === null ? 'не применим' : score(org.indicators[id])}
                  </Table.Td>
                  <Table.Td>{inputsText(p.inputs)}</Table.Td>
                  <Table.Td>
                    <code>{p.formula ?? '—'}</code>
                    {p.unrounded && <Text size="xs">точное значение: {p.unrounded}</Text>}
                    {notes.map((n) => (
                      <Text key={n} size="xs">
                        {n}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}

export function CriteriaTable({ org }: { org: OrganizationResult }) {
  const prov = (org.provenance.criteria ?? {}) as Record<string, CriterionProv>;
  const total = (org.provenance.total ?? {}) as { formula?: string; note?: string | null };
  return (
    <section aria-labelledby="criteria-title">
      <Title order={2} id="criteria-title" size="h3">
        Критерии
      </Title>
      <Table withTableBorder striped>
        <Table.Caption>
          Итог = {total.formula ?? '(К1 + К2 + К3 + К4 + К5) / 5'}
          {total.note ? `; ${total.note}` : ''}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Критерий</Table.Th>
            <Table.Th scope="col" ta="right">
              Значение
            </Table.Th>
            <Table.Th scope="col">Формула и применённые веса</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {CRITERION_KEYS.map((k) => {
            const p = prov[k] ?? {};
            const weights = (p.weights ?? [])
              .map((w) => `${w.indicator}: ${w.applicable ? w.effective : 'не применим'}`)
              .join('; ');
            return (
              <Table.Tr key={k}>
                <Table.Th scope="row" fw={400}>
                  {k.replace('K', 'К')} {CRITERION_TITLES[k]}
                </Table.Th>
                <Table.Td ta="right" fw={600}>
                  {score(org.criteria[k])}
                </Table.Td>
                <Table.Td>
                  <code>{p.formula ?? '—'}</code>
                  <Text size="xs">веса: {weights || '—'}</Text>
                  {p.note && <Text size="xs">{p.note}</Text>}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </section>
  );
}

export function SharesTable({ org }: { org: OrganizationResult }) {
  return (
    <section aria-labelledby="shares-title">
      <Title order={2} id="shares-title" size="h3">
        Ответы получателей услуг
      </Title>
      <Text size="sm">
        Доля ответов «Да» и 95-процентный доверительный интервал Уилсона: чем меньше ответивших, тем
        шире интервал.
      </Text>
      <Table withTableBorder striped>
        <Table.Caption className="visually-hidden">Доли ответов «Да» с интервалами</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Вопрос</Table.Th>
            <Table.Th scope="col">Показатель</Table.Th>
            <Table.Th scope="col" ta="right">
              «Да» из
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Доля, %
            </Table.Th>
            <Table.Th scope="col">Интервал, %</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {org.surveyShares.map((s) => (
            <Table.Tr key={s.question}>
              <Table.Th scope="row" fw={400}>
                Вопрос {s.question.slice(1)}
              </Table.Th>
              <Table.Td>{s.indicator}</Table.Td>
              <Table.Td ta="right">
                {s.yes} из {s.of}
              </Table.Td>
              <Table.Td ta="right">{score(s.share)}</Table.Td>
              <Table.Td>{s.low === null ? '—' : `${score(s.low)} – ${score(s.high)}`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

export function SourcesList({ org }: { org: OrganizationResult }) {
  const s = (org.provenance.sources ?? {}) as Record<
    string,
    { note?: string; checkedAt?: string | null }
  >;
  const items = [
    ['Анкеты', s.survey?.note],
    ['Чек-лист эксперта', s.checklist?.note],
    [
      'Официальный сайт',
      s.site
        ? `${s.site.note}${s.site.checkedAt ? ` (проверка ${s.site.checkedAt.slice(0, 10).split('-').reverse().join('.')})` : ''}`
        : undefined,
    ],
  ].filter(([, v]) => v);
  return (
    <List size="sm">
      {items.map(([k, v]) => (
        <List.Item key={k}>
          {k}: {v}
        </List.Item>
      ))}
    </List>
  );
}
