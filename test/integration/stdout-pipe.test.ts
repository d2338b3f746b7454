/**
 * @module The server whose stdout goes away (the terminal closed, the log pipe died): every log line
 * then fails with EPIPE. Logging must never take the server down or keep it up: it keeps serving,
 * drops each line once (`closeloop_log_lines_dropped_total`; a process caught in an EPIPE loop, as
 * it once was, drops lines without end), and exits 0 on SIGTERM.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateSecret } from '../../sync-server/auth/secret';
import { signToken } from '../../sync-server/auth/tokens';
import { spawnServer, type ServerChild } from './helpers/child';
import { capture, captureTexts, connectClient, destroyClients, synced } from './helpers/clients';
import { removeDir, tempDataDir } from './helpers/test-server';
import { waitFor } from './helpers/wait-for';

const children: ServerChild[] = [];
const dirs: string[] = [];

afterEach(async () => {
  destroyClients();
  for (const child of children.splice(0)) {
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    await child.exited;
  }
  for (const dir of dirs.splice(0)) removeDir(dir);
});

/** The server's count of dropped log lines, from /metrics. */
async function droppedLines(url: string): Promise<number> {
  const text = await (await fetch(`${url.replace('ws', 'http')}/metrics`)).text();
  return Number(/^closeloop_log_lines_dropped_total (\d+)$/m.exec(text)?.[1] ?? Number.NaN);
}

/** Rounds of ordinary work that logs (a connection opened, synced and closed; a health check). */
const ROUNDS = 10;
/** What one round may log at debug level: 2 lines measured, 5 times that allowed; a loop drops thousands. */
const LINES_PER_ROUND = 10;

describe('a server whose stdout pipe closed', () => {
  it('keeps serving, drops each log line once instead of looping, and exits 0 on SIGTERM within 10 s', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const child = await spawnServer(dir, { LOG_LEVEL: 'debug' });
    children.push(child);
    const token = signToken(loadOrCreateSecret(dir), { workspace: 'acme', role: 'editor', generation: 0 });

    // Close our end of its stdout: from now on every line it logs fails with EPIPE.
    child.process.stdout!.destroy();
    const a = await synced(connectClient(child.url, 'acme', token), 'a to sync after stdout closed');
    const b = await synced(connectClient(child.url, 'acme', token), 'b to sync after stdout closed');
    const text = capture(a.doc);
    await waitFor('b to receive a capture', () => captureTexts(b.doc).includes(text));

    // Ordinary work that logs, counted in lines dropped rather than timed.
    const before = await droppedLines(child.url);
    let answers = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const c = await synced(connectClient(child.url, 'acme', token), 'another client to sync');
      c.destroy();
      const health = await fetch(`${child.url.replace('ws', 'http')}/healthz`);
      if (health.ok) answers++;
    }
    const dropped = (await droppedLines(child.url)) - before;
    expect(answers).toBe(ROUNDS);
    expect(before).toBeGreaterThan(0); // the lines of the first syncs went nowhere, and were counted
    expect(dropped).toBeGreaterThan(0);
    expect(dropped).toBeLessThanOrEqual(ROUNDS * LINES_PER_ROUND);

    child.process.kill('SIGTERM');
    const exit = await Promise.race([
      child.exited,
      new Promise((resolve) => setTimeout(() => resolve('still running after 10 s'), 10_000)),
    ]);
    expect(exit).toEqual({ code: 0, signal: null });
  });
});
