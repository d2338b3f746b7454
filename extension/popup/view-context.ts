/** @module What every view model of the popup gets from the popup as a whole. */
import type { ReadonlySignal } from '@preact/signals';
import type { CachedViewName, CachedViewValue } from '../messaging/view-cache';
import type { Router } from './router-model';

export interface ViewContext {
  router: Router;
  /** The member id of whoever uses the popup, once the hub said. */
  me(): string | null;
  /**
   * A view's cached default state while it may stand in for the hub (popup-model.ts); a view in
   * `CACHED_VIEWS` seeds its first paint from it. Absent where nothing is cached (unit tests of one model).
   */
  cachedView?<V extends CachedViewName>(name: V): ReadonlySignal<CachedViewValue<V> | undefined>;
}
