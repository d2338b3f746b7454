/**
 * @module The dashboard's filters as keys: every capture counts under each combination of its
 * site, channel and tags (and under "*", no filter), so a filtered view is one lookup, not a scan.
 */
import type { Channel } from '../schema/constants';

/** What the dashboard narrows to; an absent field means "any". */
export interface DashboardFilter {
  site?: string;
  channel?: Channel;
  tag?: string;
}

/** The key of everything: no filter. */
export const ALL_KEY = '*';

/** The aggregate key of a filter. Parts are joined with a character no site, channel or tag holds. */
export function filterKey(filter: DashboardFilter): string {
  const parts: string[] = [];
  if (filter.site) parts.push(`s\u0001${filter.site}`);
  if (filter.channel) parts.push(`c\u0001${filter.channel}`);
  if (filter.tag) parts.push(`t\u0001${filter.tag.toLowerCase()}`);
  return parts.length ? parts.join('\u0002') : ALL_KEY;
}

/** Every filter a capture with these values matches: 2 x 2 x (1 + tags) keys. */
export function captureKeys(site: string, channel: Channel, tags: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const s of site ? [undefined, site] : [undefined]) {
    for (const c of [undefined, channel]) {
      for (const t of [undefined, ...tags]) keys.add(filterKey({ site: s, channel: c, tag: t }));
    }
  }
  return [...keys];
}
