// The finding of the rule «обновление не позднее 10 рабочих дней» (273-ФЗ ст.29 ч.3; ПП РФ № 1802
// п.16) on the monitor's pages: a heuristic explained in plain Russian, with what it saw. Stored as
// the general rule `update_10_days` of a check (monitor.freshness.ts, domain update-check.ts).
import { List, Stack, Text, Title } from '@mantine/core';

export interface FreshnessFinding {
  key: string;
  status: string;
  details: string | null;
  evidence: string[];
}

export const FRESHNESS_KEY = 'update_10_days';

const VERDICT: Record<string, string> = {
  pass: 'признаков устаревших сведений не найдено',
  warning: 'возможно, сведения не обновлены вовремя — проверьте',
  not_checked: 'по найденным документам судить нельзя',
  fail: 'возможно, сведения не обновлены вовремя — проверьте',
};

export function findFreshness(
  rules: readonly FreshnessFinding[] | null | undefined,
): FreshnessFinding | null {
  return rules?.find((r) => r.key === FRESHNESS_KEY) ?? null;
}

/** The explanation and the finding; `headingOrder` fits the page's outline. */
export function Freshness({
  finding,
  headingOrder = 2,
}: {
  finding: FreshnessFinding;
  headingOrder?: 2 | 3;
}) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="freshness-title">
      <Title order={headingOrder} id="freshness-title">
        Актуальность сведений (справочно)
      </Title>
      <Text size="sm">
        Сведения на сайте должны обновляться не позднее 10 рабочих дней со дня их создания,
        получения или изменения (ч. 3 ст. 29 Федерального закона № 273-ФЗ; п. 16 Правил,
        утверждённых постановлением Правительства РФ № 1802). За один обход сайта это доказать
        нельзя, поэтому здесь подсказка, а не оценка: год в названиях ежегодных документов сверяется
        с ожидаемым (отчёт о самообследовании — за прошлый год, с 20 апреля плюс 10 рабочих дней;
        план финансово-хозяйственной деятельности или бюджетная смета — на текущий год; учебный план
        и календарный учебный график — на текущий учебный год), а размеченные сведения сравниваются
        с предыдущей проверкой: видно, что изменилось и между какими датами. На показатель 1.1 и на
        состояние сведений подсказка не влияет.
      </Text>
      <Text>
        <strong>{VERDICT[finding.status] ?? finding.status}.</strong>{' '}
        {finding.details ? `${finding.details[0]?.toUpperCase()}${finding.details.slice(1)}.` : ''}
      </Text>
      {finding.evidence.length > 0 && (
        <List size="sm" style={{ wordBreak: 'break-word' }}>
          {finding.evidence.map((e) => (
            <List.Item key={e}>{e}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
