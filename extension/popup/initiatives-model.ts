/**
 * @module The Initiatives tab's state: the transformation map (initiatives by horizon with their
 * progress) and creating one; and one initiative in detail, its actions and its edits.
 */
import { signal, type Signal } from '@preact/signals';
import type { InitiativeFields } from '../../shared/mutations/initiatives';
import type { HubCallError, HubClient } from '../messaging/hub-client';
import type { InitiativeDetail, InitiativesView } from '../messaging/protocol';
import { liveQuery } from '../ui/live-query';
import { viewMarks } from './paint-marks';
import { popupEnv, type PopupEnv } from './popup-env';
import { runCommand, type CommandStatus } from './run-command';
import type { ViewContext } from './view-context';

export interface InitiativesModel extends CommandStatus {
  view: Signal<InitiativesView | undefined>;
  queryError: Signal<HubCallError | null>;
  /** Creates an initiative (the hub gives its code) and opens it. */
  create(fields: InitiativeFields): Promise<string | null>;
  open(id: string): void;
  painted(): void;
  dispose(): void;
}

export interface InitiativeModel extends CommandStatus {
  id: string;
  /** undefined while loading, null when there is no such initiative. */
  detail: Signal<InitiativeDetail | null | undefined>;
  edit(patch: Partial<InitiativeFields>): Promise<boolean>;
  openAction(id: string): void;
  dispose(): void;
}

const commandStatus = (): CommandStatus => ({ busy: signal(false), error: signal<string | null>(null), notice: signal<string | null>(null) });

export function createInitiativesModel(hub: HubClient, context: ViewContext, env: PopupEnv = popupEnv()): InitiativesModel {
  const query = liveQuery(hub, 'initiatives', {});
  const status = commandStatus();
  const marks = viewMarks(env.performance, 'initiatives');
  return {
    ...status,
    view: query.value,
    queryError: query.error,
    async create(fields) {
      let id: string | null = null;
      const ok = await runCommand(status, async () => { id = (await hub.call('initiative.create', { initiative: fields })).id; });
      if (ok && id) context.router.go({ view: 'initiative', id });
      return ok ? id : null;
    },
    open: (id) => context.router.go({ view: 'initiative', id }),
    painted: () => marks.committed(false),
    dispose: () => query.dispose(),
  };
}

export function createInitiativeModel(hub: HubClient, id: string, context: ViewContext): InitiativeModel {
  const query = liveQuery(hub, 'initiative', { id });
  const status = commandStatus();
  return {
    id, ...status,
    detail: query.value,
    edit: (patch) => runCommand(status, () => hub.call('initiative.edit', { id, patch }), 'Saved.'),
    openAction: (actionId) => context.router.go({ view: 'action', id: actionId }),
    dispose: () => query.dispose(),
  };
}
