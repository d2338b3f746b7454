/**
 * @module One action item: its live detail (evidence, comments, history, its initiative and, for a
 * proposal, its score) and every change the detail view makes. Closing (done, won't do) sends the
 * status together with its resolution; a proposal's proposer may withdraw it the same way.
 */
import { signal, type Signal } from '@preact/signals';
import { ACTION_STATUSES, CLOSED_ACTION_STATUSES, type ActionStatus } from '../../shared/schema/constants';
import type { HubClient } from '../messaging/hub-client';
import type { ActionDetail, InitiativesView } from '../messaging/protocol';
import { liveQuery } from '../ui/live-query';
import type { Router } from './router-model';
import { runCommand, type CommandStatus } from './run-command';

export interface ActionModel extends CommandStatus {
  id: string;
  /** undefined while loading, null when there is no such action (deleted, another workspace). */
  detail: Signal<ActionDetail | null | undefined>;
  rename(title: string): Promise<boolean>;
  assign(memberId: string | null): Promise<boolean>;
  setDue(date: string | null): Promise<boolean>;
  setStatus(status: ActionStatus, resolution?: string): Promise<boolean>;
  score(scores: { impact?: number | null; effort?: number | null }): Promise<boolean>;
  comment(text: string): Promise<boolean>;
  unlink(captureId: string): Promise<boolean>;
  /** Initiatives to place it in (the picker); undefined until the hub answers. */
  initiatives: Signal<InitiativesView | undefined>;
  setInitiative(initiativeId: string | null): Promise<boolean>;
  openCapture(captureId: string): void;
  openInitiative(initiativeId: string): void;
  dispose(): void;
}

/** The statuses a person sets by hand: all but `proposed`, which only creating a proposal gives. */
export const WORK_STATUSES: readonly ActionStatus[] = ACTION_STATUSES.filter((s) => s !== 'proposed');

export function needsResolution(status: ActionStatus): boolean {
  return CLOSED_ACTION_STATUSES.includes(status);
}

export function createActionModel(hub: HubClient, id: string, context: { router: Router }): ActionModel {
  const query = liveQuery(hub, 'action', { id });
  const initiatives = liveQuery(hub, 'initiatives', {});
  const status: CommandStatus = { busy: signal(false), error: signal<string | null>(null), notice: signal<string | null>(null) };
  const run = (task: () => Promise<unknown>, done?: string) => runCommand(status, task, done);
  return {
    id, ...status,
    detail: query.value,
    rename: (title) => run(() => hub.call('action.edit', { id, title })),
    assign: (memberId) => run(() => hub.call('action.assign', { id, memberId })),
    setDue: (dueDate) => run(() => hub.call('action.setDue', { id, dueDate })),
    setStatus: (next, resolution) => run(() => hub.call('action.setStatus', {
      id, status: next, ...(resolution !== undefined ? { resolution } : {}),
    })),
    score: (scores) => run(() => hub.call('action.score', { id, ...scores })),
    comment: (text) => run(() => hub.call('action.comment', { id, text })),
    unlink: (captureId) => run(() => hub.call('action.unlink', { id, captureIds: [captureId] })),
    initiatives: initiatives.value,
    setInitiative: (initiativeId) => run(() => hub.call('action.setInitiative', { id, initiativeId })),
    openCapture: (captureId) => context.router.go({ view: 'capture', id: captureId }),
    openInitiative: (initiativeId) => context.router.go({ view: 'initiative', id: initiativeId }),
    dispose() {
      query.dispose();
      initiatives.dispose();
    },
  };
}
