/** @module Personal-data detection on a table of real-world formats, with the checksums that tell real numbers from look-alikes. */
import { describe, expect, it } from 'vitest';
import { isCardNumber, isIban, luhnValid } from '../../../shared/redact/checks';
import { applyRedaction, findPersonalData, redactText, type PersonalKind } from '../../../shared/redact/detect';

/** [text as it would stand in a review, kind expected, or null for "nothing personal here"]. */
const TABLE: [string, PersonalKind | null][] = [
  // Emails, with plus addressing, apostrophes, accents and non-Latin scripts.
  ['priya.raman+refunds@example.com', 'email'],
  ["o'brien@example.ie", 'email'],
  ['josé.garcía@correo.es', 'email'],
  ['ivan.petrov@почта.рф', 'email'],
  ['用户@例子.广告', 'email'],
  ['support@mail.acme-widgets.co.uk', 'email'],
  // Payment cards: test numbers of each network, spaced, hyphenated and bare; Luhn decides.
  ['4111 1111 1111 1111', 'card'],
  ['4012-8888-8888-1881', 'card'],
  ['5555555555554444', 'card'],
  ['2221 0000 0000 0009', 'card'],
  ['3782 822463 10005', 'card'],
  ['6011 1111 1111 1117', 'card'],
  ['3530 1113 3330 0000', 'card'],
  ['6200 0000 0000 0005', 'card'],
  ['4111 1111 1111 1112', null], // fails Luhn
  ['1234 5678 9012 3456', null], // fails Luhn
  ['9400111899223343', null], // Luhn-valid, but no card network issues 9… (a parcel tracking number)
  // IBANs, grouped and compact; mod 97 decides.
  ['DE89 3704 0044 0532 0130 00', 'iban'],
  ['GB82 WEST 1234 5698 7654 32', 'iban'],
  ['FR14 2004 1010 0505 0001 3M02 606', 'iban'],
  ['NL91ABNA0417164300', 'iban'],
  ['ES91 2100 0418 4502 0005 1332', 'iban'],
  ['BE68 5390 0754 7034', 'iban'],
  ['DE89 3704 0044 0532 0130 01', null], // one digit off: mod 97 fails
  ['GB82 WEST 1234 5698 7654', null], // too short for GB
  // Phones from several countries, international and national.
  ['+44 20 7946 0958', 'phone'], // UK
  ['020 7946 0958', 'phone'], // UK national
  ['+1 (415) 555-2671', 'phone'], // US
  ['(415) 555-2671', 'phone'],
  ['415.555.2671', 'phone'],
  ['+33 6 12 34 56 78', 'phone'], // France
  ['06 12 34 56 78', 'phone'],
  ['+49 30 12345678', 'phone'], // Germany
  ['030 1234 5678', 'phone'],
  ['+81 3-1234-5678', 'phone'], // Japan
  ['+91 98765 43210', 'phone'], // India
  ['+61 2 9876 5432', 'phone'], // Australia
  ['+34 612 34 56 78', 'phone'], // Spain
  ['+55 11 91234-5678', 'phone'], // Brazil
  ['0044 20 7946 0958', 'phone'], // 00 international prefix
  ['+86 138 0013 8000', 'phone'], // China
  // National identity numbers.
  ['123-45-6789', 'national-id'], // US SSN shape
  ['AB 12 34 56 C', 'national-id'], // UK National Insurance
  ['000-12-3456', null], // never issued
  // Things that look numeric but are not personal data.
  ['2024-02-11', null],
  ['12/03/2024', null],
  ['version 10.2.3', null],
  ['order 123456', null],
  ['4 out of 5 stars', null],
  ['$1,299.00', null],
  ['at 10:30 on 3 Dec', null],
  ['+5 points', null],
  ['ticket #4471902', null],
  ['@priya_r', null], // a public handle
  ['Priya Raman', null], // a reviewer's name as the page shows it
  ['priya at example dot com', null], // spelled out: not detected (README says so)
];

describe('finding personal data', () => {
  it.each(TABLE)('%s → %s', (sample, kind) => {
    const text = `Hi, it's me: ${sample}. Thanks!`;
    const found = findPersonalData(text);
    if (kind === null) {
      expect(found).toEqual([]);
    } else {
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ kind, value: sample });
      expect(text.slice(found[0]!.start, found[0]!.end)).toBe(sample);
    }
  });

  it('finds every item in a review holding several, in order, and replaces each by its label', () => {
    const review = 'Refund never came. Call me on +44 20 7946 0958 or write to priya.raman+refunds@example.com; '
      + 'I paid with 4111 1111 1111 1111 and my IBAN is DE89 3704 0044 0532 0130 00.';
    const found = findPersonalData(review);
    expect(found.map((f) => f.kind)).toEqual(['phone', 'email', 'card', 'iban']);
    expect(applyRedaction(review, found)).toBe(
      'Refund never came. Call me on [phone] or write to [email]; I paid with [card] and my IBAN is [iban].');
    // The person keeps one of them: only that one stays.
    expect(applyRedaction(review, found, new Set(['priya.raman+refunds@example.com']))).toBe(
      'Refund never came. Call me on [phone] or write to priya.raman+refunds@example.com; I paid with [card] and my IBAN is [iban].');
  });

  it('does not read a card number as a phone number, nor an IBAN as a card', () => {
    expect(findPersonalData('card 5555 5555 5555 4444 ok').map((f) => f.kind)).toEqual(['card']);
    expect(findPersonalData('iban NL91ABNA0417164300 ok').map((f) => f.kind)).toEqual(['iban']);
  });

  it('treats empty and non-text input as nothing found', () => {
    expect(findPersonalData('')).toEqual([]);
    expect(findPersonalData(undefined as unknown as string)).toEqual([]);
    expect(redactText('No personal data, just a complaint about shipping.')).toBe('No personal data, just a complaint about shipping.');
  });

  it('stays linear on hostile input (long digit runs, many @)', () => {
    const hostile = `${'1 '.repeat(20_000)}${'a@'.repeat(20_000)}${'+'.repeat(10_000)}`;
    expect(Array.isArray(findPersonalData(hostile))).toBe(true);
  });
});

describe('the checksums', () => {
  it('Luhn', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('12a4')).toBe(false);
  });

  it('card networks', () => {
    expect(isCardNumber('378282246310005')).toBe(true); // Amex, 15 digits
    expect(isCardNumber('37828224631000')).toBe(false); // wrong length for Amex
  });

  it('IBAN mod 97 and country length', () => {
    expect(isIban('GB82WEST12345698765432')).toBe(true);
    expect(isIban('GB82WEST1234569876543')).toBe(false);
    expect(isIban('XX82WEST12345698765432')).toBe(false);
  });
});
