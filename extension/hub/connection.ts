/**
 * @module Keeps the workspace socket up: reconnects with jittered exponential backoff, and tells
 * "offline", "server unreachable" and "token refused" apart. Browsers hide the HTTP status of a
 * refused WebSocket upgrade, so after a failed attempt we ask the server's `/auth` endpoint.
 */

/** The part of y-websocket's WebsocketProvider this module drives. */
export interface SocketProvider {
  shouldConnect: boolean;
  wsconnected: boolean;
  synced: boolean;
  connect(): void;
  on(event: 'status' | 'sync' | 'connection-close', listener: (...args: any[]) => void): void;
  off(event: 'status' | 'sync' | 'connection-close', listener: (...args: any[]) => void): void;
}

export type AuthAnswer = { ok: true } | { ok: false; refused: true; reason: string } | { ok: false; refused: false; reason: string };

export type LinkState =
  | { state: 'connecting' }
  | { state: 'connected' }
  | { state: 'offline' }
  | { state: 'unreachable'; reason: string; retryAt: number }
  /** `token`: the invite is not (or no longer) accepted; `server`: the server refused for another reason. */
  | { state: 'refused'; reason: string; by: 'token' | 'server' };

export interface ConnectionDeps {
  provider: SocketProvider;
  checkAuth(): Promise<AuthAnswer>;
  isOnline(): boolean;
  onChange(state: LinkState): void;
  random?: () => number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export const BACKOFF = { firstMs: 500, maxMs: 15_000 } as const;

/** Equal jitter: half the exponential step plus a random half, so a fleet of clients spreads out. */
export function backoffDelay(attempt: number, random: () => number): number {
  const step = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

export interface Connection {
  /** Connects now, resetting the backoff (a person asked, or the network came back). */
  retryNow(): void;
  stop(): void;
}

export function manageConnection(deps: ConnectionDeps): Connection {
  const { provider } = deps;
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let attempts = 0;
  let timer: unknown = null;
  let stopped = false;
  let opened = false;

  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') opened = true;
    if (status === 'connecting' || status === 'connected') deps.onChange({ state: 'connecting' });
  };
  const onSync = (synced: boolean) => {
    if (!synced) return;
    attempts = 0;
    deps.onChange({ state: 'connected' });
  };
  const onClose = (event: { code?: number; reason?: string } | null) => {
    if (stopped) return;
    // Take reconnection over from the provider, whose backoff has no jitter.
    provider.shouldConnect = false;
    const wasOpen = opened;
    opened = false;
    if (event && event.code !== undefined && event.code >= 4400 && event.code < 4500) {
      deps.onChange({ state: 'refused', ...closeReason(event.code, event.reason) });
      return;
    }
    attempts++;
    if (!deps.isOnline()) {
      deps.onChange({ state: 'offline' });
      schedule();
      return;
    }
    if (wasOpen) {
      schedule();
      deps.onChange({ state: 'unreachable', reason: 'The connection to the server dropped.', retryAt: retryAt });
      return;
    }
    void deps.checkAuth().then((answer) => {
      if (stopped || provider.wsconnected) return;
      if (!answer.ok && answer.refused) {
        deps.onChange({ state: 'refused', reason: answer.reason, by: 'token' });
        return;
      }
      schedule();
      const reason = answer.ok ? 'The server accepted the token but the connection failed.' : answer.reason;
      deps.onChange({ state: 'unreachable', reason, retryAt });
    });
  };

  let retryAt = 0;
  function schedule() {
    if (timer !== null) clearTimer(timer);
    const delay = backoffDelay(attempts, random);
    retryAt = now() + delay;
    timer = setTimer(() => {
      timer = null;
      if (!stopped) provider.connect();
    }, delay);
  }

  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('connection-close', onClose);
  deps.onChange({ state: 'connecting' });
  provider.connect();

  return {
    retryNow() {
      if (stopped) return;
      if (timer !== null) clearTimer(timer);
      timer = null;
      attempts = 0;
      if (!provider.wsconnected) {
        deps.onChange({ state: 'connecting' });
        provider.connect();
      }
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
    },
  };
}

/** Asks the server whether it accepts this token, without opening a socket. */
export async function probeAuth(server: string, workspace: string, token: string, fetchImpl: typeof fetch = fetch): Promise<AuthAnswer> {
  const url = `${server.replace(/^ws/, 'http')}/auth?workspace=${encodeURIComponent(workspace)}`;
  try {
    const response = await fetchImpl(url, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
    if (response.ok) return { ok: true };
    if (response.status === 401 || response.status === 403) {
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      return { ok: false, refused: true, reason: refusalWords(body.error) };
    }
    if (response.status === 429) {
      return { ok: false, refused: false, reason: 'Too many failed sign-ins from this network; the server asks to wait a minute.' };
    }
    return { ok: false, refused: false, reason: `The server answered ${response.status}.` };
  } catch {
    return { ok: false, refused: false, reason: 'The server did not answer.' };
  }
}

/** The server's deliberate closes (4400-4499: reconnecting cannot help) in words. */
export function closeReason(code: number, reason = ''): { reason: string; by: 'token' | 'server' } {
  switch (code) {
    case 4401: return { reason: withdrawnWords(reason), by: 'token' };
    case 4403: return {
      reason: 'The server refused a change from this device because it was written as someone else. Ask your administrator; reconnecting cannot help.',
      by: 'server',
    };
    case 4413: return { reason: 'The workspace reached the server’s size limit; ask your administrator.', by: 'server' };
    case 4408: return { reason: 'The server could not check a change in time; use “Reconnect now” to try again.', by: 'server' };
    case 4400: return { reason: 'The server rejected a damaged message from this device; use “Reconnect now”.', by: 'server' };
    default: return { reason: reason || `The server closed the connection (code ${code}).`, by: 'server' };
  }
}

function refusalWords(code: string | undefined): string {
  switch (code) {
    case 'revoked': return 'This invite was revoked by an administrator; ask for a new one.';
    case 'expired': return 'This invite has expired; ask for a new one.';
    case 'wrong_workspace': return 'This invite belongs to another workspace.';
    case 'member_revoked': return MEMBER_REVOKED;
    case 'unknown_member': return 'The server does not know the person this invite is for; ask your administrator for a new one.';
    case 'shared_off': return SHARED_OFF;
    default: return 'The server refused this invite; ask for a new one.';
  }
}

const MEMBER_REVOKED = 'An administrator revoked your access to this workspace. Ask them if you need it back.';
const SHARED_OFF = 'Shared invites were turned off for this workspace; ask your administrator for a personal invite.';

/** 4401: the server's close reason says which access was withdrawn (sync-server/http/upgrade.ts REFUSAL_TEXT). */
function withdrawnWords(reason: string): string {
  if (reason === 'member revoked') return MEMBER_REVOKED;
  if (reason.startsWith('shared invites turned off')) return SHARED_OFF;
  if (reason === 'token expired') return 'This invite has expired; ask for a new one.';
  return 'This invite was revoked or has expired; ask for a new one.';
}
