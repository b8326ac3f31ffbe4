// `noko score` end to end: the real CLI process, the worked example of methodology.md in both
// variants, stdin input, and invalid input (exit code 2, the field named on stderr, empty stdout).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => `${root}test/fixtures/score/${name}`;
const example = JSON.parse(readFileSync(fixture('worked-example.json'), 'utf8')) as {
  organizations: Record<string, unknown>[];
};
const org = example.organizations[0] as Record<string, unknown> & {
  survey: Record<string, unknown>;
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI with the current (Node 24) binary; asynchronous so that tests run concurrently. */
function noko(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${root}bin/noko.js`, ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

const filterExpected = {
  organizations: [
    {
      id: 'A',
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
      criteria: { K1: 89.3, K2: 86, K3: 58.5, K4: 95.8, K5: 92.6 },
      total: 84.44,
    },
  ],
  aggregate: { criteria: { K1: 89.3, K2: 86, K3: 58.5, K4: 95.8, K5: 92.6 }, total: 84.44 },
};

const totalIndicators = { ...filterExpected.organizations[0]?.indicators, '1.3': 62.25, '4.3': 38 };
const totalCriteria = { K1: 77.4, K2: 86, K3: 58.5, K4: 84.4, K5: 92.6 };
const totalExpected = {
  organizations: [{ id: 'A', indicators: totalIndicators, criteria: totalCriteria, total: 79.78 }],
  aggregate: { criteria: totalCriteria, total: 79.78 },
};

describe.concurrent('noko score', () => {
  it('worked example, filter variant: exactly the contract', async () => {
    const r = await noko(['score', fixture('worked-example.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(filterExpected);
    expect(r.stdout).toContain('"1.1": 85.00');
    expect(r.stdout).toContain('"total": 84.44');
  });

  it('worked example, total variant', async () => {
    const r = await noko(['score', fixture('worked-example.total.json')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(totalExpected);
  });

  it('reads stdin with "-"', async () => {
    const r = await noko(['score', '-'], readFileSync(fixture('worked-example.json'), 'utf8'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(filterExpected);
  });

  it('methodology is optional, null for not applicable, aggregate skips insufficient data', async () => {
    const empty = Object.fromEntries(Object.keys(org.survey).map((k) => [k, 0]));
    const input = {
      organizations: [
        org,
        { ...org, id: 'B', survey: empty },
        { ...org, id: 'C', survey: { ...org.survey, q6: 0, q7: 0 } },
      ],
    };
    const r = await noko(['score', '-'], JSON.stringify(input));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as typeof filterExpected & {
      organizations: { total: number | null }[];
    };
    expect(out.organizations.map((o) => o.total)).toEqual([84.44, null, 83.03]);
    expect(out.organizations[1]?.criteria).toEqual({
      K1: 87.5,
      K2: 80,
      K3: 51.43,
      K4: null,
      K5: null,
    });
    expect(out.organizations[2]?.indicators['3.3']).toBeNull();
    // Unrounded: (84.44 + 83.0257142…) / 2 = 83.7328…; averaging the rounded totals would give 83.74.
    expect(out.aggregate.total).toBe(83.73);
  });

  it('--provenance adds the methodology version and the provenance of every number', async () => {
    const r = await noko(['score', '--provenance', fixture('worked-example.json')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      methodology: Record<string, unknown>;
      organizations: {
        total: number;
        provenance: { indicators: Record<string, { inputs: unknown; formula: string }> };
      }[];
    };
    expect(out.methodology).toMatchObject({ denominators: 'filter', zeroDenominator: 'exclude' });
    expect(out.organizations[0]?.total).toBe(84.44);
    expect(out.organizations[0]?.provenance.indicators['1.3']).toMatchObject({
      inputs: { q1: 120, q2: 108, q3: 150, q4: 141 },
      formula: '0.5 × (Q2да/Q1да + Q4да/Q3да) × 100',
    });
  });

  const withOrg = (changes: Record<string, unknown>) =>
    JSON.stringify({ organizations: [{ ...org, ...changes }] });
  const withSurvey = (changes: Record<string, unknown>) =>
    withOrg({ survey: { ...org.survey, ...changes } });

  it.each([
    ['invalid JSON', '{"organizations": [', /Неверный JSON/],
    [
      'an empty organizations list',
      '{"organizations": []}',
      /organizations: нужна хотя бы одна организация/,
    ],
    [
      'a missing count',
      withSurvey({ q5: undefined }),
      /organizations\[0\]\.survey\.q5: обязательное поле/,
    ],
    [
      'a negative count',
      withOrg({ remoteChannels: -2 }),
      /organizations\[0\]\.remoteChannels: не может быть отрицательным/,
    ],
    [
      'a fractional count',
      withOrg({ comfortConditions: 1.5 }),
      /organizations\[0\]\.comfortConditions: должно быть целым/,
    ],
    [
      'q2 > q1',
      withSurvey({ q2: 130 }),
      /organizations\[0\]\.survey\.q2: число ответов «Да» \(130\) больше знаменателя q1 \(120\)/,
    ],
    ['q4 > q3', withSurvey({ q4: 151 }), /organizations\[0\]\.survey\.q4: .*знаменателя q3/],
    ['q7 > q6', withSurvey({ q7: 13 }), /organizations\[0\]\.survey\.q7: .*знаменателя q6/],
    ['q11 > q10', withSurvey({ q11: 81 }), /organizations\[0\]\.survey\.q11: .*знаменателя q10/],
    [
      'q1 > respondents',
      withSurvey({ respondents: 100 }),
      /organizations\[0\]\.survey\.q1: .*респондентов respondents \(100\)/,
    ],
    [
      'an unknown kind',
      withOrg({ kind: 'university' }),
      /organizations\[0\]\.kind: неизвестное значение/,
    ],
    [
      'an unknown switch value',
      JSON.stringify({ ...example, methodology: { denominators: 'everyone' } }),
      /methodology\.denominators: неизвестное значение "everyone"/,
    ],
    [
      'an unknown switch',
      JSON.stringify({ ...example, methodology: { rounding: 'up' } }),
      /methodology\.rounding: неизвестный параметр/,
    ],
    [
      'required < 1',
      withOrg({ stand: { present: 0, required: 0 } }),
      /organizations\[0\]\.stand\.required: должно быть не меньше 1/,
    ],
    [
      'present > required',
      withOrg({ site: { present: 60, required: 50 } }),
      /organizations\[0\]\.site\.present: /,
    ],
    [
      'duplicate ids',
      JSON.stringify({ organizations: [org, org] }),
      /organizations\[1\]\.id: повторяется id "A"/,
    ],
  ])('%s → exit 2, field named, nothing on stdout', async (_name, input, message) => {
    const r = await noko(['score', '-'], input);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('a missing file → exit 2', async () => {
    const r = await noko(['score', `${root}test/fixtures/score/no-such-file.json`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/файл не найден/);
  });

  it('is described in noko --help', async () => {
    const r = await noko(['--help']);
    expect(r.stdout).toMatch(/score \[options\] <file>/);
    expect(r.stdout).toMatch(/рассчитать показатели/);
  });
});
