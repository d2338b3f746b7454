import { describe, expect, it } from 'vitest';
import { csvField, csvLines, csvRow, CSV_BOM, parseCsv } from '../../../shared/export/csv';

describe('the CSV writer', () => {
  it('quotes what must be quoted, doubles inner quotes and ends rows with CRLF', () => {
    expect(csvRow(['plain', 'with, comma', 'say "hi"', 'two\nlines', 'cr\rhere'])).toBe('plain,"with, comma","say ""hi""","two\nlines","cr\rhere"\r\n');
    expect(csvField('')).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('keeps emoji and other scripts as they are', () => {
    expect(csvField('Great 👍🏽 service — très bien, 很好')).toBe('"Great 👍🏽 service — très bien, 很好"');
    expect(csvField('👍')).toBe('👍');
  });

  it('neutralises every formula prefix with a leading quote, numbers untouched', () => {
    expect(['=SUM(A1)', '+1', '-2+3', '@cmd', '\tTab', '\rCR'].map(csvField)).toEqual(["'=SUM(A1)", "'+1", "'-2+3", "'@cmd", "'\tTab", "\"'\rCR\""]);
    expect(csvField('=HYPERLINK("http://x","click")')).toBe(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect([-5, 0, 3.5, 1e21].map(csvField)).toEqual(['-5', '0', '3.5', '1e+21']);
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField('a=b')).toBe('a=b'); // only a leading character is a formula
  });

  it('starts with a UTF-8 byte order mark and one header row, and reads back to the same fields', () => {
    const rows = [
      { id: 'cap_1', text: 'Line one\r\nline two, "quoted"', rating: 2 },
      { id: 'cap_2', text: '=cmd|" /C calc"!A0', rating: null },
      { id: 'cap_3', text: '🙂 emoji', rating: 5 },
    ];
    const columns = [
      { header: 'id', value: (r: (typeof rows)[number]) => r.id },
      { header: 'text', value: (r: (typeof rows)[number]) => r.text },
      { header: 'rating', value: (r: (typeof rows)[number]) => r.rating },
    ];
    const text = [...csvLines(columns, rows)].join('');
    expect(text.startsWith(`${CSV_BOM}id,text,rating\r\n`)).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['id', 'text', 'rating'],
      ['cap_1', 'Line one\r\nline two, "quoted"', '2'],
      ['cap_2', `'=cmd|" /C calc"!A0`, ''],
      ['cap_3', '🙂 emoji', '5'],
    ]);
  });
});
