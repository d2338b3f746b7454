/**
 * @module The popup as a whole: sync status and members, routing, the tabs' models (all but the
 * Inbox made on first visit), the shortcuts dialog, and the cached last view that paints the Inbox at
 * once while a cold service worker is still opening the workspace.
 */
import { computed, effect, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { Member } from '../../shared/schema/records';
import type { HubClient } from '../messaging/hub-client';
import type { HubStatus } from '../messaging/protocol';
import { parseViewCache, VIEW_CACHE_KEY, type ViewCache } from '../messaging/view-cache';
import { liveQuery } from '../ui/live-query';
import { createActionModel, type ActionModel } from './action-model';
import { createActionsModel, type ActionsModel } from './actions-model';
import { createCaptureModel, type CaptureModel } from './capture-model';
import { createInboxModel, type InboxModel } from './inbox-model';
import { popupEnv, type PopupEnv } from './popup-env';
import { createRouter, type Router } from './router-model';
import type { ViewContext } from './view-context';

export interface PopupModel {
  env: PopupEnv;
  router: Router;
  /** The hub's status; from the cache (as "loading") until the hub answers. */
  status: ReadonlySignal<HubStatus | undefined>;
  members: ReadonlySignal<Member[]>;
  memberName(id: string | null): string;
  me(): string | null;
  /** The hub, for views that make their own models (the tabs built on first visit). */
  hub: HubClient;
  /** What every view model gets from the popup as a whole. */
  context: ViewContext;
  inbox: InboxModel;
  /** The Actions tab's model, made when the tab is first shown. */
  actions(): ActionsModel;
  captureModel(id: string): CaptureModel;
  actionModel(id: string): ActionModel;
  /**
   * A tab's model, made by `create` the first time the tab is shown and kept (with its state) until
   * the popup closes: `app.viewModel('huddle', () => createHuddleModel(app.hub, app.context, app.env))`.
   */
  viewModel<M extends { dispose(): void }>(key: string, create: () => M): M;
  helpOpen: Signal<boolean>;
  openOptions(): void;
  /** Paints from a cached view when it belongs to this workspace and nothing live has arrived yet. */
  applyCache(cache: ViewCache | null): void;
  dispose(): void;
}

export function createPopupModel(hub: HubClient, env: PopupEnv = popupEnv()): PopupModel {
  const router = createRouter(env.window);
  // The Inbox subscribes first: the hub answers in order, and the list is what the first paint needs.
  // `status` is declared below; `me` only reads it later, when a filter or view needs it.
  const me = (): string | null => status.value?.me?.id ?? null;
  const context: ViewContext = { router, me };
  const inbox = createInboxModel(hub, context, env);
  const liveStatus = liveQuery(hub, 'status', {});
  const liveMembers = liveQuery(hub, 'members', {});
  const cached = signal<ViewCache | null>(null);
  const status = computed<HubStatus | undefined>(() => {
    if (liveStatus.value.value) return liveStatus.value.value;
    const cache = cached.value;
    return cache ? { ...cache.status, state: 'loading', words: 'Opening your workspace…', online: [] } : undefined;
  });
  const members = computed(() => liveMembers.value.value ?? cached.value?.members ?? []);
  const byId = computed(() => new Map(members.value.map((m) => [m.id, m])));
  let actions: ActionsModel | null = null;
  const viewModels = new Map<string, { dispose(): void }>();

  // A cache of another workspace (or of no workspace any more) must not stay on screen.
  const stopGuard = effect(() => {
    const live = liveStatus.value.value;
    const cache = cached.value;
    if (live && cache && live.workspace?.id !== cache.workspace) cached.value = null;
  });

  return {
    env, router, status, members, inbox, hub, context,
    me,
    memberName: (id) => (id ? byId.value.get(id)?.name ?? 'Someone' : 'Unassigned'),
    actions() {
      if (!actions) {
        actions = createActionsModel(hub, context, env);
        const cache = cached.value;
        if (cache && !liveStatus.value.value) actions.list.seed(cache.actions);
      }
      return actions;
    },
    captureModel: (id) => createCaptureModel(hub, id, context, env),
    actionModel: (id) => createActionModel(hub, id, context),
    viewModel<M extends { dispose(): void }>(key: string, create: () => M): M {
      if (!viewModels.has(key)) viewModels.set(key, create());
      return viewModels.get(key) as M;
    },
    helpOpen: signal(false),
    openOptions() {
      void env.browser.runtime.openOptionsPage();
    },
    applyCache(cache) {
      if (!cache || cache.status.workspace?.id !== cache.workspace || cache.status.state === 'not_joined') return;
      if (liveStatus.value.value && liveStatus.value.value.workspace?.id !== cache.workspace) return;
      cached.value = cache;
      // The cache holds the default first page; it only fits while the Inbox still shows that.
      if (inbox.list.generation.value === 0) inbox.list.seed(cache.inbox);
    },
    dispose() {
      stopGuard();
      liveStatus.dispose();
      liveMembers.dispose();
      inbox.dispose();
      actions?.dispose();
      for (const model of viewModels.values()) model.dispose();
      router.dispose();
    },
  };
}

/** Reads the cached last view from `chrome.storage.local`; anything missing or malformed is no cache. */
export async function readViewCache(env: PopupEnv): Promise<ViewCache | null> {
  try {
    const stored = await env.browser.storage.local.get(VIEW_CACHE_KEY);
    return parseViewCache(stored[VIEW_CACHE_KEY]);
  } catch {
    return null;
  }
}
