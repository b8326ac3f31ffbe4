// Packing stores a row's own values and the run's shared fragments; unpacking gives back exactly
// the provenance and shortcomings that were packed, for every variant the engine produces.
import { describe, expect, it } from 'vitest';
import { exampleWith, workedExample } from '../../domain/scoring/fixture.ts';
import {
  methodologyVersion,
  provenanceJson,
  scoreOrganization,
} from '../../domain/scoring/index.ts';
import { deriveShortcomings } from '../../domain/shortcomings/index.ts';
import {
  FragmentTable,
  packProvenance,
  packShortcomings,
  unpackProvenance,
  unpackShortcomings,
} from './pack.ts';

const cases = [
  ['worked example', workedExample(), methodologyVersion()],
  ['total variant', workedExample(), methodologyVersion({ denominators: 'total' })],
  [
    'no disability, one channel',
    exampleWith({ survey: { q6: 0, q7: 0, q3: 0, q4: 0 } }),
    methodologyVersion(),
  ],
  [
    'zero mode',
    exampleWith({ survey: { q6: 0, q7: 0, q10: 0, q11: 0 } }),
    methodologyVersion({ zeroDenominator: 'zero' }),
  ],
] as const;

describe('pack / unpack', () => {
  it.each(cases)('restores the provenance of the %s', (_name, org, m) => {
    const table = new FragmentTable();
    const original = {
      ...provenanceJson(scoreOrganization(org, m)),
      sources: {
        checklist: { status: 'missing', note: 'нет данных чек-листа' },
        site: { status: 'checked', checkedAt: '2026-04-01T10:00:00.000Z', note: 'проверка' },
        survey: { respondents: 200, required: 200, note: 'выборка набрана' },
      },
      ranking: { excludedBecause: null, rankBelowSample: false },
    };
    (original as unknown as { indicators: Record<string, Record<string, unknown>> }).indicators[
      '2.1'
    ]!.sourceNote = 'нет данных чек-листа';
    const packed = packProvenance(original, table);
    const stored = JSON.parse(JSON.stringify(packed)) as Record<string, unknown>;
    const fragments = JSON.parse(JSON.stringify(table.entries)) as typeof table.entries;
    expect(unpackProvenance(stored, fragments)).toEqual(JSON.parse(JSON.stringify(original)));
  });

  it('shares fragments between organizations and restores shortcomings', () => {
    const table = new FragmentTable();
    const a = workedExample();
    const b = exampleWith({ id: 'B', survey: { q2: 100 } });
    const sizes = [a, b].map((org) => {
      const p = packProvenance(provenanceJson(scoreOrganization(org)), table);
      return JSON.stringify(p).length;
    });
    const before = Object.keys(table.entries).length;
    packProvenance(
      provenanceJson(scoreOrganization(exampleWith({ id: 'C', survey: { q9: 100 } }))),
      table,
    );
    expect(Object.keys(table.entries).length).toBe(before);
    expect(Math.max(...sizes)).toBeLessThan(1000);
    const shortcomings = deriveShortcomings({
      counts: a,
      indicators: {
        '1.1': 85,
        '1.2': 90,
        '1.3': 92,
        '2.1': 80,
        '2.3': 92,
        '3.1': 40,
        '3.2': 60,
        '3.3': 75,
        '4.1': 95,
        '4.2': 97,
        '4.3': 95,
        '5.1': 90,
        '5.2': 93,
        '5.3': 94,
      },
      surveyShares: [{ indicator: '1.3', question: 'q2', share: 90 }],
      missing: { comfort: ['drinking_water'] },
    });
    const packed = JSON.parse(JSON.stringify(packShortcomings(shortcomings, table))) as unknown[];
    expect(unpackShortcomings(packed, JSON.parse(JSON.stringify(table.entries)))).toEqual(
      shortcomings,
    );
  });
});
