/** @module Chooses the site adapter for a page by its hostname. */
import { isLoopbackHost } from '../../../../shared/util/page-keys';
import { amazon } from './amazon';
import { appStore } from './app-store';
import { g2 } from './g2';
import { googlePlay } from './google-play';
import { hackerNews } from './hacker-news';
import { linkedin } from './linkedin';
import { reddit } from './reddit';
import type { SiteAdapter } from './types';
import { trustpilot } from './trustpilot';
import { x } from './x';
import { youtube } from './youtube';

export const ADAPTERS: readonly SiteAdapter[] = [
  trustpilot, g2, amazon, googlePlay, appStore, reddit, x, youtube, hackerNews, linkedin,
];

/** The adapter for `hostname` (any case, with or without "www."), or null for the generic path. */
export function adapterFor(hostname: string, adapters: readonly SiteAdapter[] = ADAPTERS): SiteAdapter | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return adapters.find((adapter) => adapter.hosts.test(host)) ?? null;
}

/** Pages served from this machine (tests, saved copies; a file opened from disk has no host): their own host says nothing about the site. */
export function isLocalHost(hostname: string): boolean {
  return isLoopbackHost(hostname) || hostname === '';
}
