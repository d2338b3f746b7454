/** @module What every view model of the popup gets from the popup as a whole. */
import type { Router } from './router-model';

export interface ViewContext {
  router: Router;
  /** The member id of whoever uses the popup, once the hub said. */
  me(): string | null;
}
