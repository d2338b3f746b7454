/**
 * @module The Change board tab's state: the live `board` view (proposals in score order, the
 * viewer's own ranking, the meeting, recent decisions), the viewer's ranking as they reorder it
 * (shown at once, saved with `proposal.rank`), the meeting's start, attendance and end, and the
 * decisions: accept (owner, due date, maybe an initiative) or decline (with the reason).
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { InitiativeFields } from '../../shared/mutations/initiatives';
import { localCalendarDate } from '../../shared/util/dates';
import type { HubCallError, HubClient } from '../messaging/hub-client';
import type { BoardView, InitiativesView } from '../messaging/protocol';
import { liveQuery, type LiveQuery } from '../ui/live-query';
import { plannedDate } from './format';
import { viewMarks } from './paint-marks';
import { popupEnv, type PopupEnv } from './popup-env';
import { runCommand, type CommandStatus } from './run-command';
import type { ViewContext } from './view-context';

export interface Ranking {
  ranked: string[];
  unranked: string[];
}

export interface Acceptance {
  assignee: string;
  dueDate: string;
  /** An existing initiative, or a new one by title (and horizon). */
  initiativeId?: string | null;
  newInitiative?: InitiativeFields;
}

export interface BoardModel extends CommandStatus {
  view: Signal<BoardView | undefined>;
  queryError: Signal<HubCallError | null>;
  /** The viewer's ranking as shown: their reordering at once, before the hub confirms it. */
  ranking: ReadonlySignal<Ranking>;
  /** Moves a ranked proposal up (-1) or down (+1). */
  move(id: string, delta: -1 | 1): Promise<boolean>;
  /** Adds an unranked proposal at the end of the ranking. */
  rank(id: string): Promise<boolean>;
  unrank(id: string): Promise<boolean>;
  start(): Promise<boolean>;
  /** Ends the running meeting; the next board date is the one given, or one cadence ahead. */
  end(nextBoardDate: string | null): Promise<boolean>;
  setPresent(memberId: string, present: boolean): Promise<boolean>;
  /** Initiatives for the Accept dialog; loaded on first use. */
  initiatives: Signal<InitiativesView | undefined>;
  loadInitiatives(): void;
  accept(id: string, acceptance: Acceptance): Promise<boolean>;
  decline(id: string, reason: string): Promise<boolean>;
  openAction(id: string): void;
  today(): string;
  painted(): void;
  dispose(): void;
}

const same = (a: Ranking | undefined | null, b: Ranking | undefined | null) =>
  !!a && !!b && a.ranked.join() === b.ranked.join() && a.unranked.join() === b.unranked.join();

export function createBoardModel(hub: HubClient, context: ViewContext, env: PopupEnv = popupEnv()): BoardModel {
  const query = liveQuery(hub, 'board', {});
  const status: CommandStatus = { busy: signal(false), error: signal<string | null>(null), notice: signal<string | null>(null) };
  const run = (task: () => Promise<unknown>, done?: string) => runCommand(status, task, done);
  const marks = viewMarks(env.performance, 'board');
  const draft = signal<Ranking | null>(null);
  let dropDraftOnNextView = false;
  const stopDraft = query.value.subscribe((view) => {
    if (dropDraftOnNextView || same(view?.ranking, draft.value)) {
      draft.value = null;
      dropDraftOnNextView = false;
    }
  });
  const ranking = computed<Ranking>(() => draft.value ?? query.value.value?.ranking ?? { ranked: [], unranked: [] });
  const initiatives = signal<InitiativesView | undefined>(undefined);
  let initiativesQuery: LiveQuery<'initiatives'> | null = null;

  const save = async (next: Ranking) => {
    draft.value = next;
    const ok = await run(() => hub.call('proposal.rank', { order: next.ranked }));
    if (!ok || same(query.value.value?.ranking, next)) draft.value = null;
    else dropDraftOnNextView = true;
    return ok;
  };
  const running = () => query.value.value?.running ?? null;

  return {
    ...status,
    view: query.value,
    queryError: query.error,
    ranking,
    move(id, delta) {
      const ranked = [...ranking.value.ranked];
      const at = ranked.indexOf(id);
      const to = at + delta;
      if (at < 0 || to < 0 || to >= ranked.length) return Promise.resolve(false);
      ranked.splice(at, 1);
      ranked.splice(to, 0, id);
      return save({ ranked, unranked: ranking.value.unranked });
    },
    rank(id) {
      const { ranked, unranked } = ranking.value;
      if (!unranked.includes(id)) return Promise.resolve(false);
      return save({ ranked: [...ranked, id], unranked: unranked.filter((x) => x !== id) });
    },
    unrank(id) {
      const { ranked, unranked } = ranking.value;
      if (!ranked.includes(id)) return Promise.resolve(false);
      return save({ ranked: ranked.filter((x) => x !== id), unranked: [...unranked, id] });
    },
    start: () => run(() => hub.call('board.start', {})),
    async end(nextBoardDate) {
      const meeting = running();
      if (!meeting) return false;
      let next = '';
      const ok = await run(async () => { next = (await hub.call('board.end', { id: meeting.id, nextBoardDate })).nextBoardDate; });
      if (ok) status.notice.value = `Board meeting ended. Next change board: ${plannedDate(next)}.`;
      return ok;
    },
    setPresent(memberId, present) {
      const meeting = running();
      return meeting ? run(() => hub.call('board.attend', { id: meeting.id, memberIds: [memberId], present })) : Promise.resolve(false);
    },
    initiatives,
    loadInitiatives() {
      if (initiativesQuery) return;
      initiativesQuery = liveQuery(hub, 'initiatives', {});
      initiativesQuery.value.subscribe((value) => { initiatives.value = value; });
    },
    accept: (id, acceptance) => run(() => hub.call('proposal.accept', { id, ...acceptance }), 'Accepted: it is open work now, with its owner and due date.'),
    decline: (id, reason) => run(() => hub.call('proposal.decline', { id, reason }), 'Declined. Whoever proposed it sees the reason on its page.'),
    openAction: (id) => context.router.go({ view: 'action', id }),
    today: () => localCalendarDate(env.now()),
    painted: () => marks.committed(false),
    dispose() {
      stopDraft();
      query.dispose();
      initiativesQuery?.dispose();
    },
  };
}
