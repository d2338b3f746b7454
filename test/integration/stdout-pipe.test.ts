/**
 * @module The server whose stdout goes away (the terminal closed, the log pipe died): every log line
 * then fails with EPIPE. Logging must never take the server down or keep it up: it keeps serving,
 * does not spin (CPU time measured from /proc), and exits 0 on SIGTERM.
 */
import { readFileSync } from 'node:fs';
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

/** User + system CPU time of a process so far, in ms (Linux /proc, 10 ms ticks). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

describe('a server whose stdout pipe closed', () => {
  it('keeps serving, does not spin, and exits 0 on SIGTERM within 10 s', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const child = await spawnServer(dir, { LOG_LEVEL: 'debug' });
    children.push(child);
    const pid = child.process.pid!;
    const token = signToken(loadOrCreateSecret(dir), { workspace: 'acme', role: 'editor', generation: 0 });

    // Close our end of its stdout: from now on every line it logs fails with EPIPE.
    child.process.stdout!.destroy();
    const a = await synced(connectClient(child.url, 'acme', token), 'a to sync after stdout closed');
    const b = await synced(connectClient(child.url, 'acme', token), 'b to sync after stdout closed');
    const text = capture(a.doc);
    await waitFor('b to receive a capture', () => captureTexts(b.doc).includes(text));

    // A window of ordinary work that logs (connections opening and closing, health checks): a
    // process caught in an EPIPE loop burns a whole core here; a healthy one almost nothing.
    const cpuBefore = cpuMs(pid);
    const started = Date.now();
    let answers = 0;
    while (Date.now() - started < 3000) {
      const c = await synced(connectClient(child.url, 'acme', token), 'another client to sync');
      c.destroy();
      const health = await fetch(`${child.url.replace('ws', 'http')}/healthz`);
      if (health.ok) answers++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const busyShare = (cpuMs(pid) - cpuBefore) / (Date.now() - started);
    expect(answers).toBeGreaterThan(5);
    expect(busyShare).toBeLessThan(0.5);

    child.process.kill('SIGTERM');
    const exit = await Promise.race([
      child.exited,
      new Promise((resolve) => setTimeout(() => resolve('still running after 10 s'), 10_000)),
    ]);
    expect(exit).toEqual({ code: 0, signal: null });
  });
});
