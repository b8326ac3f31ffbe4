import { describe, expect, it } from 'vitest';
import {
  IMPORT_COLUMNS,
  mapHeaders,
  normalizeUrl,
  validateImportRows,
  type ImportReferences,
} from './import.ts';

const refs: ImportReferences = {
  municipalities: new Map([
    ['PRI-01', 1],
    ['городской округ приозёрск', 1],
  ]),
  founders: new Map([['UO-PRI-01', 7]]),
  currentYear: 2026,
};

const headers = IMPORT_COLUMNS.map((c) => c.header);
const { index } = mapHeaders(headers);

function row(
  over: Partial<Record<(typeof IMPORT_COLUMNS)[number]['field'], string>> = {},
): string[] {
  const base: Record<string, string> = {
    code: 'S1',
    inn: '7707083893',
    ogrn: '1027700132195',
    kpp: '695001001',
    kind: 'Общеобразовательная',
    shortName: 'МБОУ «СОШ № 1»',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «СОШ № 1»',
    municipality: 'PRI-01',
    founder: 'UO-PRI-01',
    address: 'г. Приозёрск',
    website: 'school1.example',
    email: 'school1@example.ru',
    phone: '+7 000',
    contingent: '820',
    headName: 'Иванова Анна Петровна',
    headPosition: 'Директор',
    lastAssessedYear: '2024',
    ...over,
  };
  return IMPORT_COLUMNS.map((c) => base[c.field] ?? '');
}

describe('registry import validation', () => {
  it('accepts a good row and normalizes it', () => {
    const r = validateImportRows([row()], index, refs);
    expect(r.issues).toEqual([]);
    expect(r.valid[0]).toMatchObject({
      row: 2,
      inn: '7707083893',
      kind: 'school',
      municipalityId: 1,
      founderId: 7,
      contingent: 820,
      website: 'https://school1.example/',
      lastAssessedYear: 2024,
    });
  });

  it('resolves a municipality by its name, case-insensitively', () => {
    const r = validateImportRows([row({ municipality: 'Городской округ Приозёрск' })], index, refs);
    expect(r.valid[0]?.municipalityId).toBe(1);
  });

  it.each([
    [{ inn: '' }, 'ИНН', 'не заполнено'],
    [{ inn: '7707083894' }, 'ИНН', 'неверная контрольная цифра ИНН'],
    [{ inn: '12345' }, 'ИНН', 'ИНН организации содержит 10 цифр, указано 5'],
    [{ ogrn: '123' }, 'ОГРН', 'ОГРН: 13 цифр с верной контрольной цифрой'],
    [{ kpp: 'x' }, 'КПП', 'КПП: 9 знаков, например 695001001'],
    [
      { kind: 'университет' },
      'Тип организации',
      'неизвестный тип «университет»; допустимо: Дошкольная, Общеобразовательная, Профессиональная, Дополнительного образования',
    ],
    [
      { municipality: 'Марс' },
      'Муниципальное образование',
      'нет такого муниципального образования: «Марс»',
    ],
    [{ founder: 'X' }, 'Учредитель', 'нет такого учредителя: «X»'],
    [{ contingent: '-3' }, 'Контингент обучающихся', 'нужно целое неотрицательное число'],
    [{ contingent: '12,5' }, 'Контингент обучающихся', 'нужно целое неотрицательное число'],
    [
      { website: 'не сайт' },
      'Официальный сайт',
      'неверный адрес сайта (пример: https://school1.ru/)',
    ],
    [{ email: 'a@b' }, 'Электронная почта', 'неверный адрес электронной почты'],
    [{ lastAssessedYear: '2030' }, 'Год последней независимой оценки', 'год от 2013 до 2026'],
    [{ shortName: ' ' }, 'Краткое наименование', 'не заполнено'],
  ])('reports %j', (over, column, message) => {
    const r = validateImportRows([row(over)], index, refs);
    expect(r.valid).toEqual([]);
    expect(r.issues).toContainEqual({ row: 2, column, message });
    expect(r.invalidRows).toEqual([2]);
  });

  it('reports a duplicate INN with the row where it first appears', () => {
    const r = validateImportRows([row(), row({ code: 'S2' })], index, refs);
    expect(r.valid).toHaveLength(1);
    expect(r.issues).toEqual([
      { row: 3, column: 'ИНН', message: 'ИНН 7707083893 уже встречается в строке 2' },
    ]);
  });

  it('skips blank lines and keeps row numbers as in the file', () => {
    const blank = IMPORT_COLUMNS.map(() => '');
    const r = validateImportRows([blank, row({ inn: 'bad' })], index, refs);
    expect(r.issues[0]?.row).toBe(3);
  });

  it('reports missing required columns', () => {
    const { issues } = mapHeaders(['ИНН', 'Краткое наименование']);
    expect(issues.map((i) => i.column)).toEqual([
      'Тип организации',
      'Полное наименование',
      'Муниципальное образование',
      'Учредитель',
      'Контингент обучающихся',
    ]);
  });

  it.each([
    ['school1.ru', 'https://school1.ru/'],
    ['http://a.b/x', 'http://a.b/x'],
    ['localhost', null],
    ['', null],
  ])('normalizeUrl(%s) = %s', (s, out) => expect(normalizeUrl(s)).toBe(out));
});
