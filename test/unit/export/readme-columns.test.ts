/** @module The README lists the export columns exactly as the code writes them, in order. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_COLUMNS, CAPTURE_COLUMNS } from '../../../shared/export/columns';

describe('the README export columns', () => {
  it('match the columns in order', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const table = readme.split('<!-- export-columns:start -->')[1]!.split('<!-- export-columns:end -->')[0]!;
    const row = table.trim().split('\n')[2]!.split('|').slice(1, 3);
    const names = (cell: string) => [...cell.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]);
    expect(names(row[0]!)).toEqual(CAPTURE_COLUMNS.map((c) => c.header));
    expect(names(row[1]!)).toEqual(ACTION_COLUMNS.map((c) => c.header));
  });
});
