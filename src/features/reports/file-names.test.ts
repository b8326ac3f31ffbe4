// Download names and Content-Disposition (RFC 6266 + RFC 5987).
import { describe, expect, it } from 'vitest';
import { contentDisposition, fileNames, rfc5987, safeName } from './file-names.ts';
import { reportsFixture } from './reports.fixture.ts';
import { FIXTURE_IDS, org } from './reports.test-support.ts';

const results = reportsFixture({ organizations: 6 });

describe('file names', () => {
  it('names each format after the campaign, region and version', () => {
    expect(fileNames(results, 'docx')).toEqual({
      filename: 'НОК-2026-Приозёрская-область-аналитический-отчёт-в2.docx',
      asciiFilename: 'nok-2026-report-v2.docx',
    });
    expect(fileNames(results, 'busgov-csv').asciiFilename).toBe('nok-2026-busgov-v2.csv');
    const o = org(results, FIXTURE_IDS.workedExample);
    expect(fileNames(results, 'card', o).filename).toBe(
      `НОК-2026-${o.inn}-МБОУ-СОШ-4-карточка-в2.pdf`,
    );
  });

  it('keeps only letters, digits, dots and dashes', () => {
    expect(safeName('МБОУ «СОШ № 4» / г. Каменск')).toBe('МБОУ-СОШ-4-г.-Каменск');
  });

  it('encodes the UTF-8 name per RFC 5987 with an ASCII fallback', () => {
    expect(rfc5987("отчёт (1)'*.pdf")).toBe('%D0%BE%D1%82%D1%87%D1%91%D1%82%20%281%29%27%2A.pdf');
    expect(contentDisposition({ filename: 'отчёт.pdf', asciiFilename: 'report "1".pdf' })).toBe(
      `attachment; filename="report _1_.pdf"; filename*=UTF-8''%D0%BE%D1%82%D1%87%D1%91%D1%82.pdf`,
    );
  });
});
