/** @module Dedupe keys for captures: the same words from the same page give the same key. */
import { fnv1a, pageKey } from './page-keys';

/**
 * Dedupe key: the same words from the same page give the same key, whatever the whitespace,
 * case, fragment or tracking parameters. 64 bits of FNV-1a, as two 32-bit halves in hex.
 */
export function captureFingerprint(text: string, url: string): string {
  const words = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return `${fnv1a(words, 0x811c9dc5)}${fnv1a(words, 0x01000193)}-${fnv1a(pageKey(url), 0x811c9dc5)}`;
}
