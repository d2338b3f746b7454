/**
 * @module A hub client that holds its requests until `release()`. Opening the port wakes a stopped
 * service worker, whose start (loading the whole workspace) competes for the CPU with the page's
 * first paint; a page that can paint from the cache releases right after that paint instead.
 */
import type { HubClient } from './hub-client';

export interface DeferredClient extends HubClient {
  /** Sends what was held, in order, and everything after at once. Later calls do nothing. */
  release(): void;
}

export function deferredClient(client: HubClient): DeferredClient {
  let held: (() => void)[] | null = [];
  const whenReleased = (send: () => void) => (held ? held.push(send) : send());
  return {
    call(name, args) {
      return new Promise((resolve, reject) => whenReleased(() => client.call(name, args).then(resolve, reject)));
    },
    subscribe(name, args, onValue, onError) {
      let stop: (() => void) | null = null;
      let cancelled = false;
      whenReleased(() => {
        if (!cancelled) stop = client.subscribe(name, args, onValue, onError);
      });
      return () => {
        cancelled = true;
        stop?.();
      };
    },
    close() {
      held = null;
      client.close();
    },
    release() {
      const pending = held;
      held = null;
      pending?.forEach((send) => send());
    },
  };
}
