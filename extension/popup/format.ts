/** @module Words for the popup: ages, ratings, platforms, statuses, dates, initials. */
import type { ActionStatus, Channel, LoopState, Sentiment } from '../../shared/schema/constants';
import type { Capture } from '../../shared/schema/records';

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

// Intl formatters are costly to build (toLocale*String builds one per call); a list renders dozens.
let formatters: { day: Intl.DateTimeFormat; dayYear: Intl.DateTimeFormat; full: Intl.DateTimeFormat } | null = null;
const format = () => (formatters ??= {
  day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' }),
  dayYear: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }),
  full: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }),
});

function shortDate(date: Date, today: Date): string {
  return (date.getFullYear() === today.getFullYear() ? format().day : format().dayYear).format(date);
}

/** A calendar date (YYYY-MM-DD) for people: "22 Nov" or "22 Nov 2027". Read as a local date. */
export function calendarDate(date: string, now: number): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return shortDate(new Date(y, m - 1, d), new Date(now));
}

/** Full local date and time, for tooltips. */
export function fullTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : format().full.format(at);
}

export function ratingText(capture: Capture): string | null {
  const { rating, ratingMax } = capture.source;
  if (rating === null) return null;
  return `★ ${formatNumber(rating)}/${formatNumber(ratingMax ?? 5)}`;
}

const formatNumber = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

const PLATFORMS: Record<string, string> = {
  trustpilot: 'Trustpilot', g2: 'G2', amazon: 'Amazon', 'google-play': 'Google Play', 'app-store': 'App Store',
  reddit: 'Reddit', x: 'X', youtube: 'YouTube', 'hacker-news': 'Hacker News', linkedin: 'LinkedIn',
};

/** The platform's name when known ("Trustpilot"), else the site ("forum.example.com"). */
export function sourceLabel(capture: Capture): string {
  const { platform, site } = capture.source;
  return (platform && PLATFORMS[platform]) ?? site ?? '';
}

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  proposed: 'proposed', open: 'open', in_progress: 'in progress', blocked: 'blocked', done: 'done', wont_do: "won't do",
};

export const SENTIMENT_LABELS: Record<Sentiment, string> = { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' };

export const CHANNEL_LABELS: Record<Channel, string> = {
  review: 'Review', social: 'Social', forum: 'Forum', support: 'Support', other: 'Other',
};

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

let numbers: Intl.NumberFormat | null = null;
export const plural = (n: number, word: string, many = `${word}s`) => `${(numbers ??= new Intl.NumberFormat('en')).format(n)} ${n === 1 ? word : many}`;
