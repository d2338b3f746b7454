/**
 * @module Which pages have captures, readable by content scripts without waking the hub. The hub
 * writes one small entry per page key into `chrome.storage.local` (named by the key's hash, so the
 * addresses themselves are not listed there); a content script reads the two or three entries of
 * its own page at load and talks to the hub only when one exists. Both sides import this file.
 */
import { hashKey, pageKey, sameSiteUrls } from '../../shared/util/page-keys';

/** Prefix of the entries' names in `chrome.storage.local`. */
export const PAGE_INDEX_PREFIX = 'page-index:';

/** What each entry holds: the format version and how many captures the page key has. */
export interface PageIndexEntry {
  v: 1;
  n: number;
}

/** The storage names of a page's entries, for the page keys of `urls`. */
export function pageIndexNames(urls: readonly string[]): string[] {
  return [...new Set(urls.filter((u) => u).map((u) => PAGE_INDEX_PREFIX + hashKey(pageKey(u))))];
}

/** The storage name of one page key's entry. */
export function pageIndexName(key: string): string {
  return PAGE_INDEX_PREFIX + hashKey(key);
}

/** A stored entry, or null for anything not of this format (an older build, damage). */
export function parsePageIndexEntry(raw: unknown): PageIndexEntry | null {
  const entry = raw as Partial<PageIndexEntry> | null;
  return entry && typeof entry === 'object' && entry.v === 1 && Number.isInteger(entry.n) && entry.n! > 0 ? (entry as PageIndexEntry) : null;
}

/**
 * The addresses a page is known by: where it was loaded from, and its canonical link and Open
 * Graph URL when they are on its own site (see sameSiteUrls; the hub applies the same rule).
 */
export function pageUrls(doc: Document, href: string): string[] {
  const urls = [href];
  const resolve = (value: string | null | undefined) => {
    if (!value) return;
    try {
      urls.push(new URL(value, href).href);
    } catch {
      // Not an address: nothing to match.
    }
  };
  resolve(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'));
  resolve(doc.querySelector('meta[property="og:url"], meta[name="og:url"]')?.getAttribute('content'));
  return sameSiteUrls(urls, href);
}
