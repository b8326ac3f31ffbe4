// Contracts of the documents and exports of campaign results: the formats, what each is, and the
// inputs of buildReport / buildCard (shared by the API, the download page and `noko report`).
import { z } from '@hono/zod-openapi';

export const REPORT_FORMATS = [
  'docx',
  'pdf',
  'xlsx',
  'csv',
  'json',
  'busgov-xlsx',
  'busgov-csv',
] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface FormatInfo {
  title: string;
  description: string;
  extension: string;
  contentType: string;
}

export const FORMAT_INFO: Record<ReportFormat, FormatInfo> = {
  docx: {
    title: 'Аналитический отчёт (DOCX)',
    description:
      'Методика, выборка, результаты по критериям и показателям, рейтинги, недостатки и рекомендации, приложение — страница на каждую организацию. Редактируется в Word и LibreOffice.',
    extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  pdf: {
    title: 'Аналитический отчёт (PDF)',
    description: 'Тот же отчёт для печати и публикации.',
    extension: 'pdf',
    contentType: 'application/pdf',
  },
  xlsx: {
    title: 'Таблица результатов (XLSX)',
    description:
      'Листы «Итоги», «Исходные данные», «Доли и интервалы», «Недостатки», «Муниципалитеты», «Методика».',
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  csv: {
    title: 'Открытые данные (CSV)',
    description:
      'Набор открытых данных: UTF-8, разделитель — запятая, коды полей латиницей, дробная часть через точку.',
    extension: 'csv',
    contentType: 'text/csv; charset=utf-8',
  },
  json: {
    title: 'Открытые данные (JSON)',
    description: 'Те же поля, что в CSV, массивом объектов.',
    extension: 'json',
    contentType: 'application/json; charset=utf-8',
  },
  'busgov-xlsx': {
    title: 'Для bus.gov.ru (XLSX)',
    description:
      'ИНН, наименование, год, показатели 1.1–5.3, критерии, итоговый балл, число респондентов и предложения общественного совета.',
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  'busgov-csv': {
    title: 'Для bus.gov.ru (CSV)',
    description: 'Та же таблица для Excel: UTF-8 с BOM, точка с запятой, десятичная запятая.',
    extension: 'csv',
    contentType: 'text/csv; charset=utf-8',
  },
};

const id = (name: string) =>
  z.coerce
    .number({ error: `${name}: ожидается число` })
    .int(`${name}: ожидается целое число`)
    .positive(`${name}: ожидается положительное число`);

export const BuildReportInput = z.object({
  campaignId: id('campaignId'),
  version: id('version').optional(),
  format: z.enum(REPORT_FORMATS, {
    error: `format: один из ${REPORT_FORMATS.join(', ')}`,
  }),
});
export type BuildReportInput = z.infer<typeof BuildReportInput>;

export const BuildCardInput = z.object({
  campaignId: id('campaignId'),
  organizationId: id('organizationId'),
  version: id('version').optional(),
});
export type BuildCardInput = z.infer<typeof BuildCardInput>;

/** A built document: what a download answers with. */
export interface ReportFile {
  /** Russian file name (sent as RFC 5987 `filename*`). */
  filename: string;
  /** ASCII fallback for old clients (`filename=`). */
  asciiFilename: string;
  contentType: string;
  body: Buffer;
}
