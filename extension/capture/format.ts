/** @module How the capture dialog words what it shows: counts, ratings, dates, platform names, safe links. */
import { LIMITS } from '../../shared/schema/constants';
import { PLATFORM_NAMES } from '../ui/words';

/** The UI is English; numbers are grouped the same way on every machine ("10,000"). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function truncationNote(selectedLength: number): string {
  return `Selection cut to ${formatCount(LIMITS.captureText)} characters (it had ${formatCount(selectedLength)})`;
}

/** "4 / 5". Without a known scale, 5 is assumed only when the rating fits it. */
export function formatRating(rating: number | null, ratingMax: number | null): string | null {
  if (rating === null) return null;
  const max = ratingMax ?? (rating <= 5 ? 5 : null);
  const shown = (n: number) => String(Number(n.toFixed(2)));
  return max === null ? shown(rating) : `${shown(rating)} / ${shown(max)}`;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "5 Mar 2024". A bare calendar date is shown as written (read as UTC so no time zone moves it a
 * day); anything unparseable is shown as the page gave it.
 */
export function formatDate(value: string | null): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value.slice(0, 64);
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
  if (DATE_ONLY.test(value)) options.timeZone = 'UTC';
  return new Intl.DateTimeFormat('en-GB', options).format(ms);
}

export function platformName(platform: string): string {
  return PLATFORM_NAMES[platform] ?? platform.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** "Trustpilot · trustpilot.com", or just the site. */
export function formatSite(platform: string | null, site: string): string | null {
  const name = platform ? platformName(platform) : null;
  if (name && site) return `${name} · ${site}`;
  return name ?? (site || null);
}

/**
 * The address only when it is http(s): a permalink comes from the page's markup, and a hostile
 * page could offer `javascript:` to run in our dialog's link.
 */
export function httpLink(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
