/** @module Keeps the README's configuration table true: it must list exactly the server's options. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIONS } from '../../../sync-server/config';

describe('README configuration table', () => {
  it('lists every option with its default and meaning, in order', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const table = readme.split('<!-- config-table:start -->')[1]?.split('<!-- config-table:end -->')[0];
    expect(table, 'README has no config table markers').toBeDefined();
    const rows = table!.trim().split('\n').slice(2).map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
    expect(rows).toEqual(OPTIONS.map((o) => [`\`${o.env}\``, `\`${o.default}\``, o.doc]));
  });
});
