/**
 * @module Phone numbers in running text, without a numbering-plan database: international numbers
 * (`+` or `00`, an assigned country code, 8-15 digits as E.164 allows) in any grouping, and national
 * numbers in the shapes people write them (North American `(555) 123-4567`, and trunk-prefixed
 * `020 7946 0958`, `06 12 34 56 78`, `030 1234 5678`). A national number without its trunk `0`
 * (a Spanish `612 34 56 78`) is found only with its country code: alone it reads like any other
 * count. libphonenumber-js would know every plan, at 36 KB gzipped in a script that runs on every page.
 */

/** ITU-T E.164 country calling codes: 1 and 7, the assigned two-digit codes, then three-digit ranges. */
const TWO_DIGIT = new Set([
  20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58,
  60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
]);
const THREE_DIGIT: [number, number][] = [
  [210, 269], [290, 299], [350, 359], [370, 389], [420, 429], [500, 509], [590, 599], [670, 692],
  [850, 856], [870, 888], [960, 979], [990, 998],
];

export function hasCountryCode(digits: string): boolean {
  const first = digits.charCodeAt(0) - 48;
  if (first === 1 || first === 7) return true;
  if (TWO_DIGIT.has(Number(digits.slice(0, 2)))) return true;
  const three = Number(digits.slice(0, 3));
  return THREE_DIGIT.some(([low, high]) => three >= low && three <= high);
}

/** A number-like run: optional + or (, digits with single separators between them. */
export const PHONE_CANDIDATE = /(?<![\p{L}\p{N}_+@.\/-])(?:\+ ?|\()?\d(?:(?:[ \u00a0.\-\/]|\) ?| ?\()?\d){6,20}(?![\p{L}\p{N}_@]|[.\-\/]\d)/gu;

const DATE_LIKE = /^(?:\d{4}[.\-\/]\d{1,2}[.\-\/]\d{1,2}|\d{1,2}[.\-\/]\d{1,2}[.\-\/]\d{2,4})$/;
const NANP = /^(?:1[ .\-]?)?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ .\-])[2-9]\d{2}[ .\-]\d{4}$/;

/** True when `text` (one candidate run, already trimmed) is a phone number. */
export function isPhoneNumber(text: string): boolean {
  if (DATE_LIKE.test(text)) return false;
  const digits = text.replace(/\D/g, '');
  if (text.startsWith('+')) return digits.length >= 8 && digits.length <= 15 && hasCountryCode(digits);
  if (digits.startsWith('00') && /^00[ \d]/.test(text)) {
    const rest = digits.slice(2);
    return rest.length >= 8 && rest.length <= 15 && hasCountryCode(rest);
  }
  if (NANP.test(text)) return true;
  const grouped = /[ \u00a0.\-\/()]/.test(text);
  // A trunk-prefixed national number: 0 then a non-zero area code; grouped like a phone, or the bare 10-11 digits.
  if (/^\(?0[1-9]/.test(text)) return grouped ? digits.length >= 9 && digits.length <= 12 : digits.length === 10 || digits.length === 11;
  return false;
}
