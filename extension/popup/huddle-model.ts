/**
 * @module The Huddle tab's state: the live `huddle` view (what happened since the last huddle
 * ended), starting and ending the huddle, who is there, notes, acting on a row where it stands
 * (owner, due date, status), turning an escalation into a proposal, and "Show all" per section.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { Escalation } from '../../shared/queries/escalations';
import type { HuddleSectionId, HuddleView } from '../../shared/queries/huddle';
import type { ActionStatus } from '../../shared/schema/constants';
import { localCalendarDate } from '../../shared/util/dates';
import type { HubCallError, HubClient } from '../messaging/hub-client';
import { liveQuery } from '../ui/live-query';
import { viewMarks } from './paint-marks';
import { popupEnv, type PopupEnv } from './popup-env';
import { runCommand, type CommandStatus } from './run-command';
import type { ViewContext } from './view-context';

export interface HuddleModel extends CommandStatus {
  /** The hub's answer; before it, the cached default view (messaging/view-cache.ts) if any; else undefined. */
  view: ReadonlySignal<HuddleView | undefined>;
  queryError: Signal<HubCallError | null>;
  /** Sections the person asked to see in full. */
  expanded: Signal<ReadonlySet<HuddleSectionId>>;
  showAll(section: HuddleSectionId): void;
  start(): Promise<boolean>;
  end(): Promise<boolean>;
  setPresent(memberId: string, present: boolean): Promise<boolean>;
  addNote(text: string): Promise<boolean>;
  assign(actionId: string, memberId: string | null): Promise<boolean>;
  setDue(actionId: string, dueDate: string | null): Promise<boolean>;
  setStatus(actionId: string, status: ActionStatus, resolution?: string): Promise<boolean>;
  /** Turns a theme into a proposal with its captures as evidence, and opens it to edit the title. */
  propose(escalation: Escalation): Promise<string | null>;
  openCapture(id: string): void;
  openAction(id: string): void;
  today(): string;
  /** Called after the view's real content (not "Loading…", cached or live) is committed to the DOM. */
  painted(): void;
  dispose(): void;
}

/** Section sizes asked for when "Show all" is pressed: the hub's own cap. */
export const ALL_ROWS = 500;

/** The proposal's first title, for the person to edit: what the theme is about. */
export function proposalTitle(escalation: Escalation): string {
  if (escalation.kind === 'tag') return `Act on “${escalation.label}” feedback`;
  return `Act on feedback about ${escalation.label}`;
}

export function createHuddleModel(hub: HubClient, context: ViewContext, env: PopupEnv = popupEnv()): HuddleModel {
  const query = liveQuery(hub, 'huddle', {});
  const expanded = signal<ReadonlySet<HuddleSectionId>>(new Set());
  const status: CommandStatus = { busy: signal(false), error: signal<string | null>(null), notice: signal<string | null>(null) };
  const run = (task: () => Promise<unknown>, done?: string) => runCommand(status, task, done);
  const marks = viewMarks(env.performance, 'huddle');
  // The cache holds the default view (no section shown in full): it stands in until the hub answers.
  const cached = context.cachedView?.('huddle');
  const view = computed(() => query.value.value ?? (expanded.value.size === 0 ? cached?.value : undefined));
  // The meeting under way as last known (the cached view's until the hub answers); the hub checks it is still on.
  const current = () => view.value?.current ?? null;
  const inHuddle = (task: (id: string) => Promise<unknown>) => {
    const huddle = current();
    if (!huddle) {
      status.error.value = 'Start the huddle first.';
      return Promise.resolve(false);
    }
    return run(() => task(huddle.id));
  };

  return {
    ...status,
    view,
    queryError: query.error,
    expanded,
    showAll(section) {
      const next = new Set(expanded.value).add(section);
      expanded.value = next;
      query.update({ limits: Object.fromEntries([...next].map((id) => [id, ALL_ROWS])) });
    },
    start: () => run(() => hub.call('huddle.start', {})),
    end: () => inHuddle((id) => hub.call('huddle.end', { id })).then((ok) => {
      if (ok) status.notice.value = 'Huddle ended. The next one starts from here.';
      return ok;
    }),
    setPresent: (memberId, present) => inHuddle((id) => hub.call('huddle.attend', { id, memberIds: [memberId], present })),
    addNote: (text) => inHuddle((id) => hub.call('huddle.note', { id, text })),
    assign: (actionId, memberId) => run(() => hub.call('action.assign', { id: actionId, memberId })),
    setDue: (actionId, dueDate) => run(() => hub.call('action.setDue', { id: actionId, dueDate })),
    setStatus: (actionId, next, resolution) => run(() => hub.call('action.setStatus', {
      id: actionId, status: next, ...(resolution !== undefined ? { resolution } : {}),
    })),
    async propose(escalation) {
      let id: string | null = null;
      const ok = await run(async () => {
        id = (await hub.call('action.create', { action: { title: proposalTitle(escalation), captureIds: escalation.captureIds, propose: true } })).id;
      });
      if (ok && id) context.router.go({ view: 'action', id });
      return ok ? id : null;
    },
    openCapture: (id) => context.router.go({ view: 'capture', id }),
    openAction: (id) => context.router.go({ view: 'action', id }),
    today: () => localCalendarDate(env.now()),
    painted: () => marks.committed(query.value.value === undefined),
    dispose: () => query.dispose(),
  };
}
