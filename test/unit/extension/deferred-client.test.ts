/** @module The deferred hub client: nothing reaches the hub before release, then everything in order. */
import { describe, expect, it } from 'vitest';
import { deferredClient } from '../../../extension/messaging/deferred-client';
import type { HubClient } from '../../../extension/messaging/hub-client';

function fakeClient() {
  const sent: string[] = [];
  const client: HubClient = {
    call: async (name) => { sent.push(`call ${name}`); return null as never; },
    subscribe: (name, _args, onValue) => {
      sent.push(`subscribe ${name}`);
      onValue({ name } as never);
      return () => sent.push(`unsubscribe ${name}`);
    },
    close: () => { sent.push('close'); },
  };
  return { client, sent };
}

describe('the deferred hub client', () => {
  it('holds subscriptions and calls until released, then sends them in order and later ones at once', async () => {
    const { client, sent } = fakeClient();
    const deferred = deferredClient(client);
    const values: unknown[] = [];
    deferred.subscribe('inbox', { filter: {}, page: {} }, (v) => values.push(v));
    const called = deferred.call('reconnect', {});
    deferred.subscribe('status', {}, (v) => values.push(v));
    expect(sent).toEqual([]);
    deferred.release();
    expect(sent).toEqual(['subscribe inbox', 'call reconnect', 'subscribe status']);
    await expect(called).resolves.toBeNull();
    expect(values).toEqual([{ name: 'inbox' }, { name: 'status' }]);
    deferred.subscribe('members', {}, () => {});
    expect(sent.at(-1)).toBe('subscribe members');
    deferred.release();
    expect(sent.filter((s) => s === 'subscribe inbox')).toHaveLength(1);
  });

  it('drops a subscription cancelled before release, and everything held when closed', () => {
    const { client, sent } = fakeClient();
    const deferred = deferredClient(client);
    const stop = deferred.subscribe('inbox', { filter: {}, page: {} }, () => {});
    stop();
    deferred.subscribe('status', {}, () => {});
    deferred.release();
    expect(sent).toEqual(['subscribe status']);
    const { client: c2, sent: sent2 } = fakeClient();
    const closing = deferredClient(c2);
    closing.subscribe('inbox', { filter: {}, page: {} }, () => {});
    closing.close();
    closing.release();
    expect(sent2).toEqual(['close']);
  });
});
