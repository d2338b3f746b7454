// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractContext } from '../../../extension/capture/extract';
import { loadFixture, selectIn } from './helpers';

describe('Trustpilot adapter', () => {
  const url = 'https://www.trustpilot.com/review/acme-widgets.com?page=1';

  it('reads the third review card, not the page or the company reply', () => {
    const doc = loadFixture('trustpilot.html');
    const result = extractContext(doc, selectIn(doc), url);
    expect(result.source).toMatchObject({
      url: 'https://www.trustpilot.com/review/acme-widgets.com',
      title: 'Acme Widgets is rated "Great" with 4.1 / 5 on Trustpilot',
      site: 'trustpilot.com',
      platform: 'trustpilot',
      author: 'Priya Raman',
      authorUrl: 'https://www.trustpilot.com/users/64b7f0c2a1e4d5f6a7b8c9d0',
      rating: 2,
      ratingMax: 5,
      postedAt: '2024-02-11T09:15:42.000Z',
      permalink: 'https://www.trustpilot.com/reviews/65c8a1f2e3d4b5a6c7d8e9f0',
    });
    expect(result.source.extractedBy).toMatchObject({
      author: 'adapter:trustpilot', rating: 'adapter:trustpilot', permalink: 'adapter:trustpilot',
      url: 'link:canonical', title: 'meta:og', platform: 'adapter:trustpilot',
    });
    expect(result.channel).toBe('review');
    expect(result.sentiment).toBe('negative');
    expect(result.extractors).toEqual(['adapter:trustpilot', 'link:canonical', 'meta:og']);
  });

  it('reads the last card when a triple click ends the range at the start of the next block', () => {
    const doc = loadFixture('trustpilot.html');
    const cards = doc.querySelectorAll('[data-service-review-text-typography]');
    const last = cards[cards.length - 1]!;
    const range = doc.createRange();
    range.setStart(last.firstChild!, 0);
    range.setEnd(doc.querySelector('nav[aria-label="Pagination"]')!, 0); // what Chromium gives for a triple click
    expect(extractContext(doc, range, url).source).toMatchObject({ author: 'Grace Liu', rating: 3, postedAt: '2024-02-09T21:30:00.000Z' });
  });

  it('reads the first card when the selection is there', () => {
    const doc = loadFixture('trustpilot.html');
    const first = doc.querySelectorAll('[data-service-review-text-typography]')[0]!;
    first.id = 'first-review';
    const result = extractContext(doc, selectIn(doc, '#first-review'), url);
    expect(result.source).toMatchObject({ author: 'Oliver Bennett', rating: 5, postedAt: '2024-02-14T18:02:11.000Z' });
    expect(result.sentiment).toBe('positive');
  });

  it('served from 127.0.0.1, resolves links against the canonical address', () => {
    const doc = loadFixture('trustpilot.html');
    const result = extractContext(doc, selectIn(doc), 'http://127.0.0.1:4173/pages/trustpilot.html');
    expect(result.source.platform).toBe('trustpilot');
    expect(result.source.permalink).toBe('https://www.trustpilot.com/reviews/65c8a1f2e3d4b5a6c7d8e9f0');
    expect(result.source.site).toBe('trustpilot.com');
  });

  it('with no selection gives the page, never the 4.1 aggregate as a rating', () => {
    const doc = loadFixture('trustpilot.html');
    const result = extractContext(doc, null, url);
    expect(result.source).toMatchObject({ platform: 'trustpilot', author: null, rating: null, ratingMax: null, postedAt: null, permalink: null });
    expect(result.sentiment).toBeNull();
    expect(result.channel).toBe('review');
  });
});

describe('G2 adapter', () => {
  it('reads the second review: half-star class, microdata author, survey_responses permalink', () => {
    const doc = loadFixture('g2.html');
    const result = extractContext(doc, selectIn(doc), 'https://www.g2.com/products/acme-crm/reviews');
    expect(result.source).toMatchObject({
      platform: 'g2',
      site: 'g2.com',
      author: 'Marcus T.',
      authorUrl: 'https://www.g2.com/users/8c2d4e6f-2222-4a1b-8c9d-bbbbbbbbbbbb',
      rating: 3,
      ratingMax: 5,
      postedAt: '2024-01-22',
      permalink: 'https://www.g2.com/survey_responses/acme-crm-review-9034512',
    });
    expect(result.source.extractedBy.rating).toBe('adapter:g2');
    expect(result.sentiment).toBe('neutral');
    expect(result.channel).toBe('review');
  });

  it('turns stars-10 into 5 of 5 for the first review', () => {
    const doc = loadFixture('g2.html');
    doc.querySelector('#survey-response-9031177 .formatted-text')!.id = 'first';
    const result = extractContext(doc, selectIn(doc, '#first'), 'https://www.g2.com/products/acme-crm/reviews');
    expect(result.source).toMatchObject({ author: 'Anika K.', rating: 5, ratingMax: 5, postedAt: '2024-02-02' });
  });
});

describe('Amazon adapter', () => {
  const url = 'https://www.amazon.com/product-reviews/B0C1234567?pageNumber=1#cm_cr-review_list';

  it('reads the third review: icon text rating, prose date, review-title permalink', () => {
    const doc = loadFixture('amazon.html');
    const result = extractContext(doc, selectIn(doc), url);
    expect(result.source).toMatchObject({
      url: 'https://www.amazon.com/product-reviews/B0C1234567',
      title: 'Amazon.com: Customer reviews: Acme Widget Pro Wireless Charger, 15W Fast Charging Pad',
      site: 'amazon.com',
      platform: 'amazon',
      author: 'Dana K.',
      authorUrl: 'https://www.amazon.com/gp/profile/amzn1.account.AEXAMPLE3/ref=cm_cr_arp_d_gw_btm?ie=UTF8',
      rating: 1,
      ratingMax: 5,
      postedAt: '2024-03-03',
      permalink: 'https://www.amazon.com/gp/customer-reviews/R3QWERTY12345/ref=cm_cr_arp_d_rvw_ttl?ie=UTF8&ASIN=B0C1234567',
    });
    expect(result.source.extractedBy).toMatchObject({ title: 'page:title', postedAt: 'adapter:amazon' });
    expect(result.sentiment).toBe('negative');
  });

  it('reads another country\'s review date and a 3-star rating', () => {
    const doc = loadFixture('amazon.html');
    doc.querySelector('#R4DELTA0004XYZ [data-hook="review-body"] span')!.id = 'fourth';
    const result = extractContext(doc, selectIn(doc, '#fourth'), url);
    expect(result.source).toMatchObject({ author: 'Kenji', rating: 3, postedAt: '2024-01-09' });
    expect(result.sentiment).toBe('neutral');
  });
});

describe('Google Play adapter', () => {
  const url = 'https://play.google.com/store/apps/details?id=com.acme.notes&hl=en_US';

  it('reads the second review from its header, ignoring the developer reply date', () => {
    const doc = loadFixture('google-play.html');
    const result = extractContext(doc, selectIn(doc), url);
    expect(result.source).toMatchObject({
      platform: 'google-play',
      site: 'play.google.com',
      author: 'Tomás Alvarez',
      authorUrl: null,
      rating: 4,
      ratingMax: 5,
      postedAt: '2024-02-19',
      permalink: 'https://play.google.com/store/apps/details?id=com.acme.notes&hl=en_US&reviewId=gp%3AAOqpTOHexample-0002',
      title: 'Acme Notes - Apps on Google Play',
    });
    expect(result.sentiment).toBe('positive');
    // The app's own JSON-LD author (the developer) must not stand in for the reviewer.
    expect(result.extractors).not.toContain('jsonld:SoftwareApplication');
  });

  it('reads a one-star review when the author name itself is selected', () => {
    const doc = loadFixture('google-play.html');
    const name = Array.from(doc.querySelectorAll('.X5PpBb')).find((el) => el.textContent === 'N. Okoye')!;
    name.id = 'okoye';
    const result = extractContext(doc, selectIn(doc, '#okoye'), url);
    expect(result.source).toMatchObject({ author: 'N. Okoye', rating: 1, postedAt: '2024-02-02' });
    expect(result.sentiment).toBe('negative');
  });
});

describe('App Store adapter', () => {
  it('reads the third review, not the developer response below it', () => {
    const doc = loadFixture('app-store.html');
    const result = extractContext(doc, selectIn(doc), 'https://apps.apple.com/us/app/acme-notes/id1234567890?see-all=reviews');
    expect(result.source).toMatchObject({
      url: 'https://apps.apple.com/us/app/acme-notes/id1234567890',
      title: 'Acme Notes',
      platform: 'app-store',
      site: 'apps.apple.com',
      author: 'sleepyowl42',
      authorUrl: null,
      rating: 3,
      ratingMax: 5,
      postedAt: '2024-01-30T08:12:55.000Z',
      permalink: null,
    });
    expect(result.source.extractedBy).toMatchObject({ author: 'adapter:app-store', rating: 'adapter:app-store' });
    expect(result.source.extractedBy.permalink).toBeUndefined();
    expect(result.sentiment).toBe('neutral');
    expect(result.channel).toBe('review');
  });
});

describe('Amazon adapter without a title link', () => {
  it('builds the permalink from the review id', () => {
    const doc = loadFixture('amazon.html');
    doc.querySelectorAll('#R3QWERTY12345 a[href*="/customer-reviews/"]').forEach((a) => a.removeAttribute('href'));
    const result = extractContext(doc, selectIn(doc), 'https://www.amazon.com/product-reviews/B0C1234567');
    expect(result.source.permalink).toBe('https://www.amazon.com/gp/customer-reviews/R3QWERTY12345');
  });
});
