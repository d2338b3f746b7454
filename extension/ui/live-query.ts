/** @module A hub live query as a Preact signal: the latest value, or the error that replaced it. */
import { signal, type Signal } from '@preact/signals';
import type { HubCallError, HubClient } from '../messaging/hub-client';
import type { QueryArgs, QueryName, QueryResult } from '../messaging/protocol';

export interface LiveQuery<Q extends QueryName> {
  value: Signal<QueryResult<Q> | undefined>;
  error: Signal<HubCallError | null>;
  /** Changes the arguments (a new filter, another page) and re-subscribes. */
  update(args: QueryArgs<Q>): void;
  dispose(): void;
}

export function liveQuery<Q extends QueryName>(hub: HubClient, name: Q, args: QueryArgs<Q>): LiveQuery<Q> {
  const value = signal<QueryResult<Q> | undefined>(undefined);
  const error = signal<HubCallError | null>(null);
  let unsubscribe = () => {};
  const start = (next: QueryArgs<Q>) => {
    unsubscribe();
    unsubscribe = hub.subscribe(name, next, (result) => {
      error.value = null;
      value.value = result;
    }, (failure) => {
      error.value = failure;
    });
  };
  start(args);
  return { value, error, update: start, dispose: () => unsubscribe() };
}
