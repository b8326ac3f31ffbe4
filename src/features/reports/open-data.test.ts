// Open data (CSV, JSON) and the bus.gov.ru CSV: columns, encoding, separators, decimal marks,
// escaping of names with commas and quotes, formula guarding for spreadsheets.
import { describe, expect, it } from 'vitest';
import { busGovCsv } from './busgov.ts';
import { csvField, toCsv } from './csv.ts';
import { OPEN_DATA_FIELDS, openDataCsv, openDataJson, openDataStructureCsv } from './open-data.ts';
import { reportsFixture } from './reports.fixture.ts';
import { FIXTURE_IDS, org } from './reports.test-support.ts';

const results = reportsFixture();
const tricky = org(results, FIXTURE_IDS.tieA);
tricky.fullName = 'МБОУ "Школа, где учатся", г. Каменск';
tricky.councilProposals = '=HYPERLINK("http://evil")';

/** RFC 4180 parser for the tests (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) field += c;
    else if (c === '"') quoted = true;
    else if (c === sep) endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  return rows;
}

describe('open data CSV', () => {
  const bytes = openDataCsv(results);
  const text = bytes.toString('utf8');
  const rows = parseCsv(text, ',');
  const header = rows[0]!;
  const record = (id: number) =>
    Object.fromEntries(
      header.map((h, i) => [
        h,
        rows.find((r) => r[header.indexOf('organization_id')] === String(id))![i],
      ]),
    );

  it('is UTF-8 without BOM, comma-separated, CRLF, with Latin field codes', () => {
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(header).toEqual(OPEN_DATA_FIELDS.map((f) => f.code));
    for (const code of header) expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(header).toEqual(
      expect.arrayContaining([
        'inn',
        'i_1_1',
        'i_5_3',
        'k1',
        'k5',
        'total',
        'band',
        'rank_kind',
        'respondents',
      ]),
    );
    expect(rows).toHaveLength(results.organizations.length + 1);
  });

  it('writes numbers with a point and two decimals, empty for not applicable', () => {
    const worked = record(FIXTURE_IDS.workedExample);
    expect(worked).toMatchObject({
      total: '84.44',
      k1: '89.30',
      i_1_1: '85.00',
      band: 'отлично',
      respondents: '200',
      below_sample: 'false',
      ranked: 'true',
      denominators: 'filter',
      run_version: '2',
    });
    const none = record(FIXTURE_IDS.insufficient);
    expect(none.total).toBe('');
    expect(none.i_5_3).toBe('');
  });

  it('quotes fields with commas and quotes (RFC 4180)', () => {
    expect(text).toContain('"МБОУ ""Школа, где учатся"", г. Каменск"');
    expect(record(FIXTURE_IDS.tieA).full_name).toBe(tricky.fullName);
  });

  it('JSON has the same fields, numbers as numbers and null for empty', () => {
    const json = JSON.parse(openDataJson(results).toString('utf8')) as Record<string, unknown>[];
    expect(json).toHaveLength(results.organizations.length);
    expect(Object.keys(json[0]!)).toEqual(header);
    const worked = json.find((r) => r.organization_id === FIXTURE_IDS.workedExample)!;
    expect(worked).toMatchObject({
      total: 84.44,
      k1: 89.3,
      ranked: true,
      inn: org(results, FIXTURE_IDS.workedExample).inn,
    });
    expect(json.find((r) => r.organization_id === FIXTURE_IDS.insufficient)!.total).toBeNull();
  });

  it('describes its structure (code, description, format)', () => {
    const structure = parseCsv(openDataStructureCsv().toString('utf8'), ',');
    expect(structure[0]).toEqual(['field', 'description', 'format']);
    expect(structure.find((r) => r[0] === 'total')![2]).toBe('number');
  });
});

describe('bus.gov.ru CSV', () => {
  const bytes = busGovCsv(results);
  const text = bytes.toString('utf8');

  it('is for Excel: BOM, semicolons, decimal commas', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(text.slice(1), ';');
    expect(rows[0]!.slice(0, 4)).toEqual([
      'ИНН',
      'Полное наименование организации',
      'Год проведения оценки',
      'Показатель 1.1',
    ]);
    const worked = rows.find((r) => r[0] === org(results, FIXTURE_IDS.workedExample).inn)!;
    expect(worked).toContain('84,44');
    expect(worked[rows[0]!.indexOf('Число респондентов')]).toBe('200');
  });

  it('neutralizes formulas in text fields', () => {
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});

describe('csv helpers', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    [' edge', '" edge"'],
  ])('csvField(%j) = %j', (value, out) => {
    expect(csvField(value, { separator: ',', guardFormulas: false })).toBe(out);
  });

  it('keeps negative numbers intact when guarding formulas', () => {
    expect(csvField('-12,5', { separator: ';', guardFormulas: true })).toBe('-12,5');
    expect(csvField('@SUM(A1)', { separator: ';', guardFormulas: true })).toBe("'@SUM(A1)");
    expect(toCsv(['a'], [['1']], { separator: ',', bom: true, guardFormulas: false })).toBe(
      '\uFEFFa\r\n1\r\n',
    );
  });
});
