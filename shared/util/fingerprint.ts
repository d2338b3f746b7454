/** @module Dedupe keys for captures: the same words from the same page give the same key. */

/**
 * Dedupe key: the same words from the same page give the same key, whatever the whitespace,
 * case, fragment or tracking parameters. 64 bits of FNV-1a, as two 32-bit halves in hex.
 */
export function captureFingerprint(text: string, url: string): string {
  const words = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return `${fnv1a(words, 0x811c9dc5)}${fnv1a(words, 0x01000193)}-${fnv1a(pageKey(url), 0x811c9dc5)}`;
}

function pageKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const key of [...u.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$|ref$)/.test(key)) u.searchParams.delete(key);
    return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return url;
  }
}

function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
