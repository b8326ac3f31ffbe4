// Writes the sample import files of the registry browser journey (test/fixtures/registry/):
//   with-errors.xlsx — five rows for the demo region, four of them with different mistakes;
//   fixed.xlsx       — the same organizations, corrected (all five load).
// Codes are those of the demo region (src/features/demo/names.ts): PRI-01…PRI-08, UO-PRI-0N, MIN-PRI.
// Run: node scripts/make-registry-fixtures.ts
import fs from 'node:fs';
import path from 'node:path';
import { completeInn } from '../src/domain/registry/identifiers.ts';
import { IMPORT_COLUMNS, type ImportField } from '../src/domain/registry/import.ts';
import { writeWorkbook } from '../src/features/registry/spreadsheet.ts';

type Row = Partial<Record<ImportField, string | number>>;

// INNs outside the demo generator's ranges, so the fixed file adds five new organizations.
const inn = (n: number) => completeInn(`69990${String(n).padStart(4, '0')}`);

const fixed: Row[] = [
  {
    inn: inn(1),
    kind: 'Общеобразовательная',
    shortName: 'МБОУ «Озёрная СОШ»',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Озёрная средняя школа»',
    municipality: 'PRI-01',
    founder: 'UO-PRI-01',
    address: 'г. Приозёрск, ул. Озёрная, д. 5',
    website: 'https://ozernaya-school.example/',
    email: 'ozernaya@example.ru',
    contingent: 640,
    headName: 'Соколова Анна Петровна',
    headPosition: 'Директор',
    lastAssessedYear: 2023,
  },
  {
    inn: inn(2),
    kind: 'Дошкольная',
    shortName: 'МБДОУ «Детский сад „Берёзка“»',
    fullName:
      'Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад „Берёзка“»',
    municipality: 'PRI-02',
    founder: 'UO-PRI-02',
    contingent: 180,
  },
  {
    inn: inn(3),
    kind: 'Дополнительного образования',
    shortName: 'МБУ ДО «Дом творчества»',
    fullName:
      'Муниципальное бюджетное учреждение дополнительного образования «Дом детского творчества»',
    municipality: 'PRI-03',
    founder: 'UO-PRI-03',
    email: 'ddt@example.ru',
    contingent: 900,
  },
  {
    inn: inn(4),
    kind: 'Профессиональная',
    shortName: 'ГБПОУ «Приозёрский колледж»',
    fullName:
      'Государственное бюджетное профессиональное образовательное учреждение «Приозёрский колледж»',
    municipality: 'PRI-01',
    founder: 'MIN-PRI',
    contingent: 1200,
  },
  {
    inn: inn(5),
    kind: 'Общеобразовательная',
    shortName: 'МБОУ «Лесная ООШ»',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Лесная основная школа»',
    municipality: 'PRI-08',
    founder: 'UO-PRI-08',
    contingent: 95,
  },
];

function wrongCheckDigit(valid: string): string {
  return valid.slice(0, 9) + String((Number(valid[9]) + 1) % 10);
}

/** The same rows with one kind of mistake each (the first row stays correct). */
const withErrors: Row[] = [
  fixed[0]!,
  { ...fixed[1]!, inn: wrongCheckDigit(String(fixed[1]!.inn)) },
  { ...fixed[2]!, kind: 'Кружок', email: 'ddt@' },
  { ...fixed[3]!, municipality: 'PRI-99' },
  { ...fixed[4]!, contingent: 'около ста', founder: '' },
];

async function write(name: string, rows: Row[]): Promise<void> {
  const bytes = await writeWorkbook([
    {
      name: 'Организации',
      headers: IMPORT_COLUMNS.map((c) => c.header),
      rows: rows.map((r) => IMPORT_COLUMNS.map((c) => r[c.field] ?? null)),
      textColumns: [1, 2, 3, 4, 13],
    },
  ]);
  const dir = path.resolve(import.meta.dirname, '../test/fixtures/registry');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), bytes);
  console.log(`${path.relative(process.cwd(), path.join(dir, name))}: ${rows.length} строк`);
}

await write('with-errors.xlsx', withErrors);
await write('fixed.xlsx', fixed);
