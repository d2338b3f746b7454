/**
 * @module Which page a capture belongs to, as keys that survive what changes between two visits of
 * the same page: the fragment, tracking parameters, `www.` and a trailing slash. A capture has the
 * keys of its page address (canonical when the page declares one) and of its permalink; a page
 * has the keys of its address, its canonical link and its Open Graph URL. They match when any
 * two keys are equal.
 */

const TRACKING = /^(?:utm_|fbclid$|gclid$|dclid$|msclkid$|mc_cid$|mc_eid$|igshid$|_hsenc$|_hsmi$|ref$|ref_src$)/;

/** host + path + the query without tracking parameters; the URL itself when it is not one. */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    // Names gathered with forEach, not by spreading `searchParams.keys()`: in a Firefox content
    // script `URL` is the page's, seen through an Xray wrapper, and its iterators cannot be spread
    // (a TypeError), which made every page key the raw address there, so no page found its captures.
    const names: string[] = [];
    u.searchParams.forEach((_value, name) => { names.push(name); });
    for (const name of names) if (TRACKING.test(name)) u.searchParams.delete(name);
    return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return url;
  }
}

/** The keys of a capture's page: its address and its permalink. */
export function captureKeys(source: { url: string; permalink: string | null }): string[] {
  const keys = [pageKey(source.url)];
  if (source.permalink) keys.push(pageKey(source.permalink));
  return [...new Set(keys.filter((k) => k !== ''))];
}

/** 64 bits of FNV-1a as 16 hex digits: short enough to name a storage entry, wide enough not to collide. */
export function hashKey(text: string): string {
  return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x01000193);
}

export function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** This machine by name or loopback address: pages served from it (tests, saved copies) say nothing about the site. */
export const isLoopbackHost = (hostname: string) => /^(localhost|127(\.\d+){3}|\[::1\]|::1|0\.0\.0\.0)$/.test(hostname);

/**
 * The addresses a page may speak for: those on its own site (host without `www.`). A page's
 * canonical link is its own markup, so a page on another site claiming to be a Trustpilot review
 * must not see or touch that review's captures. Pages served from this machine (tests, saved
 * copies) stand in for the address they declare, as extraction lets them.
 */
export function sameSiteUrls(urls: readonly string[], senderUrl: string): string[] {
  const host = (url: string) => {
    try {
      return new URL(url).hostname.replace(/^www\./, '');
    } catch {
      return null;
    }
  };
  const sender = host(senderUrl);
  if (sender === null) return [];
  if (isLoopbackHost(sender)) return [...urls];
  return urls.filter((url) => host(url) === sender);
}
