/** @module Parsers for the loose values pages publish: numbers, star ratings in words, dates in prose. */

export interface RatingPair {
  rating: number;
  ratingMax: number;
}

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** A finite number from a number or a numeric string ("4", "4.5", "4,5"); anything else is null. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return /^[+-]?\d+(?:[.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : null;
}

/** Labels spell numbers out ("out of five stars"); structured data must not, so only labels use this. */
function wordOrNumber(value: string | undefined): number | null {
  const text = (value ?? '').toLowerCase();
  return WORDS[text] ?? toNumber(text);
}

/** The scale a bare rating is most likely on, when the page does not say (schema.org's default is 5). */
export function scaleFor(rating: number): number {
  return rating <= 5 ? 5 : rating <= 10 ? 10 : 100;
}

/** A rating with its scale, or null when either is missing, out of range or nonsensical (6 of 5). */
export function ratingPair(rating: unknown, max?: unknown): RatingPair | null {
  const value = toNumber(rating);
  if (value === null || value < 0) return null;
  const scale = max === undefined || max === null || max === '' ? scaleFor(value) : toNumber(max);
  if (scale === null || scale <= 0 || scale > 100 || value > scale) return null;
  return { rating: value, ratingMax: scale };
}

const NUM = String.raw`(\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)`;
const OUT_OF = new RegExp(`${NUM}\\s*(?:stars?\\s*)?(?:out\\s+of|of|/|von|sur|de|su)\\s*${NUM}`, 'i');
const BARE = new RegExp(`(?:rated\\s+)?${NUM}\\s*(?:stars?|sterne|étoiles|estrellas)\\b`, 'i');

/** Ratings as labels say them: "4.0 out of 5 stars", "Rated 4 stars out of five stars", "4/5", "5 Stars". */
export function parseRatingText(text: string | null | undefined, defaultMax = 5): RatingPair | null {
  if (!text) return null;
  const sample = text.slice(0, 200);
  const pair = OUT_OF.exec(sample);
  if (pair) return ratingPair(wordOrNumber(pair[1]), wordOrNumber(pair[2]));
  const bare = BARE.exec(sample);
  return bare ? ratingPair(wordOrNumber(bare[1]), defaultMax) : null;
}

const FULL = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?/;
const MONTH_DAY_YEAR = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/gi;
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/gi;

/**
 * An ISO 8601 date or date-time from what the page published: ISO strings pass through (offsets
 * written as +00:00), English prose dates ("Reviewed in the US on January 10, 2024") become YYYY-MM-DD.
 */
export function parseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.trim().slice(0, 200);
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, m, d, time, zone] = iso;
    if (!validDay(Number(y), Number(m), Number(d))) return null;
    const offset = zone && zone !== 'Z' ? `${zone.slice(0, 3)}:${zone.slice(-2)}` : (zone ?? '');
    return time ? `${y}-${m}-${d}T${time}${offset}` : `${y}-${m}-${d}`;
  }
  // Prose may hold other "word number" pairs before the date ("Version 10, 2024"): try each candidate.
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    const date = calendar(Number(m[3]), m[1] ?? '', Number(m[2]));
    if (date) return date;
  }
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    const date = calendar(Number(m[3]), m[2] ?? '', Number(m[1]));
    if (date) return date;
  }
  return null;
}

function calendar(year: number, monthName: string, day: number): string | null {
  const name = monthName.toLowerCase();
  const month = FULL.findIndex((full) => name.length >= 3 && full.startsWith(name)) + 1;
  if (month === 0 || !validDay(year, month, day)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1990 && year <= 2200 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
