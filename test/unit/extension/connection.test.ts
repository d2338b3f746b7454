import { describe, expect, it } from 'vitest';
import { backoffDelay, BACKOFF, manageConnection, type AuthAnswer, type LinkState, type SocketProvider } from '../../../extension/hub/connection';
import { prng } from '../../helpers/random';

/** A stand-in for y-websocket's provider that records connects and lets the test fire its events. */
function fakeProvider() {
  const listeners = new Map<string, Set<(...args: any[]) => void>>();
  const provider: SocketProvider & { connects: number; emit(event: string, ...args: any[]): void } = {
    shouldConnect: false, wsconnected: false, synced: false, connects: 0,
    connect() { this.shouldConnect = true; this.connects++; },
    on(event, listener) { (listeners.get(event) ?? listeners.set(event, new Set()).get(event)!).add(listener); },
    off(event, listener) { listeners.get(event)?.delete(listener); },
    emit(event, ...args) { listeners.get(event)?.forEach((l) => l(...args)); },
  };
  return provider;
}

function harness(auth: AuthAnswer = { ok: false, refused: false, reason: 'The server did not answer.' }, online = true) {
  const provider = fakeProvider();
  const states: LinkState[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const connection = manageConnection({
    provider,
    checkAuth: async () => auth,
    isOnline: () => online,
    onChange: (s) => states.push(s),
    random: () => 0.5,
    now: () => 1_000,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => {},
  });
  return { provider, states, timers, connection };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('connection manager', () => {
  it('reports connected once synced and resets the backoff', () => {
    const { provider, states } = harness();
    expect(provider.connects).toBe(1);
    provider.emit('status', { status: 'connected' });
    provider.emit('sync', true);
    expect(states.at(-1)).toEqual({ state: 'connected' });
  });

  it('asks /auth after a failed upgrade and stops for good when the token is refused', async () => {
    const { provider, states, timers } = harness({ ok: false, refused: true, reason: 'This invite was revoked by an administrator; ask for a new one.' });
    provider.emit('connection-close', { code: 1006, reason: '' });
    await flush();
    expect(states.at(-1)).toEqual({ state: 'refused', reason: 'This invite was revoked by an administrator; ask for a new one.', by: 'token' });
    expect(timers).toHaveLength(0);
    expect(provider.shouldConnect).toBe(false);
  });

  it('treats a 44xx close from the server as refused without asking again, in honest words', () => {
    const { provider, states } = harness();
    provider.emit('status', { status: 'connected' });
    provider.emit('connection-close', { code: 4401, reason: 'token revoked' });
    expect(states.at(-1)).toEqual({ state: 'refused', reason: 'This invite was revoked or has expired; ask for a new one.', by: 'token' });
    provider.emit('connection-close', { code: 4413, reason: 'document too large' });
    expect(states.at(-1)).toMatchObject({ state: 'refused', by: 'server', reason: expect.stringContaining('size limit') });
  });

  it('says which access was withdrawn, and why a change was refused', () => {
    const { provider, states } = harness();
    const words = (code: number, reason: string) => {
      provider.emit('connection-close', { code, reason });
      return states.at(-1);
    };
    expect(words(4401, 'member revoked')).toEqual({ state: 'refused', by: 'token', reason: 'An administrator revoked your access to this workspace. Ask them if you need it back.' });
    expect(words(4401, 'shared invites turned off for this workspace')).toMatchObject({ by: 'token', reason: expect.stringMatching(/^Shared invites were turned off/) });
    expect(words(4401, 'token expired')).toMatchObject({ reason: 'This invite has expired; ask for a new one.' });
    expect(words(4403, 'refused: activity/evt_x/actor: actor is mem_b, not the writer mem_a')).toMatchObject({
      by: 'server', reason: expect.stringMatching(/written as someone else/),
    });
  });

  it('retries an unreachable server with growing, jittered delays', async () => {
    const { provider, states, timers } = harness();
    for (let i = 0; i < 3; i++) {
      provider.emit('connection-close', { code: 1006 });
      await flush();
      timers.at(-1)!.fn();
    }
    expect(states.at(-1)).toMatchObject({ state: 'unreachable', reason: 'The server did not answer.' });
    expect(timers.map((t) => t.ms)).toEqual([375, 750, 1500]);
    expect(provider.connects).toBe(4);
  });

  it('says offline when the browser has no network', async () => {
    const { provider, states } = harness(undefined, false);
    provider.emit('connection-close', { code: 1006 });
    expect(states.at(-1)).toEqual({ state: 'offline' });
  });

  it('reconnects at once when asked, and does nothing after stop', () => {
    const { provider, connection } = harness();
    connection.retryNow();
    expect(provider.connects).toBe(2);
    connection.stop();
    connection.retryNow();
    expect(provider.connects).toBe(2);
  });
});

describe('backoff', () => {
  it('stays between half and all of the capped exponential step', () => {
    const rng = prng(3);
    for (let attempt = 1; attempt < 20; attempt++) {
      const step = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** (attempt - 1));
      const delay = backoffDelay(attempt, rng.next);
      expect(delay).toBeGreaterThanOrEqual(step / 2);
      expect(delay).toBeLessThanOrEqual(step);
    }
  });
});
