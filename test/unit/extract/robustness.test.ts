// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractContext } from '../../../extension/capture/extract';
import type { SiteAdapter } from '../../../extension/capture/extract/adapters/types';
import { channelFor } from '../../../extension/capture/extract/classify';
import { rangeText } from '../../../extension/capture/extract/dom';
import { loadFixture, loadHtml, selectIn } from './helpers';

const HOSTILE = 'https://reviews.example.org/hostile-kettle';

describe('hostile page', () => {
  it('matches the review through script tags in its text and never reads script source as text', () => {
    const doc = loadFixture('hostile.html');
    const result = extractContext(doc, selectIn(doc), HOSTILE);
    expect(result.source).toMatchObject({
      url: HOSTILE,
      title: '"><script>alert(1)</script> Hostile Kettle reviews', // text, as the page wrote it; the UI escapes it
      author: 'Mallory', // the <script> inside the byline is not part of the name
      rating: 1,
      ratingMax: 5,
      postedAt: '2024-02-29T23:59:59Z',
    });
    expect(result.source.extractedBy).toMatchObject({ rating: 'jsonld:Review', author: 'html:item' });
    expect(result.sentiment).toBe('negative');
  });

  it('gives up on an item nested deeper than it walks, and does not parse JSON-LD nested 300 deep', () => {
    const doc = loadFixture('hostile.html');
    const result = extractContext(doc, selectIn(doc, '#deep-text', 40), HOSTILE);
    expect(result.source).toMatchObject({ author: null, rating: null, postedAt: null, url: HOSTILE });
    expect(result.extractors).toEqual(['link:canonical', 'meta:og']);
  });

  it('stays bounded on a multi-megabyte text node and a whole-page selection', () => {
    const doc = loadFixture('hostile.html');
    const huge = doc.getElementById('huge-text')!;
    huge.appendChild(doc.createTextNode(' lid '.repeat(600_000))); // 3 MB more
    const inHuge = extractContext(doc, selectIn(doc, '#huge-text'), HOSTILE);
    expect(inHuge.source.author).toBe('Verbose Vera');

    const all = doc.createRange();
    all.setStart(doc.body, 0);
    all.setEnd(doc.body, doc.body.childNodes.length);
    expect(rangeText(all).length).toBeLessThanOrEqual(500);
    const whole = extractContext(doc, all, HOSTILE);
    // A selection across several reviews is in no single review: page-level context only.
    expect(whole.source).toMatchObject({ author: null, rating: null, url: HOSTILE });
  });
});

describe('fallbacks', () => {
  it('a known host with unexpected markup falls back to the generic extractors', () => {
    const doc = loadFixture('blog-comments-microdata.html');
    const result = extractContext(doc, selectIn(doc), 'https://www.trustpilot.com/review/blog.example.com');
    expect(result.source).toMatchObject({ platform: 'trustpilot', author: 'Otto Berg', postedAt: '2024-03-08T08:05:00+01:00' });
    expect(result.source.extractedBy).toMatchObject({ platform: 'adapter:trustpilot', author: 'microdata:Comment' });
    expect(result.channel).toBe('review');
  });

  it('a known host with no markup at all gives the page and the platform', () => {
    const doc = loadFixture('no-metadata.html');
    const result = extractContext(doc, selectIn(doc), 'https://www.amazon.co.uk/gp/help/notes');
    expect(result.source).toMatchObject({ platform: 'amazon', site: 'amazon.co.uk', author: null, rating: null });
    expect(result.extractors).toEqual(['adapter:amazon', 'page:url']);
  });

  it('a microdata thread around the adapter\'s comment is not taken for the comment', () => {
    const doc = loadFixture('reddit.html');
    const main = doc.querySelector('main')!;
    main.setAttribute('itemscope', '');
    main.setAttribute('itemtype', 'https://schema.org/DiscussionForumPosting');
    main.insertAdjacentHTML('afterbegin', '<meta itemprop="author" content="thread-starter"><meta itemprop="ratingValue" content="1">');
    const result = extractContext(doc, selectIn(doc), 'https://www.reddit.com/r/acmewidgets/comments/1b2c3d4/x/');
    expect(result.source.author).toBe('gearhead_jo');
    expect(result.source.rating).toBeNull(); // the thread's rating is not the reply's
    expect(result.extractors).not.toContain('microdata:DiscussionForumPosting');
  });

  it('a selection spanning two reviews belongs to neither', () => {
    const doc = loadFixture('trustpilot.html');
    const texts = doc.querySelectorAll('[data-service-review-text-typography]');
    const range = doc.createRange();
    range.setStart(texts[0]!.firstChild!, 5);
    range.setEnd(texts[2]!.firstChild!, 10);
    const result = extractContext(doc, range, 'https://www.trustpilot.com/review/acme-widgets.com');
    expect(result.source).toMatchObject({ platform: 'trustpilot', author: null, rating: null, permalink: null });
  });
});

describe('never throws', () => {
  const throwing: SiteAdapter = {
    name: 'broken',
    channel: 'review',
    hosts: /^broken\.example$/,
    findItem: (start) => start.closest('.comment'),
    read: () => {
      throw new Error('selector drifted');
    },
  };

  it('skips an adapter that throws and keeps the other extractors', () => {
    const doc = loadFixture('blog-comments-microdata.html');
    const result = extractContext(doc, selectIn(doc), 'https://broken.example/post', { adapters: [throwing] });
    expect(result.source).toMatchObject({ platform: 'broken', author: 'Otto Berg' });
    expect(result.source.extractedBy.author).toBe('microdata:Comment');
    expect(result.extractors[0]).toBe('adapter:broken'); // it named the platform before failing
  });

  it('survives a document whose every method throws', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('no'); } }) as unknown as Document;
    const result = extractContext(hostile, null, 'https://example.com/page#frag');
    expect(result.source).toMatchObject({ url: 'https://example.com/page', site: 'example.com', title: '', author: null });
    expect(result.channel).toBe('other');
  });

  it('returns a minimal context even when the caller passes no address at all', () => {
    const doc = loadFixture('no-metadata.html');
    const result = extractContext(doc, null, undefined as unknown as string);
    expect(result).toMatchObject({ channel: 'other', sentiment: null, extractors: ['page:url'] });
    expect(result.source).toMatchObject({ title: '', platform: null, author: null, site: '' });
  });

  it('survives an address that is not a URL', () => {
    const doc = loadFixture('jsonld-reviews.html');
    const result = extractContext(doc, selectIn(doc), 'not a url');
    // Absolute links still resolve without a usable base.
    expect(result.source.url).toBe('https://shop.example.com/products/aurora-kettle');
    expect(result.source.author).toBe('Hannah Okafor');
  });
});

describe('channel presets', () => {
  const doc = () => loadHtml('<html><head><meta name="generator" content="Discourse 3.2"></head><body></body></html>');

  it('support desks by host or Zendesk help-centre path', () => {
    expect(channelFor({ adapterChannel: null, itemType: null, pageUrl: 'https://acme.zendesk.com/agent/tickets/4', doc: doc() })).toBe('support');
    expect(channelFor({ adapterChannel: null, itemType: 'Comment', pageUrl: 'https://help.acme.com/hc/en-us/community/posts/1', doc: doc() })).toBe('support');
  });

  it('forum software, item types, then other', () => {
    expect(channelFor({ adapterChannel: null, itemType: null, pageUrl: 'https://talk.acme.com/t/x/1', doc: doc() })).toBe('forum');
    expect(channelFor({ adapterChannel: null, itemType: 'SocialMediaPosting', pageUrl: 'https://a.example/', doc: doc() })).toBe('social');
    expect(channelFor({ adapterChannel: null, itemType: null, pageUrl: 'https://a.example/', doc: loadHtml('<p>x</p>') })).toBe('other');
    expect(channelFor({ adapterChannel: 'social', itemType: 'Review', pageUrl: 'https://acme.zendesk.com/', doc: doc() })).toBe('social');
  });
});
