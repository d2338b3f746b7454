/** @module Fakes and fixtures for the capture tests: a hub client, drafts, statuses, and a stand-in for `isTrusted`. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReadonlySignal } from '@preact/signals';
import { act, render } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { CaptureDraft } from '../../../extension/capture/capture-draft';
import { createCaptureModel, type CaptureModel } from '../../../extension/capture/capture-model';
import { CaptureDialog } from '../../../extension/capture/dialog/CaptureDialog';
import type { TrustCheck } from '../../../extension/capture/trust';
import type { HubClient } from '../../../extension/messaging/hub-client';
import type { CaptureContext, CommandName, HubStatus, QueryName } from '../../../extension/messaging/protocol';

/**
 * happy-dom gives events no `isTrusted` at all, so the browser's own check would refuse every event a
 * test makes. Tests treat events as the person's unless marked as a page script's with `forged()`.
 */
export const testTrust: TrustCheck = (event) => event.isTrusted !== false;

/** Marks an event the way the browser marks one a page script dispatched. */
export function forged<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: false });
  return event;
}

type Answer = (name: CommandName, args: unknown) => Promise<unknown>;

/** A hub client whose commands answer with `answer` and whose live queries the test pushes values into. */
export function fakeHub(answer: Answer = async () => null) {
  const subscribers: { name: QueryName; args: unknown; onValue(value: unknown): void; active: boolean }[] = [];
  const calls: { name: CommandName; args: unknown }[] = [];
  const state = { answer, closed: false };
  const client: HubClient = {
    call: ((name: CommandName, args: unknown) => {
      calls.push({ name, args: structuredClone(args) });
      return state.answer(name, args);
    }) as HubClient['call'],
    subscribe: ((name: QueryName, args: unknown, onValue: (value: unknown) => void) => {
      const sub = { name, args, onValue, active: true };
      subscribers.push(sub);
      return () => { sub.active = false; };
    }) as HubClient['subscribe'],
    close() { state.closed = true; },
  };
  return {
    client,
    calls,
    state,
    saves: () => calls.filter((c) => c.name === 'capture.save'),
    subscriptions: (name: QueryName) => subscribers.filter((s) => s.name === name && s.active),
    /** Delivers a live-query value to every active subscriber of `name`, as the hub would. */
    push(name: QueryName, value: unknown) {
      act(() => { for (const sub of subscribers) if (sub.name === name && sub.active) sub.onValue(value); });
    },
  };
}
export type FakeHub = ReturnType<typeof fakeHub>;

export function status(overrides: Partial<HubStatus> = {}): HubStatus {
  return {
    state: 'connected', words: 'Connected', pending: 0, workspace: { id: 'acme', name: 'Acme', server: 'wss://sync.example' },
    me: { id: 'mem_me', name: 'Dana', role: 'editor' }, online: [], captureCount: 3, lastSyncedAt: null, problem: null, managed: false,
    ...overrides,
  };
}

export function context(overrides: Partial<CaptureContext> = {}): CaptureContext {
  return { tags: [], duplicateOf: null, canWrite: true, redactPersonalData: true, ...overrides };
}

export const saved = (syncing = true) => ({ id: 'cap_new', duplicateOf: null, savedLocally: true, syncing });

export function draft(overrides: Partial<CaptureDraft> = {}): CaptureDraft {
  return {
    text: 'The export keeps timing out on big workspaces.',
    selectedLength: 46,
    source: {
      url: 'https://www.trustpilot.com/review/acme-widgets.com', title: 'Acme Widgets Reviews', site: 'trustpilot.com',
      platform: 'trustpilot', author: 'Priya Raman', authorUrl: null, rating: 4, ratingMax: 5, postedAt: '2024-03-05',
      permalink: 'https://www.trustpilot.com/reviews/65c8a1', extractedBy: { author: 'adapter:trustpilot' },
    },
    channel: 'review',
    sentiment: 'positive',
    anchor: { quote: { exact: 'The export keeps timing out on big workspaces.', prefix: '', suffix: '' }, position: { start: 0, end: 46 }, range: null },
    personal: [],
    health: [],
    range: document.createRange(),
    ...overrides,
  };
}

/** Renders the dialog over a fake hub, joined and writable unless the test pushes otherwise. */
export function renderDialog(options: {
  draft?: CaptureDraft; hub?: FakeHub; isTrusted?: TrustCheck; live?: boolean; redaction?: ReadonlySignal<boolean | null>;
  onExpand?: (expander: Element) => void; onWholeWords?: (range: Range) => void;
} = {}) {
  const hub = options.hub ?? fakeHub(async (name) => (name === 'capture.save' ? saved() : null));
  const onClose = vi.fn();
  const timers: { run(): void; ms: number }[] = [];
  const model: CaptureModel = createCaptureModel({
    hub: hub.client, draft: options.draft ?? draft(), onDone: onClose, setTimer: (run, ms) => timers.push({ run, ms }),
    ...(options.redaction ? { redaction: options.redaction } : {}),
  });
  const view = render(<CaptureDialog model={model} isTrusted={options.isTrusted ?? testTrust} onClose={onClose}
    {...(options.onExpand ? { onExpand: options.onExpand } : {})} {...(options.onWholeWords ? { onWholeWords: options.onWholeWords } : {})} />);
  if (options.live !== false) {
    hub.push('status', status());
    hub.push('captureContext', context());
  }
  return { hub, model, onClose, timers, view, user: userEvent.setup() };
}

/** Replaces the global document's content (happy-dom only keeps ranges live in the global document). */
export function loadPage(html: string): Document {
  document.open();
  document.write(html);
  document.close();
  return document;
}

export function loadFixture(name: string): Document {
  const pages = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/pages');
  return loadPage(readFileSync(join(pages, name), 'utf8'));
}

/** Selects the whole text of `el` in the page, as a person dragging over it would. */
export function selectText(el: Node): Range {
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return range;
}
