// Page links for a GET-filtered list: plain links (work without JavaScript) that keep the current
// filters, with «Назад»/«Дальше», the current page marked aria-current, and a count sentence.
import { Anchor, Group, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { pageCount, pageHref } from './paging.ts';

export interface PaginationProps {
  total: number;
  /** 1-based current page. */
  page: number;
  pageSize: number;
  /** Query string to keep (default: the current location's). */
  search?: string;
}

/** Pages shown around the current one; the first and last are always shown. */
function visiblePages(current: number, last: number): Array<number | 'gap'> {
  const pages = new Set([1, last, current - 2, current - 1, current, current + 1, current + 2]);
  const sorted = [...pages].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b);
  const out: Array<number | 'gap'> = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push('gap');
    out.push(p);
  });
  return out;
}

export function Pagination({ total, page, pageSize, search }: PaginationProps) {
  const location = useLocation();
  const query = search ?? location.search;
  const last = pageCount(total, pageSize);
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" aria-live="polite">
        {total === 0 ? 'Ничего не найдено' : `Показаны ${from}–${to} из ${total}`}
      </Text>
      {last > 1 && (
        <Group component="nav" aria-label="Страницы" gap="xs">
          {page > 1 && (
            <Anchor component={Link} to={pageHref(query, page - 1)} rel="prev">
              ← Назад
            </Anchor>
          )}
          {visiblePages(page, last).map((p, i) =>
            p === 'gap' ? (
              <Text key={`gap-${i}`} component="span" aria-hidden>
                …
              </Text>
            ) : p === page ? (
              <Text key={p} component="span" fw={700} aria-current="page">
                {p}
              </Text>
            ) : (
              <Anchor key={p} component={Link} to={pageHref(query, p)} aria-label={`Страница ${p}`}>
                {p}
              </Anchor>
            ),
          )}
          {page < last && (
            <Anchor component={Link} to={pageHref(query, page + 1)} rel="next">
              Дальше →
            </Anchor>
          )}
        </Group>
      )}
    </Group>
  );
}
