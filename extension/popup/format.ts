/** @module Words for the popup: ages, ratings, platforms, statuses, dates, initials. */
import type { ActionStatus, LoopState } from '../../shared/schema/constants';
import type { Capture } from '../../shared/schema/records';
import { PLATFORM_NAMES } from '../ui/words';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min ago", "3 h ago", "2 d ago", then a date ("12 Nov", with the year when it differs). */
export function relativeAge(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const ago = Math.max(0, now - at);
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`;
  if (ago < 7 * DAY) return `${Math.floor(ago / DAY)} d ago`;
  return shortDate(new Date(at), new Date(now));
}

// Dates are written by hand, in the words en-GB's Intl formats use (a test holds them equal): the
// first Intl.DateTimeFormat a page builds loads ICU data, several milliseconds that the first paint
// of a list of rows with dates and tooltips would otherwise pay. Dates and times are the viewer's
// local ones (their time zone), written the same way everywhere.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const twoDigits = (n: number) => String(n).padStart(2, '0');
const clock = (at: Date) => `${twoDigits(at.getHours())}:${twoDigits(at.getMinutes())}`;

/** "12 Nov", or "12 Nov 2025" when the year differs from today's. */
function shortDate(date: Date, today: Date): string {
  const day = `${date.getDate()} ${MONTHS[date.getMonth()]}`;
  return date.getFullYear() === today.getFullYear() ? day : `${day} ${date.getFullYear()}`;
}

/** The local day and month of a moment, without the year: "3 Dec" (the text itself when it is not a date). */
export function dayAndMonth(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : `${at.getDate()} ${MONTHS[at.getMonth()]}`;
}

/** A calendar date (YYYY-MM-DD) for people: "22 Nov" or "22 Nov 2027". Read as a local date. */
export function calendarDate(date: string, now: number): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return shortDate(new Date(y, m - 1, d), new Date(now));
}

/**
 * When a meeting happened, in local time: "today 09:15", "Tue 09:15" within the last six days,
 * else "12 Nov 09:15" ("12 Nov 2025 09:15" in another year).
 */
export function meetingTime(iso: string, now: number): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const time = clock(at);
  const today = new Date(now);
  const days = Math.round((startOfDay(today) - startOfDay(at)) / DAY);
  if (days === 0) return `today ${time}`;
  if (days > 0 && days < 7) return `${WEEKDAYS[at.getDay()]} ${time}`;
  return `${shortDate(at, today)} ${time}`;
}

/** A calendar date with its weekday, for dates people plan around: "Tue 22 Dec". */
export function plannedDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  const at = new Date(y, m - 1, d);
  return `${WEEKDAYS[at.getDay()]} ${at.getDate()} ${MONTHS[at.getMonth()]}`;
}

const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();

/** Full local date and time, for tooltips: "22 Nov 2026, 09:05". */
export function fullTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${at.getDate()} ${MONTHS[at.getMonth()]} ${at.getFullYear()}, ${clock(at)}`;
}

export function ratingText(capture: Capture): string | null {
  const { rating, ratingMax } = capture.source;
  if (rating === null) return null;
  return `★ ${formatNumber(rating)}/${formatNumber(ratingMax ?? 5)}`;
}

const formatNumber = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** The platform's name when known ("Trustpilot"), else the site ("forum.example.com"). */
export function sourceLabel(capture: Capture): string {
  const { platform, site } = capture.source;
  return (platform && PLATFORM_NAMES[platform]) ?? site ?? '';
}

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  proposed: 'proposed', open: 'open', in_progress: 'in progress', blocked: 'blocked', done: 'done', wont_do: "won't do",
};

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export { CHANNEL_LABELS, plural, SENTIMENT_LABELS } from '../ui/words';

export const LOOP_LABELS: Record<LoopState, string> = { none: 'No reply needed', reply_needed: 'Reply needed', replied: 'Replied' };

/** Up to two initials: "Dana Kim" → "DK", "sam" → "S". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((w) => [...w][0]!.toUpperCase()).join('') || '?';
}

/** The start of a quote, for names like "Select “The checkout page…”". */
export function quoteStart(text: string, words = 6): string {
  const parts = text.trim().split(/\s+/);
  return parts.length <= words ? parts.join(' ') : `${parts.slice(0, words).join(' ')}…`;
}

/** A default action title from a quote: its first sentence, at most ~80 characters. */
export function titleFromQuote(text: string): string {
  const flat = text.trim().replace(/\s+/g, ' ');
  const sentence = /^(.{12,}?[.!?])(\s|$)/.exec(flat)?.[1] ?? flat;
  return sentence.length <= 80 ? sentence : `${sentence.slice(0, 79).replace(/\s+\S*$/, '')}…`;
}
