/**
 * @module The Actions tab's state: the views (mine, all, overdue, quick wins) over a windowed
 * `actions` live query, the impact/effort 2x2 for quick wins, one owner's list (`#owner/<id>`, from
 * People) and proposing a change to the board. "Today" is the viewer's local date from the model's
 * clock, because overdue is judged where the person is.
 */
import { computed, effect, signal, untracked, type ReadonlySignal, type Signal } from '@preact/signals';
import { quadrants, type ActionFilter, type Quadrant } from '../../shared/queries/actions';
import type { Action } from '../../shared/schema/records';
import { localCalendarDate } from '../../shared/util/dates';
import type { HubClient } from '../messaging/hub-client';
import { liveQuery, type LiveQuery } from '../ui/live-query';
import { popupEnv, type PopupEnv } from './popup-env';
import { runCommand, type CommandStatus } from './run-command';
import type { ViewContext } from './view-context';
import { windowedQuery, type WindowedQuery } from './windowed-query';

export type ActionsView = 'mine' | 'all' | 'overdue' | 'quick_wins';
export const ACTION_VIEWS: { id: ActionsView; label: string }[] = [
  { id: 'mine', label: 'Mine' }, { id: 'all', label: 'All' }, { id: 'overdue', label: 'Overdue' }, { id: 'quick_wins', label: 'Quick wins' },
];

/**
 * The 2x2 needs every open action, not one page. Computed here from one `actions` page this large
 * (records are plain JSON); past it the grid counts only what was loaded, and says so.
 */
export const GRID_LIMIT = 2000;

export interface ActionsModel extends CommandStatus {
  view: ReadonlySignal<ActionsView>;
  /** The member whose list is shown (from People), `unassigned`, or null for the usual views. */
  owner: ReadonlySignal<string | null>;
  setView(view: ActionsView): void;
  /** "All" leaves done and won't-do out unless asked. */
  showClosed: ReadonlySignal<boolean>;
  setShowClosed(show: boolean): void;
  list: WindowedQuery<Action, ActionFilter>;
  /** Open actions by quadrant, each in priority order; undefined until loaded or outside "Quick wins". */
  grid: ReadonlySignal<Record<Quadrant, Action[]> | undefined>;
  /** True when there were more open actions than GRID_LIMIT. */
  gridPartial: ReadonlySignal<boolean>;
  quadrant: Signal<Quadrant>;
  cursor: Signal<number>;
  today(): string;
  open(action: Action): void;
  /** Creates a proposal for the change board and opens it. */
  propose(title: string): Promise<string | null>;
  dispose(): void;
}

export function createActionsModel(
  hub: HubClient, context: ViewContext, env: PopupEnv = popupEnv(),
): ActionsModel {
  const view = signal<ActionsView>('all');
  const showClosed = signal(false);
  const routed = context.router.route.peek();
  const owner = signal<string | null>(routed.view === 'owner' ? routed.id : null);
  const today = () => localCalendarDate(env.now());
  const filterFor = (v: ActionsView): ActionFilter => {
    if (owner.value) return { view: 'all', assignee: owner.value, today: today(), ...(showClosed.value ? {} : { openOnly: true }) };
    return { view: v, today: today(), ...(context.me() ? { me: context.me()! } : {}), ...(v === 'all' && !showClosed.value ? { openOnly: true } : {}) };
  };
  const status: CommandStatus = { busy: signal(false), error: signal<string | null>(null), notice: signal<string | null>(null) };
  const list = windowedQuery(hub, 'actions', filterFor('all'), { pageSize: 40, overscan: 15, delayMs: env.scrollFetchMs, timers: env.window });
  // The cache holds the default view ("all" open actions), not one owner's list.
  const cached = owner.value ? undefined : context.cachedView?.('actions');
  const stopSeeding = cached ? effect(() => list.seed(cached.value ?? null)) : () => {};
  const cursor = signal(0);
  const quadrant = signal<Quadrant>('quick_win');
  const gridPage = signal<{ total: number; items: Action[] } | undefined>(undefined);
  let gridQuery: LiveQuery<'actions'> | null = null;
  let stopGrid = () => {};

  const refresh = () => {
    cursor.value = 0;
    if (view.value !== 'quick_wins' || owner.value) {
      stopGrid();
      list.setFilter(filterFor(view.value));
      return;
    }
    if (gridQuery) return;
    gridQuery = liveQuery(hub, 'actions', { filter: { view: 'all', openOnly: true }, page: { offset: 0, limit: GRID_LIMIT } });
    const off = gridQuery.value.subscribe((value) => { gridPage.value = value; });
    stopGrid = () => {
      off();
      gridQuery?.dispose();
      gridQuery = null;
      gridPage.value = undefined;
      stopGrid = () => {};
    };
  };

  // An owner's list comes from the route: `#owner/<id>` shows it, the Actions tab itself leaves it.
  const stopOwner = effect(() => {
    const route = context.router.route.value;
    const next = route.view === 'owner' ? route.id : route.view === 'actions' ? null : owner.peek();
    if (next === owner.peek()) return;
    untracked(() => {
      owner.value = next;
      if (next) view.value = 'all';
      refresh();
    });
  });

  return {
    ...status,
    view, owner, showClosed, list, quadrant, cursor, today,
    grid: computed(() => (gridPage.value ? quadrants(gridPage.value.items) : undefined)),
    gridPartial: computed(() => (gridPage.value ? gridPage.value.total > gridPage.value.items.length : false)),
    setView(next) {
      if (next === view.value) return;
      view.value = next;
      refresh();
    },
    setShowClosed(show) {
      showClosed.value = show;
      refresh();
    },
    open(action) {
      context.router.go({ view: 'action', id: action.id });
    },
    async propose(title) {
      let id: string | null = null;
      const ok = await runCommand(status, async () => { id = (await hub.call('action.create', { action: { title, propose: true } })).id; });
      if (ok && id) context.router.go({ view: 'action', id });
      return ok ? id : null;
    },
    dispose() {
      stopSeeding();
      stopOwner();
      stopGrid();
      list.dispose();
    },
  };
}
