/**
 * @module Harness for the popup tests: a real in-memory hub (real mutations and live queries), a
 * ticking clock, WXT's fake browser, a fixed list viewport (happy-dom has no layout) and a
 * recorder for performance marks.
 */
import { act, render } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HubClient } from '../../../extension/messaging/hub-client';
import { preloadViews } from '../../../extension/popup/lazy-view';
import '../../../extension/popup/lazy-views';
import { createPopupModel, type PopupModel } from '../../../extension/popup/popup-model';
import { PopupApp } from '../../../extension/popup/PopupApp';
import { popupEnv, type PopupBrowser, type PopupEnv } from '../../../extension/popup/popup-env';
import { createAction, type NewAction } from '../../../shared/mutations/actions';
import { addCapture } from '../../../shared/mutations/captures';
import type { NewCapture } from '../../../shared/mutations/clean-capture';
import type { MutationContext } from '../../../shared/mutations/context';
import { inMemoryHub, type InMemoryHub } from '../../helpers/in-memory-hub';

/** 2026-11-22 09:00 UTC, the in-memory hub's default day. */
export const START = Date.UTC(2026, 10, 22, 9, 0, 0);
export const HOUR = 3_600_000;

export interface Harness extends InMemoryHub {
  clock: { now: number };
  env: PopupEnv;
  marks: { name: string; detail: unknown }[];
  alex: MutationContext;
  sam: MutationContext;
  /** Adds a capture as `by` (Alex unless said), an hour after the previous one; returns its id. */
  capture(overrides?: Partial<NewCapture>, by?: MutationContext): string;
  action(input: NewAction, by?: MutationContext): string;
}

let counter = 0;

export async function harness(options: { client?: (client: HubClient) => HubClient; preload?: boolean } = {}): Promise<Harness> {
  // The tabs and detail views load on first use in the popup; here they are loaded up front, so a
  // test sees a tab as soon as it switches to it (lazy-view.tsx has its own tests). A start-up test
  // of that loading passes `preload: false`.
  if (options.preload !== false) await preloadViews();
  fakeBrowser.reset();
  window.localStorage.clear();
  window.location.hash = '';
  const clock = { now: START - 48 * HOUR };
  const memory = await inMemoryHub({ now: () => clock.now, name: 'Dana Kim' });
  const alex = memory.peer('mem_alex', 'Alex Rivera');
  const sam = memory.peer('mem_sam', 'Sam Okafor');
  const marks: Harness['marks'] = [];
  const env = popupEnv({
    browser: fakeBrowser as unknown as PopupBrowser,
    now: () => START,
    window,
    performance: { mark: (name, opts) => marks.push({ name, detail: opts?.detail }) },
    scrollFetchMs: 0,
    listViewport: 600,
  });
  return {
    ...memory,
    client: options.client ? options.client(memory.client) : memory.client,
    clock, env, marks, alex, sam,
    capture(overrides = {}, by = alex) {
      clock.now += HOUR;
      const n = ++counter;
      const input: NewCapture = {
        text: `Feedback number ${n}: the app is fine.`,
        channel: 'review',
        ...overrides,
        source: { url: `https://www.trustpilot.com/review/acme.example?page=${n}`, platform: 'trustpilot', author: `Customer ${n}`, rating: 2, ratingMax: 5, ...overrides.source },
      };
      const { id } = addCapture(by, input, { allowDuplicate: true });
      return id!;
    },
    action(input, by = alex) {
      clock.now += 60_000;
      return createAction(by, input);
    },
  };
}

/** Renders the whole popup over the harness's hub; `hash` opens a route directly. */
export async function renderPopup(h: Harness, hash = '') {
  window.location.hash = hash;
  const model: PopupModel = createPopupModel(h.client, h.env);
  const user = userEvent.setup();
  const view = render(<PopupApp model={model} />);
  await settle();
  return { model, user, ...view };
}

/** Lets live-query pushes (microtasks) and Preact's batched renders finish. */
export async function settle(rounds = 3) {
  for (let i = 0; i < rounds; i++) {
    await act(async () => { await new Promise((resolve) => setTimeout(resolve, 0)); });
  }
}

export const openOptionsSpy = () => vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
export { fakeBrowser };

/** Every subscription and call as it was made, for asserting which window or filter was asked. */
export function recordingClient(client: HubClient) {
  const subscriptions: { name: string; args: any }[] = [];
  const wrapped: HubClient = {
    call: client.call.bind(client),
    subscribe(name, args, onValue, onError) {
      subscriptions.push({ name, args: structuredClone(args) });
      return client.subscribe(name, args, onValue, onError);
    },
    close: () => client.close(),
  };
  return { client: wrapped, subscriptions, of: (name: string) => subscriptions.filter((s) => s.name === name) };
}

/** Holds back every live-query answer until `release()`, like a service worker still loading. */
export function gatedClient(client: HubClient, rewrite: (name: string, value: any) => any = (_n, v) => v, startOpen = false) {
  let open = startOpen;
  const waiting: (() => void)[] = [];
  const wrapped: HubClient = {
    call: client.call.bind(client),
    subscribe(name, args, onValue, onError) {
      return client.subscribe(name, args, (value) => {
        const deliver = () => onValue(rewrite(name, value));
        if (open) deliver();
        else waiting.push(deliver);
      }, onError);
    },
    close: () => client.close(),
  };
  return {
    client: wrapped,
    hold() {
      open = false;
    },
    async release() {
      open = true;
      await act(async () => { for (const deliver of waiting.splice(0)) deliver(); });
    },
  };
}
