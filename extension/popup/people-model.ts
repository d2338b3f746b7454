/** @module The People tab's state: each member's load (open, overdue, done lately), and going to one person's list for a check-in. */
import type { Signal } from '@preact/signals';
import type { PeopleView } from '../../shared/queries/people';
import type { HubCallError, HubClient } from '../messaging/hub-client';
import { liveQuery } from '../ui/live-query';
import { viewMarks } from './paint-marks';
import { popupEnv, type PopupEnv } from './popup-env';
import type { ViewContext } from './view-context';

/** The owner id of work nobody owns, as `ActionFilter.assignee` takes it. */
export const UNASSIGNED = 'unassigned';

export interface PeopleModel {
  view: Signal<PeopleView | undefined>;
  queryError: Signal<HubCallError | null>;
  /** Opens the Actions tab filtered to this member (or to `UNASSIGNED`). */
  openList(memberId: string): void;
  painted(): void;
  dispose(): void;
}

export function createPeopleModel(hub: HubClient, context: ViewContext, env: PopupEnv = popupEnv()): PeopleModel {
  const query = liveQuery(hub, 'people', {});
  const marks = viewMarks(env.performance, 'people');
  return {
    view: query.value,
    queryError: query.error,
    openList: (memberId) => context.router.go({ view: 'owner', id: memberId }),
    painted: () => marks.committed(false),
    dispose: () => query.dispose(),
  };
}
