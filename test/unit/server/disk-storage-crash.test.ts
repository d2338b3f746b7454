/** @module Disk storage under SIGKILL: every append that had resolved survives the process being killed. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach, open, rebuild, tempDir, WS } from './disk-storage-helpers';

cleanUpAfterEach();

describe('disk storage under SIGKILL', () => {
  const child = fileURLToPath(new URL('./disk-storage-child.ts', import.meta.url));

  /** Runs the child until it has acknowledged `atLeast` appends, kills it, returns every acknowledged n. */
  async function killMidStream(dir: string, mode: string, atLeast: number): Promise<number[]> {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dir, WS, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: number[] = [];
    let stderr = '';
    let buffered = '';
    proc.stderr.on('data', (d) => { stderr += d; });
    proc.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) acked.push(Number(line.slice(3)));
      if (acked.length >= atLeast && proc.exitCode === null) proc.kill('SIGKILL');
    });
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      proc.on('close', (c, s) => resolve([c, s])),
    );
    expect({ code, signal, stderr }).toEqual({ code: null, signal: 'SIGKILL', stderr: '' });
    return acked;
  }

  it.each(['append', 'compact'])('keeps every append that had resolved (%s mode)', async (mode) => {
    const dir = await tempDir();
    const acked = await killMidStream(dir, mode, 1_500);
    expect(acked.length).toBeGreaterThanOrEqual(1_500);

    const storage = await open(dir);
    const map = rebuild(await storage.load(WS)).getMap('m');
    const missing = acked.filter((n) => !map.has(`k${n}`));
    expect(missing).toEqual([]);
  }, 30_000);
});
