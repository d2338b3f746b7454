import { describe, expect, it } from 'vitest';
import { formatDate, formatRating, formatSite, httpLink, truncationNote } from '../../../extension/capture/format';
import { isTrustedEvent } from '../../../extension/capture/trust';

describe('how the dialog words things', () => {
  it('writes ratings as "4 / 5"', () => {
    expect(formatRating(4, 5)).toBe('4 / 5');
    expect(formatRating(4.5, null)).toBe('4.5 / 5');
    expect(formatRating(8, 10)).toBe('8 / 10');
    expect(formatRating(8, null)).toBe('8');
    expect(formatRating(0.1 + 0.2, 1)).toBe('0.3 / 1');
    expect(formatRating(null, 5)).toBeNull();
  });

  it('writes dates plainly, without a time zone shifting a bare date', () => {
    expect(formatDate('2024-03-05')).toBe('5 Mar 2024');
    expect(formatDate('2024-02-11T09:15:42.000Z')).toMatch(/^1[01] Feb 2024$/);
    expect(formatDate('last Tuesday')).toBe('last Tuesday');
    expect(formatDate(null)).toBeNull();
  });

  it('names platforms and sites', () => {
    expect(formatSite('hacker-news', 'news.ycombinator.com')).toBe('Hacker News · news.ycombinator.com');
    expect(formatSite('some-forum', '')).toBe('Some forum');
    expect(formatSite(null, 'example.com')).toBe('example.com');
    expect(formatSite(null, '')).toBeNull();
  });

  it('links only to http(s) addresses', () => {
    expect(httpLink('https://example.com/r/1')).toBe('https://example.com/r/1');
    expect(httpLink('javascript:alert(1)')).toBeNull();
    expect(httpLink('data:text/html,<b>x</b>')).toBeNull();
    expect(httpLink('not a url')).toBeNull();
  });

  it('says how much of a long selection was kept', () => {
    expect(truncationNote(1_048_576)).toBe('Selection cut to 10,000 characters (it had 1,048,576)');
  });
});

describe('the trust check', () => {
  it('accepts only events the browser marked trusted', () => {
    expect(isTrustedEvent({ isTrusted: true } as Event)).toBe(true);
    expect(isTrustedEvent({ isTrusted: false } as Event)).toBe(false);
    expect(isTrustedEvent({} as Event)).toBe(false);
  });
});
