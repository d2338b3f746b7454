/** @module The checksums that tell a real card number or IBAN from any other run of digits. */

/** Luhn (mod 10) over a string of digits: what every payment card number satisfies. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Card brands by their issuer prefix and lengths (ISO/IEC 7812 ranges as the networks publish them).
 * A Luhn-valid run of digits that no network issues is an order or tracking number, not a card.
 */
const BRANDS: { prefix: (d: string) => boolean; lengths: readonly number[] }[] = [
  { prefix: (d) => d.startsWith('4'), lengths: [13, 16, 19] }, // Visa
  { prefix: (d) => inRange(d, 2, 51, 55) || inRange(d, 4, 2221, 2720), lengths: [16] }, // Mastercard
  { prefix: (d) => d.startsWith('34') || d.startsWith('37'), lengths: [15] }, // American Express
  { prefix: (d) => d.startsWith('6011') || d.startsWith('65') || inRange(d, 3, 644, 649), lengths: [16, 17, 18, 19] }, // Discover
  { prefix: (d) => inRange(d, 4, 3528, 3589), lengths: [16, 17, 18, 19] }, // JCB
  { prefix: (d) => inRange(d, 3, 300, 305) || d.startsWith('36') || d.startsWith('38') || d.startsWith('39'), lengths: [14, 15, 16, 17, 18, 19] }, // Diners
  { prefix: (d) => d.startsWith('62'), lengths: [16, 17, 18, 19] }, // UnionPay
  { prefix: (d) => d.startsWith('50') || inRange(d, 2, 56, 69), lengths: [12, 13, 14, 15, 16, 17, 18, 19] }, // Maestro
];

function inRange(digits: string, width: number, low: number, high: number): boolean {
  const head = Number(digits.slice(0, width));
  return digits.length >= width && head >= low && head <= high;
}

/** A payment card number: a known network's prefix and length, and the Luhn check. */
export function isCardNumber(digits: string): boolean {
  return BRANDS.some((b) => b.prefix(digits) && b.lengths.includes(digits.length)) && luhnValid(digits);
}

/** IBAN length per country (the SWIFT registry). An IBAN of another length is mistyped or not one. */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18,
  GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32,
  LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15,
  PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27,
  ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/** An IBAN written without spaces, upper case: its country's length and the ISO 13616 mod-97 check. */
export function isIban(compact: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return false;
  if (IBAN_LENGTHS[compact.slice(0, 2)] !== compact.length) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch; // A=10 … Z=35
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}
