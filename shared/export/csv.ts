/**
 * @module CSV that spreadsheets and BI tools read back exactly: RFC 4180 (CRLF line ends, a field
 * holding a comma, quote, CR or LF is quoted, inner quotes doubled), a UTF-8 byte order mark so
 * Excel reads the text as UTF-8, one header row, and spreadsheet formulas neutralised: a text
 * cell starting with = + - @, tab or carriage return gets a leading ' (OWASP CSV injection).
 * Numbers are written as numbers, untouched.
 */

export type CsvValue = string | number | boolean | null | undefined;

/** The byte order mark that tells Excel the file is UTF-8. */
export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: a formula-looking text neutralised, then quoted when it must be. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + CSV_EOL;
}

/** The whole file as pieces (BOM and header first), so a large export can be streamed row by row. */
export function* csvLines<T>(columns: readonly { header: string; value(row: T): CsvValue }[], rows: Iterable<T>): Generator<string> {
  yield CSV_BOM + csvRow(columns.map((c) => c.header));
  for (const row of rows) yield csvRow(columns.map((c) => c.value(row)));
}

/** Parses RFC 4180 text back into rows (for tests and imports): quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.startsWith(CSV_BOM) ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}
