/**
 * @module Serves one connected page or content script: commands answered once, live queries pushed
 * again whenever the workspace changes. Content scripts run inside untrusted pages, so they get
 * only the capture commands; malformed messages get an error, never a crash.
 */
import type { Browser } from 'wxt/browser';
import {
  CONTENT_SCRIPT_COMMANDS, CONTENT_SCRIPT_QUERIES, PAGE_REQUESTS, parseClientMessage, type CommandName, type HubMessage, type QueryName,
} from '../messaging/protocol';
import { toRequestError } from './errors';
import type { Hub } from './hub';

type Port = Browser.runtime.Port;
export type Caller = 'extension-page' | 'content-script';

/** How often, at most, live queries of one port are recomputed during bursts of changes. */
const PUSH_INTERVAL_MS = 30;

export function servePort(hub: Hub, port: Port, caller: Caller): void {
  const subscriptions = new Map<number, { name: QueryName; args: unknown; last: string }>();
  let scheduled: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const send = (message: HubMessage) => {
    if (closed) return;
    try {
      port.postMessage(message);
    } catch {
      closed = true; // the other side went away between our check and the post
    }
  };
  const fail = (id: number, error: unknown) => send({ kind: 'result', id, ok: false, error: toRequestError(error).error });

  const evaluate = (id: number, push: boolean) => {
    const sub = subscriptions.get(id);
    if (!sub) return;
    try {
      const value = hub.query(sub.name, sub.args as never);
      const json = JSON.stringify(value);
      if (push && json === sub.last) return;
      sub.last = json;
      send(push ? { kind: 'update', id, value } : { kind: 'result', id, ok: true, value });
    } catch (error) {
      fail(id, error);
    }
  };
  const offChange = hub.onChange(() => {
    if (scheduled || subscriptions.size === 0) return;
    scheduled = setTimeout(() => {
      scheduled = null;
      for (const id of subscriptions.keys()) evaluate(id, true);
    }, PUSH_INTERVAL_MS);
  });

  port.onMessage.addListener((raw: unknown) => {
    const message = parseClientMessage(raw);
    if (!message) {
      const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : -1;
      send({ kind: 'result', id, ok: false, error: { code: 'malformed', message: 'Malformed message to the Closeloop hub.' } });
      return;
    }
    if (message.kind === 'unsubscribe') {
      subscriptions.delete(message.id);
      return;
    }
    if (caller === 'content-script' && !allowedForContent(message.kind, message.name)) {
      send({ kind: 'result', id: message.id, ok: false, error: { code: 'forbidden', message: 'Not available from a web page.' } });
      return;
    }
    // A content script speaks for the page it runs in, as the browser says it is, not as it claims.
    if (caller === 'content-script' && PAGE_REQUESTS.includes(message.name)) {
      message.args = { ...(message.args as object), senderUrl: port.sender?.url ?? '' };
    }
    if (message.kind === 'command') {
      hub.command(message.name, message.args as never).then(
        (value) => send({ kind: 'result', id: message.id, ok: true, value }),
        (error) => fail(message.id, error),
      );
      return;
    }
    subscriptions.set(message.id, { name: message.name, args: message.args, last: '' });
    void hub.ready.then(() => evaluate(message.id, false));
  });

  port.onDisconnect.addListener(() => {
    closed = true;
    subscriptions.clear();
    if (scheduled) clearTimeout(scheduled);
    offChange();
  });
}

function allowedForContent(kind: 'command' | 'subscribe', name: string): boolean {
  return kind === 'command'
    ? CONTENT_SCRIPT_COMMANDS.includes(name as CommandName)
    : CONTENT_SCRIPT_QUERIES.includes(name as QueryName);
}
