// The update heuristic's block on the monitor pages: the explanation with its legal basis, the
// verdict and every line of what was seen (server-rendered, no JavaScript needed).
import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { findFreshness, Freshness } from './freshness.tsx';

const finding = {
  key: 'update_10_days',
  status: 'warning',
  details: 'возможно, сведения не обновлены (проверка на 22.11.2026)',
  evidence: [
    'https://school.example/files/r.pdf — «Отчёт о самообследовании за 2023 год» (2023 год)',
  ],
};

describe('Freshness', () => {
  it('explains the heuristic, cites the law and lists what was seen', () => {
    const html = renderToStaticMarkup(
      createElement(MantineProvider, null, createElement(Freshness, { finding })),
    );
    expect(html).toContain('Актуальность сведений (справочно)');
    expect(html).toContain('ч. 3 ст. 29 Федерального закона № 273-ФЗ');
    expect(html).toContain('постановлением Правительства РФ № 1802');
    expect(html).toContain('возможно, сведения не обновлены вовремя — проверьте');
    expect(html).toContain('Возможно, сведения не обновлены (проверка на 22.11.2026).');
    expect(html).toContain('«Отчёт о самообследовании за 2023 год» (2023 год)');
  });

  it('finds the finding among the stored general rules', () => {
    expect(findFreshness([{ ...finding, key: 'section_link' }, finding])).toBe(finding);
    expect(findFreshness([])).toBeNull();
    expect(findFreshness(undefined)).toBeNull();
  });
});
