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

/** A live query that asks nothing until its first `update(args)`. */
export function deferredQuery<Q extends QueryName>(hub: HubClient, name: Q): LiveQuery<Q> {
  let query: LiveQuery<Q> | null = null;
  const value = signal<QueryResult<Q> | undefined>(undefined);
  const error = signal<HubCallError | null>(null);
  const stops: (() => void)[] = [];
  return {
    value, error,
    update(args) {
      if (query) return query.update(args);
      query = liveQuery(hub, name, args);
      stops.push(query.value.subscribe((v) => { value.value = v; }), query.error.subscribe((e) => { error.value = e; }));
    },
    dispose() {
      stops.forEach((stop) => stop());
      query?.dispose();
    },
  };
}
