/**
 * @module The revoke phase: how soon a revoked person is disconnected. Each sample connects one
 * person with a personal token, revokes them the way `npm run revoke -- <ws> --member <id>` does
 * (another process changes the people table; the server notices by itself) and times until the
 * socket closes with 4401. One person at a time, so a sample is never queued behind another.
 */
import WebSocket from 'ws';
import { revokeMember } from '../../sync-server/auth/invites';
import { median } from '../stats';
import type { ServerHandle } from './servers';
import { tokensFor } from './servers';

export interface RevokeResult { samples: number[]; median: number; max: number }

const ROOM = 'revoke-bench';

export async function measureRevocation(server: ServerHandle, count: number): Promise<RevokeResult> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const member = `mem_rev${i}`;
    const [token] = tokensFor([server.dataDir], ROOM, [member]);
    const socket = new WebSocket(`${server.url}/${ROOM}?token=${encodeURIComponent(token!)}`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const started = performance.now();
    revokeMember(server.dataDir, ROOM, member);
    const code = await Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(-1), 10_000))]);
    if (code !== 4401) {
      socket.terminate();
      throw new Error(`revoked member ${member} was not disconnected with 4401 within 10 s (got ${code})`);
    }
    samples.push(performance.now() - started);
    // Spread the samples over the server's recheck cycle rather than locking onto its phase.
    await new Promise((resolve) => setTimeout(resolve, 37 + (i * 53) % 200));
  }
  return { samples, median: median(samples), max: Math.max(...samples) };
}
