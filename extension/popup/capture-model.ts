/**
 * @module One capture in detail: its live record, history and similar open actions, and the
 * triage a person does on it — note, tags, sentiment, linking to or creating an action,
 * archiving, and the follow-up with the customer (kept apart from the fix).
 */
import { signal, type Signal } from '@preact/signals';
import type { LoopState, ReplyChannel, Sentiment } from '../../shared/schema/constants';
import type { Action } from '../../shared/schema/records';
import type { HubClient } from '../messaging/hub-client';
import type { CaptureDetail } from '../messaging/protocol';
import { liveQuery, type LiveQuery } from '../ui/live-query';
import { popupEnv, type PopupEnv } from './popup-env';
import type { Router } from './router-model';
import { runCommand, type CommandStatus } from './run-command';
import { sourceLink } from './text-fragment';

/** How many open actions the "Link to action" search lists. */
const LINK_RESULTS = 8;

export interface CaptureModel extends CommandStatus {
  id: string;
  /** undefined while loading, null when there is no such capture. */
  detail: Signal<CaptureDetail | null | undefined>;
  saveNote(note: string): Promise<boolean>;
  addTag(tag: string): Promise<boolean>;
  removeTag(tag: string): Promise<boolean>;
  setSentiment(sentiment: Sentiment | null): Promise<boolean>;
  /** Creates an action (or a proposal for the change board) with this capture as evidence, and opens it. */
  createAction(title: string, propose?: boolean): Promise<string | null>;
  linkSearch: Signal<string>;
  /** Open actions matching `linkSearch`; undefined until a search was typed. */
  linkResults: Signal<Action[] | undefined>;
  searchActions(text: string): void;
  link(actionId: string): Promise<boolean>;
  unlink(actionId: string): Promise<boolean>;
  archive(reason: string): Promise<boolean>;
  restore(): Promise<boolean>;
  /** Sets the follow-up; for `replied`, the reply (where, what, link), or just its link. */
  setLoop(state: LoopState, reply?: { url: string; where?: ReplyChannel; text?: string }): Promise<boolean>;
  /** Opens the page the quote came from, scrolled to the quote. */
  openSource(): void;
  openAction(actionId: string): void;
  dispose(): void;
}

export function createCaptureModel(hub: HubClient, id: string, context: { router: Router }, env: PopupEnv = popupEnv()): CaptureModel {
  const query = liveQuery(hub, 'capture', { id });
  const status: CommandStatus = { busy: signal(false), error: signal<string | null>(null), notice: signal<string | null>(null) };
  const run = (task: () => Promise<unknown>, done?: string) => runCommand(status, task, done);
  const linkSearch = signal('');
  const linkResults = signal<Action[] | undefined>(undefined);
  let search: LiveQuery<'actions'> | null = null;

  return {
    id, ...status, linkSearch, linkResults,
    detail: query.value,
    saveNote: (note) => run(() => hub.call('capture.edit', { id, patch: { note } }), 'Note saved.'),
    addTag: (tag) => run(() => hub.call('capture.tag', { ids: [id], add: [tag] })),
    removeTag: (tag) => run(() => hub.call('capture.tag', { ids: [id], remove: [tag] })),
    setSentiment: (sentiment) => run(() => hub.call('capture.edit', { id, patch: { sentiment } })),
    async createAction(title, propose = false) {
      let created: string | null = null;
      const ok = await run(async () => { created = (await hub.call('action.create', { action: { title, captureIds: [id], ...(propose ? { propose } : {}) } })).id; });
      if (ok && created) context.router.go({ view: 'action', id: created });
      return ok ? created : null;
    },
    searchActions(text) {
      linkSearch.value = text;
      const args = { filter: { view: 'all' as const, openOnly: true, text }, page: { offset: 0, limit: LINK_RESULTS } };
      if (!text.trim()) {
        search?.dispose();
        search = null;
        linkResults.value = undefined;
        return;
      }
      if (search) return search.update(args);
      search = liveQuery(hub, 'actions', args);
      search.value.subscribe((page) => { if (page) linkResults.value = page.items; });
    },
    link: (actionId) => run(() => hub.call('action.link', { id: actionId, captureIds: [id] }), 'Linked.'),
    unlink: (actionId) => run(() => hub.call('action.unlink', { id: actionId, captureIds: [id] }), 'Unlinked.'),
    archive: (reason) => run(() => hub.call('capture.setStatus', {
      ids: [id], status: 'archived', ...(reason.trim() ? { reason: reason.trim() } : {}),
    }), 'Archived.'),
    restore: () => run(() => hub.call('capture.setStatus', { ids: [id], status: 'new' }), 'Back in the inbox.'),
    setLoop: (state, reply) => run(() => hub.call('capture.setLoop', {
      id, state,
      ...(state === 'replied' ? { replyUrl: reply?.url.trim() || null } : {}),
      ...(state === 'replied' && reply?.where ? { reply: { where: reply.where, text: reply.text ?? '', url: reply.url.trim() || null } } : {}),
    })),
    openSource() {
      const capture = query.value.value?.capture;
      const url = capture && sourceLink(capture);
      if (url) void env.browser.tabs.create({ url });
    },
    openAction: (actionId) => context.router.go({ view: 'action', id: actionId }),
    dispose() {
      query.dispose();
      search?.dispose();
    },
  };
}
