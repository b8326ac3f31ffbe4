// CSV writing (RFC 4180): fields with the separator, a quote, a line break or edge spaces are
// quoted and inner quotes doubled; records end with CRLF.

export interface CsvOptions {
  separator: ',' | ';';
  /** Byte order mark first (Excel then reads UTF-8 correctly). */
  bom: boolean;
  /**
   * Neutralize spreadsheet formulas (OWASP "CSV injection"): a text starting with = + - @ or a tab
   * gets a leading apostrophe. Only for files meant to be opened in a spreadsheet.
   */
  guardFormulas: boolean;
}

export function csvField(
  value: string,
  o: Pick<CsvOptions, 'separator' | 'guardFormulas'>,
): string {
  let v = value;
  if (o.guardFormulas && /^[=+\-@\t\r]/.test(v) && !/^-?\d+([.,]\d+)?$/.test(v)) v = `'${v}`;
  const needsQuotes = v.includes(o.separator) || /["\r\n]/.test(v) || /^\s|\s$/.test(v);
  return needsQuotes ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  o: CsvOptions,
): string {
  const line = (fields: readonly string[]) => fields.map((f) => csvField(f, o)).join(o.separator);
  return `${o.bom ? '\uFEFF' : ''}${[header, ...rows].map(line).join('\r\n')}\r\n`;
}
