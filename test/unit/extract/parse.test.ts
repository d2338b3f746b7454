import { describe, expect, it } from 'vitest';
import { adapterFor, isLocalHost } from '../../../extension/capture/extract/adapters/registry';
import { timeFromId } from '../../../extension/capture/extract/adapters/linkedin';
import { sentimentFor } from '../../../extension/capture/extract/classify';
import { matchItem, type LdItem } from '../../../extension/capture/extract/jsonld';
import { parseDate, parseRatingText, ratingPair } from '../../../extension/capture/extract/parse';

describe('ratings', () => {
  it.each([
    ['4.0 out of 5 stars', 4, 5],
    ['Rated 4 stars out of five stars', 4, 5],
    ['3 out of 5', 3, 5],
    ['4,5 von 5 Sternen', 4.5, 5],
    ['Rated 2 out of 5 stars', 2, 5],
    ['9/10', 9, 10],
    ['5 Stars', 5, 5],
  ])('reads %j', (label, rating, ratingMax) => {
    expect(parseRatingText(label)).toEqual({ rating, ratingMax });
  });

  it.each(['Rated 6 out of 5', '', 'Top 5 of 2024', 'Verified Purchase', '12 people found this helpful'])('refuses %j', (label) => {
    expect(parseRatingText(label)).toBeNull();
  });

  it('pairs values with a scale, guessing schema.org\'s default of 5', () => {
    expect(ratingPair('2', '5')).toEqual({ rating: 2, ratingMax: 5 });
    expect(ratingPair(4)).toEqual({ rating: 4, ratingMax: 5 });
    expect(ratingPair(7)).toEqual({ rating: 7, ratingMax: 10 });
    expect(ratingPair(73)).toEqual({ rating: 73, ratingMax: 100 });
    for (const bad of [ratingPair(101), ratingPair(-1), ratingPair('five'), ratingPair(3, 0), ratingPair(6, 5), ratingPair({}), ratingPair(NaN)]) {
      expect(bad).toBeNull();
    }
  });
});

describe('dates', () => {
  it.each([
    ['2024-02-11T09:15:42.000Z', '2024-02-11T09:15:42.000Z'],
    ['2024-03-05T18:22:10.123000+0000', '2024-03-05T18:22:10.123000+00:00'],
    ['2024-03-04T16:45:12 1709570712', '2024-03-04T16:45:12'],
    ['2024-01-22', '2024-01-22'],
    ['Reviewed in the United States on March 3, 2024', '2024-03-03'],
    ['Reviewed in the United Kingdom on 3 March 2024', '2024-03-03'],
    ['Version 10, 2024 went out on February 2, 2024', '2024-02-02'],
    ['Sept 9, 2023', '2023-09-09'],
  ])('reads %j', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it.each(['2024-02-30', 'yesterday', '3 weeks ago', 'March 32, 2024', '', '0001-01-01'])('refuses %j', (raw) => {
    expect(parseDate(raw)).toBeNull();
  });
});

describe('sentiment from the rating', () => {
  it('uses the 0.7 and 0.4 bounds inclusively', () => {
    expect(sentimentFor(4, 5)).toBe('positive');
    expect(sentimentFor(3.5, 5)).toBe('positive');
    expect(sentimentFor(3, 5)).toBe('neutral');
    expect(sentimentFor(2, 5)).toBe('negative');
    expect(sentimentFor(7, 10)).toBe('positive');
    expect(sentimentFor(41, 100)).toBe('neutral');
    expect(sentimentFor(null, null)).toBeNull();
    expect(sentimentFor(3, null)).toBeNull();
  });
});

describe('adapter registry', () => {
  it.each([
    ['www.trustpilot.com', 'trustpilot'], ['uk.trustpilot.com', 'trustpilot'], ['www.trustpilot.de', 'trustpilot'],
    ['www.g2.com', 'g2'], ['www.amazon.co.uk', 'amazon'], ['smile.amazon.com', 'amazon'],
    ['play.google.com', 'google-play'], ['apps.apple.com', 'app-store'], ['old.reddit.com', 'reddit'],
    ['twitter.com', 'x'], ['mobile.x.com', 'x'], ['m.youtube.com', 'youtube'], ['news.ycombinator.com', 'hacker-news'],
    ['www.linkedin.com', 'linkedin'], ['WWW.REDDIT.COM', 'reddit'],
  ])('%s -> %s', (host, name) => {
    expect(adapterFor(host)?.name).toBe(name);
  });

  it.each(['evil-trustpilot.com', 'notx.com', 'ycombinator.com', 'google.com', 'example.org', 'reddit.com.evil.example'])('%s -> none', (host) => {
    expect(adapterFor(host)).toBeNull();
  });

  it('knows local hosts', () => {
    expect(['localhost', '127.0.0.1', '[::1]', ''].every(isLocalHost)).toBe(true);
    expect(isLocalHost('127.0.0.1.example.com')).toBe(false);
  });
});

describe('LinkedIn ids', () => {
  it('carry their creation time in the first 41 bits', () => {
    expect(timeFromId('7170349805738317447')).toBe('2024-03-04T09:30:12.345Z');
    expect(timeFromId('12345')).toBeNull();
    expect(timeFromId(null)).toBeNull();
  });
});

describe('JSON-LD matching', () => {
  const item = (author: string, body: string): LdItem => ({ type: 'Review', body, topLevel: false, fields: { author } });
  const items = [item('Ann', 'The hinge broke after two weeks of use.'), item('Bob', 'Battery lasts all day, very happy.')];

  it('prefers the item whose text is in the container', () => {
    expect(matchItem(items, 'Bob ★★★★★ Battery lasts all day, very happy. Helpful?', '')?.fields.author).toBe('Bob');
  });

  it('refuses to choose when the container holds several items', () => {
    expect(matchItem(items, 'The hinge broke after two weeks of use. Battery lasts all day, very happy.', '')).toBeNull();
  });

  it('falls back to the selected words, then to a single author named in the container', () => {
    expect(matchItem(items, '', 'broke after two weeks')?.fields.author).toBe('Ann');
    expect(matchItem(items, 'Review by Ann (edited)', '')?.fields.author).toBe('Ann');
    expect(matchItem(items, '', 'two')).toBeNull();
  });
});
