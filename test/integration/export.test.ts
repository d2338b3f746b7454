/**
 * @module The export endpoint on the real server: a viewer token gets CSV that a standard CSV parser
 * (csv-parse) reads back to the same records, JSON with the same fields; the body is streamed in
 * chunks; a bad token is 401, a bad kind or format 400.
 */
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initWorkspace } from '../../shared/doc/init';
import { ACTION_COLUMNS, CAPTURE_COLUMNS, jsonRecord } from '../../shared/export/columns';
import { documentActions, documentCaptures, documentExportContext } from '../../shared/export/document-records';
import { addCapture } from '../../shared/mutations/captures';
import { createDiskStorage } from '../../sync-server/storage/disk-storage';
import { seedDemoWorkspace } from '../helpers/demo-workspace';
import { sampleCapture } from '../helpers/workspace';
import { disposeServer, startTestServer, tempDataDir, type TestServer } from './helpers/test-server';

const WORKSPACE = 'acme-export';
/** Text a spreadsheet must not run and a parser must not split. */
const HOSTILE = ['=HYPERLINK("http://evil.example","click")', '+1 555 0100, call me', '-5 stars, "never again"', '@channel\nsecond line',
  '\tindented', 'Great 👍🏽 service — très bien, 很好\r\nand a CRLF'];
let server: TestServer;
let doc: Y.Doc;

beforeAll(async () => {
  const dataDir = tempDataDir();
  doc = new Y.Doc();
  initWorkspace(doc, { name: 'Acme' });
  seedDemoWorkspace(doc, { captures: 1_500, actions: 120, now: Date.UTC(2026, 10, 20) });
  const ctx = { doc, actor: 'mem_alexrivera0001', now: () => Date.UTC(2026, 10, 21) };
  HOSTILE.forEach((text, i) => addCapture(ctx, sampleCapture({ text, note: i % 2 ? '=1+1' : 'note, with "quotes"', tags: ['csv', `t${i}`] })));
  const storage = await createDiskStorage(join(dataDir, 'workspaces'));
  await storage.append(WORKSPACE, Y.encodeStateAsUpdate(doc));
  await storage.close();
  server = await startTestServer({ dataDir });
});
afterAll(() => disposeServer(server));

const get = (path: string, token?: string | null, method = 'GET') =>
  fetch(`${server.httpUrl}${path}`, { method, headers: token ? { Authorization: `Bearer ${token}` } : {} });
const exportPath = (query: string) => `/v1/workspaces/${WORKSPACE}/export?${query}`;

/** What each field of a record should read back as: the CSV text of its value, a formula neutralised. */
const expectedField = (value: unknown) => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return String(value);
};

describe('GET /v1/workspaces/<id>/export', () => {
  it('gives a viewer CSV that a standard parser reads back to the same records', async () => {
    const res = await get(exportPath('kind=captures&format=csv'), server.token(WORKSPACE, 'viewer'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="closeloop-acme-export-captures-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte order mark
    const text = new TextDecoder().decode(bytes);
    expect(text.includes('\r\n')).toBe(true);
    const rows: string[][] = parse(text, { bom: true, relax_column_count: false });
    const ctx = documentExportContext(doc);
    const records = [...documentCaptures(doc)];
    expect(rows[0]).toEqual(CAPTURE_COLUMNS.map((c) => c.header));
    expect(rows.length - 1).toBe(records.length);
    // The demo adds the cadence's own captures (an escalation) to the 1,500 asked for.
    expect(records.length).toBeGreaterThanOrEqual(1_500 + HOSTILE.length);
    rows.slice(1).forEach((row, i) => expect(row).toEqual(CAPTURE_COLUMNS.map((c) => expectedField(c.value(records[i]!, ctx)))));
    // The hostile texts came back whole, formulas behind a quote, emoji and line breaks intact.
    const texts = new Map(rows.slice(1).map((row) => [row[0], row[5]]));
    for (const original of HOSTILE) {
      const record = records.find((r) => r.text === original.trim())!;
      expect(texts.get(record.id)).toBe(expectedField(record.text));
    }
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  });

  it('gives actions as JSON with the CSV column names, sets as arrays', async () => {
    const res = await get(exportPath('kind=actions&format=json'), server.token(WORKSPACE, 'viewer'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await res.json() as Record<string, unknown>[];
    const ctx = documentExportContext(doc);
    const actions = [...documentActions(doc)];
    expect(body.length).toBeGreaterThanOrEqual(120); // and the demo cadence's proposals
    expect(body).toEqual(actions.map((a) => jsonRecord(ACTION_COLUMNS, a, ctx)));
    expect(Array.isArray(body[0]!.capture_ids)).toBe(true);
  });

  it('streams the body in chunks rather than as one buffer', async () => {
    const res = await get(exportPath('kind=captures&format=json'), server.token(WORKSPACE, 'viewer'));
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    let chunks = 0;
    let length = 0;
    const reader = res.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks++;
      length += read.value.byteLength;
    }
    expect(length).toBeGreaterThan(500_000);
    expect(chunks).toBeGreaterThan(3);
  });

  it('refuses a bad token with 401 and a bad parameter with 400', async () => {
    const viewer = server.token(WORKSPACE, 'viewer');
    const cases: [string, string | null, number, string][] = [
      [exportPath('kind=captures&format=csv'), null, 401, 'missing'],
      [exportPath('kind=captures&format=csv'), 'v1.nonsense.sig', 401, 'bad_signature'],
      [exportPath('kind=captures&format=csv'), server.token('other-workspace', 'viewer'), 401, 'wrong_workspace'],
      [exportPath('kind=members&format=csv'), viewer, 400, 'bad_kind'],
      [exportPath('format=csv'), viewer, 400, 'bad_kind'],
      [exportPath('kind=captures&format=xlsx'), viewer, 400, 'bad_format'],
      ['/v1/workspaces/Not_An_Id/export?kind=captures', viewer, 400, 'bad_workspace'],
    ];
    for (const [path, token, status, error] of cases) {
      const res = await get(path, token);
      expect(res.status, `${path} with ${token ? 'a token' : 'no token'}`).toBe(status);
      expect(((await res.json()) as { error: string }).error).toBe(error);
    }
    expect((await get(exportPath('kind=captures'), viewer, 'POST')).status).toBe(405);
    // Without a format it is CSV.
    const csv = await get(exportPath('kind=actions'), viewer);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    await csv.arrayBuffer();
  });
});
