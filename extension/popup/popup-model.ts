/**
 * @module The popup as a whole: sync status and members, routing, the tabs' models (all but the
 * Inbox made on first visit), the shortcuts dialog, and the cached last views (messaging/view-cache.ts)
 * that let each view paint at once while the hub answers or a cold service worker opens the workspace.
 */
import { computed, effect, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { WorkspaceCounts } from '../../shared/queries/counts';
import type { Member } from '../../shared/schema/records';
import type { HubClient } from '../messaging/hub-client';
import { defaultSaveEnv } from '../export/downloads';
import { createExportModel, type ExportModel } from '../export/export-model';
import type { ExportScope, HubStatus } from '../messaging/protocol';
import { isNewerCache, type CachedViewName, type CachedViewValue, type ViewCache } from '../messaging/view-cache';
import type { ActionsModel } from './actions-model';
import { toInboxFilter } from './inbox-model';
import { liveQuery } from '../ui/live-query';
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
  /** Counts for the tabs: customers waiting for a reply, reviews that changed. */
  counts: ReadonlySignal<WorkspaceCounts | undefined>;
  memberName(id: string | null): string;
  me(): string | null;
  /** The hub, for views that make their own models (detail views, tabs loaded on first use). */
  hub: HubClient;
  /** What every view model gets (view-context.ts). */
  context: ViewContext;
  inbox: InboxModel;
  /**
   * A tab's model, made by `create` the first time the tab is shown and kept (with its filters and
   * scroll) until the popup closes: `app.viewModel('actions', () => createActionsModel(...))`.
   */
  viewModel<M extends { dispose(): void }>(key: string, create: () => M): M;
  helpOpen: Signal<boolean>;
  openOptions(): void;
  /** Opens the dashboard in a tab. */
  openDashboard(): void;
  /** Exports what the Inbox and Actions lists show now. */
  exporter: ExportModel;
  exportOpen: Signal<boolean>;
  /**
   * A view's cached default state while it may stand in for the hub: the cache is of this workspace
   * (as far as known) and was not withdrawn. Views seed from it; live answers replace it.
   */
  cachedView<V extends CachedViewName>(name: V): ReadonlySignal<CachedViewValue<V> | undefined>;
  /**
   * Offers a cache: taken when it is newer than the one in use (or of another workspace); null
   * withdraws the one in use (the hub holds no cache: no workspace any more).
   */
  applyCache(cache: ViewCache | null): void;
  dispose(): void;
}

export function createPopupModel(hub: HubClient, env: PopupEnv = popupEnv()): PopupModel {
  const router = createRouter(env.window);
  const cached = signal<ViewCache | null>(null);
  const cachedViews = new Map<CachedViewName, ReadonlySignal<unknown>>();
  const cachedView = <V extends CachedViewName>(name: V) => {
    if (!cachedViews.has(name)) cachedViews.set(name, computed(() => cached.value?.views[name]));
    return cachedViews.get(name) as ReadonlySignal<CachedViewValue<V> | undefined>;
  };
  // The Inbox subscribes first: the hub answers in order, and the list is what the first paint needs.
  // `status` is declared below; `me` only reads it later, when a filter or view needs it.
  const me = (): string | null => status.value?.me?.id ?? null;
  const context: ViewContext = { router, me, cachedView };
  const inbox = createInboxModel(hub, context, env);
  const liveStatus = liveQuery(hub, 'status', {});
  const liveMembers = liveQuery(hub, 'members', {});
  const liveCounts = liveQuery(hub, 'counts', {});
  const status = computed<HubStatus | undefined>(() => {
    if (liveStatus.value.value) return liveStatus.value.value;
    const cache = cached.value;
    return cache ? { ...cache.status, state: 'loading', words: 'Opening your workspace…', online: [] } : undefined;
  });
  const members = computed(() => liveMembers.value.value ?? cached.value?.members ?? []);
  const byId = computed(() => new Map(members.value.map((m) => [m.id, m])));
  const viewModels = new Map<string, { dispose(): void }>();
  // Exactly what the lists show: the Inbox's filter, and the Actions tab's once it was opened.
  const exportScope = (): ExportScope => {
    const inboxFilter = toInboxFilter(inbox.filters.value, me());
    const actions = viewModels.get('actions') as ActionsModel | undefined;
    if (!actions) return { from: 'lists', inbox: inboxFilter, actions: { view: 'all', openOnly: true } };
    const view = actions.view.value;
    return { from: 'lists', inbox: inboxFilter, actions: view === 'quick_wins' ? { view, today: actions.today() } : actions.list.filter.value };
  };

  // A cache of another workspace (or of no workspace any more) must not stay on screen.
  const stopGuard = effect(() => {
    const live = liveStatus.value.value;
    const cache = cached.value;
    if (live && cache && live.workspace?.id !== cache.workspace) cached.value = null;
  });

  return {
    env, router, status, members, inbox, hub, context, counts: liveCounts.value,
    me, cachedView,
    memberName: (id) => (id ? byId.value.get(id)?.name ?? 'Someone' : 'Unassigned'),
    viewModel<M extends { dispose(): void }>(key: string, create: () => M): M {
      if (!viewModels.has(key)) viewModels.set(key, create());
      return viewModels.get(key) as M;
    },
    helpOpen: signal(false),
    openOptions() {
      void env.browser.runtime.openOptionsPage();
    },
    openDashboard() {
      void env.browser.tabs.create({ url: env.browser.runtime.getURL('/dashboard.html') });
    },
    exporter: createExportModel(hub, exportScope, defaultSaveEnv(env.browser.downloads)),
    exportOpen: signal(false),
    applyCache(cache) {
      if (!cache) return void (cached.value = null);
      if (cache.status.workspace?.id !== cache.workspace || cache.status.state === 'not_joined') return;
      if (liveStatus.value.value && liveStatus.value.value.workspace?.id !== cache.workspace) return;
      if (isNewerCache(cache, cached.value)) cached.value = cache;
    },
    dispose() {
      stopGuard();
      liveStatus.dispose();
      liveMembers.dispose();
      liveCounts.dispose();
      inbox.dispose();
      for (const model of viewModels.values()) model.dispose();
      router.dispose();
    },
  };
}

