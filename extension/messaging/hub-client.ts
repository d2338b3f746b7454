/**
 * @module The client side of the hub contract, for extension pages and content scripts. Keeps one
 * port open while it has live queries, and reconnects (re-subscribing) when the service worker restarts.
 */
import { browser } from 'wxt/browser';
import {
  HUB_PORT, type CommandArgs, type CommandName, type CommandResult, type HubError, type HubMessage,
  type QueryArgs, type QueryName, type QueryResult,
} from './protocol';

/** A refused or failed hub request; `code` says which. */
export class HubCallError extends Error implements HubError {
  override name = 'HubCallError';
  constructor(public readonly code: HubError['code'], message: string) {
    super(message);
  }
}

export interface HubClient {
  call<C extends CommandName>(name: C, args: CommandArgs<C>): Promise<CommandResult<C>>;
  subscribe<Q extends QueryName>(name: Q, args: QueryArgs<Q>, onValue: (value: QueryResult<Q>) => void, onError?: (error: HubCallError) => void): () => void;
  close(): void;
}

type Port = ReturnType<typeof browser.runtime.connect>;
type RuntimeLike = { connect(info: { name: string }): Port };

/**
 * `runtime` defaults to the extension's, read when the first port opens: touching `browser.runtime`
 * builds its API bindings, a few milliseconds a page that paints first should not spend before it.
 */
export function connectHub(given?: RuntimeLike): HubClient {
  let port: Port | null = null;
  let nextId = 1;
  const calls = new Map<number, { resolve(value: unknown): void; reject(error: HubCallError): void }>();
  const subs = new Map<number, { name: QueryName; args: unknown; onValue(value: unknown): void; onError?(error: HubCallError): void }>();
  let closed = false;

  const ensurePort = (): Port => {
    if (port) return port;
    const opened = (given ?? browser.runtime).connect({ name: HUB_PORT });
    port = opened;
    opened.onMessage.addListener((message: HubMessage) => {
      const call = calls.get(message.id);
      if (call && message.kind === 'result') {
        calls.delete(message.id);
        if (message.ok) call.resolve(message.value);
        else call.reject(new HubCallError(message.error.code, message.error.message));
        return;
      }
      const sub = subs.get(message.id);
      if (!sub) return;
      if (message.kind === 'update' || message.ok) sub.onValue(message.value);
      else sub.onError?.(new HubCallError(message.error.code, message.error.message));
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = null;
      for (const [id, call] of calls) {
        calls.delete(id);
        call.reject(new HubCallError('internal', 'Closeloop restarted in the background; try again.'));
      }
      // The service worker went away: come back and re-subscribe, so open pages stay live.
      if (!closed && subs.size > 0) setTimeout(resubscribe, 100);
    });
    return opened;
  };

  const resubscribe = () => {
    if (closed || port) return;
    const p = ensurePort();
    for (const [id, sub] of subs) p.postMessage({ kind: 'subscribe', id, name: sub.name, args: sub.args });
  };

  return {
    call(name, args) {
      if (closed) return Promise.reject(new HubCallError('internal', 'This page is closing.'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        calls.set(id, { resolve: resolve as (value: unknown) => void, reject });
        ensurePort().postMessage({ kind: 'command', id, name, args });
      });
    },
    subscribe(name, args, onValue, onError) {
      const id = nextId++;
      subs.set(id, { name, args, onValue: onValue as (value: unknown) => void, ...(onError ? { onError } : {}) });
      ensurePort().postMessage({ kind: 'subscribe', id, name, args });
      return () => {
        subs.delete(id);
        if (port) port.postMessage({ kind: 'unsubscribe', id });
      };
    },
    close() {
      closed = true;
      subs.clear();
      port?.disconnect();
      port = null;
    },
  };
}
