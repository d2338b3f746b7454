/** @module The contract of a site adapter: how one site marks up a single review, post or comment. */
import type { Channel } from '../../../../shared/schema/constants';
import type { ItemFields } from '../types';

export interface SiteAdapter {
  /** Platform id stored on the capture; the extractor label is `adapter:<name>`. */
  name: string;
  /** What feedback on this site is: review sites 'review', social networks 'social', HN 'forum'. */
  channel: Channel;
  /** Tested against the page's hostname. */
  hosts: RegExp;
  /** The item element holding `start` (the selection), or null when the markup is not recognised. */
  findItem(start: Element): Element | null;
  /** The item's author, rating, date and permalink; `base` resolves relative links. May throw: callers guard. */
  read(item: Element, base: string): ItemFields;
}
