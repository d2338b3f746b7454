// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractContext } from '../../../extension/capture/extract';
import { readJsonLd } from '../../../extension/capture/extract/jsonld';
import { loadFixture, loadHtml, selectIn } from './helpers';

describe('microdata (blog with comments)', () => {
  const url = 'https://blog.example.com/2024/03/why-we-switched-billing/?utm_source=feed';

  it('reads the third comment, not the post author in the page meta', () => {
    const doc = loadFixture('blog-comments-microdata.html');
    const result = extractContext(doc, selectIn(doc), url);
    expect(result.source).toEqual({
      url: 'https://blog.example.com/2024/03/why-we-switched-billing/',
      title: 'Why we switched billing providers (and what broke)',
      site: 'blog.example.com',
      platform: null,
      author: 'Otto Berg',
      authorUrl: 'https://blog.example.com/people/otto-berg',
      rating: null,
      ratingMax: null,
      postedAt: '2024-03-08T08:05:00+01:00',
      permalink: 'https://blog.example.com/2024/03/why-we-switched-billing/?utm_source=feed#comment-103',
      extractedBy: {
        author: 'microdata:Comment', authorUrl: 'microdata:Comment', postedAt: 'microdata:Comment', permalink: 'microdata:Comment',
        url: 'link:canonical', site: 'link:canonical', title: 'meta:og',
      },
    });
    expect(result.channel).toBe('forum');
    expect(result.sentiment).toBeNull();
    expect(result.extractors).toEqual(['microdata:Comment', 'link:canonical', 'meta:og']);
  });

  it('leaves a comment\'s missing date empty rather than borrowing the article\'s', () => {
    const doc = loadFixture('blog-comments-microdata.html');
    doc.querySelector('#comment-103 > .comment-meta time')!.remove();
    const result = extractContext(doc, selectIn(doc), url);
    expect(result.source.author).toBe('Otto Berg');
    expect(result.source.postedAt).toBeNull();
    expect(result.extractors).not.toContain('meta:article');
  });

  it('reads a reply nested inside that comment as the reply', () => {
    const doc = loadFixture('blog-comments-microdata.html');
    doc.querySelector('#comment-104 [itemprop="text"] p')!.id = 'reply';
    const result = extractContext(doc, selectIn(doc, '#reply'), url);
    expect(result.source).toMatchObject({
      author: 'Ines Duarte',
      authorUrl: 'https://blog.example.com/authors/ines/',
      postedAt: '2024-03-08T09:30:00+00:00',
      permalink: 'https://blog.example.com/2024/03/why-we-switched-billing/?utm_source=feed#comment-104',
    });
  });

  it('reads the post itself when its body is selected', () => {
    const doc = loadFixture('blog-comments-microdata.html');
    const result = extractContext(doc, selectIn(doc, '#post-body-text'), url);
    expect(result.source).toMatchObject({ author: 'Ines Duarte', postedAt: '2024-03-07T09:00:00+00:00' });
    expect(result.source.extractedBy.author).toBe('microdata:BlogPosting');
    expect(result.channel).toBe('other');
  });

  it('with no selection falls back to the page meta tags', () => {
    const doc = loadFixture('blog-comments-microdata.html');
    const result = extractContext(doc, null, url);
    expect(result.source).toMatchObject({ author: 'Ines Duarte', postedAt: '2024-03-07T09:00:00+00:00', permalink: null, rating: null });
    expect(result.source.extractedBy).toMatchObject({ author: 'meta:author', postedAt: 'meta:article' });
    expect(result.extractors).toEqual(['meta:article', 'meta:author', 'link:canonical', 'meta:og']);
  });
});

describe('RDFa Lite', () => {
  it('reads the second review with its 10-point scale', () => {
    const doc = loadFixture('rdfa-reviews.html');
    const result = extractContext(doc, selectIn(doc), 'https://www.example-outdoor.com/tents/trailhead-2p/reviews');
    expect(result.source).toMatchObject({
      site: 'example-outdoor.com',
      author: 'Lukas Weber',
      authorUrl: 'https://www.example-outdoor.com/members/lukas-w',
      rating: 7,
      ratingMax: 10,
      postedAt: '2023-11-02',
      permalink: 'https://www.example-outdoor.com/tents/trailhead-2p/reviews/5522',
    });
    expect(result.source.extractedBy.rating).toBe('rdfa:Review');
    expect(result.sentiment).toBe('positive');
    expect(result.channel).toBe('review');
  });
});

describe('JSON-LD reviews matched to the selection', () => {
  const url = 'https://shop.example.com/products/aurora-kettle';

  it('gives the third review\'s author, rating, date and permalink when the third is selected', () => {
    const doc = loadFixture('jsonld-reviews.html');
    const result = extractContext(doc, selectIn(doc), url);
    expect(result.source).toMatchObject({
      title: 'Aurora Electric Kettle 1.7L',
      site: 'shop.example.com',
      platform: null,
      author: 'Hannah Okafor',
      authorUrl: 'https://shop.example.com/u/hannah-okafor',
      rating: 2,
      ratingMax: 5,
      postedAt: '2024-02-14',
      permalink: 'https://shop.example.com/products/aurora-kettle#review-3',
    });
    expect(result.source.extractedBy).toMatchObject({ author: 'jsonld:Review', rating: 'jsonld:Review', permalink: 'jsonld:Review' });
    expect(result.sentiment).toBe('negative');
    expect(result.channel).toBe('review');
  });

  it('reads numeric ratings on a 10-point scale and an Organization author', () => {
    const doc = loadFixture('jsonld-reviews.html');
    doc.querySelectorAll('.review-card p')[3]!.id = 'fourth';
    const result = extractContext(doc, selectIn(doc, '#fourth'), url);
    expect(result.source).toMatchObject({
      author: 'Kitchen Lab Magazine', authorUrl: 'https://kitchenlab.example/', rating: 9, ratingMax: 10, postedAt: '2024-02-20T10:00:00Z',
    });
    expect(result.sentiment).toBe('positive');
  });

  it('uses schema.org\'s default best rating of 5 when none is given', () => {
    const doc = loadFixture('jsonld-reviews.html');
    doc.querySelectorAll('.review-card p')[4]!.id = 'fifth';
    const result = extractContext(doc, selectIn(doc, '#fifth'), url);
    expect(result.source).toMatchObject({ author: 'Ravi Menon', rating: 4, ratingMax: 5 });
  });

  it('never reports the product\'s AggregateRating as a review rating', () => {
    const doc = loadFixture('jsonld-reviews.html');
    const none = extractContext(doc, null, url);
    expect(none.source).toMatchObject({ rating: null, ratingMax: null, author: null, postedAt: null });
    expect(none.sentiment).toBeNull();
    const heading = extractContext(doc, selectIn(doc, 'h1'), url);
    expect(heading.source.rating).toBeNull();
  });

  it('matches by the selected words when no element around the selection looks like a review', () => {
    const doc = loadHtml(`<html><body><script type="application/ld+json">[
      {"@type":"Review","author":"A","reviewBody":"First review about the blender being loud at night."},
      {"@type":"Review","author":{"name":"Bea"},"reviewBody":"Second review: the jar cracked after a month of smoothies.","reviewRating":{"ratingValue":"1"}}
    ]</script><div><p>First review about the blender being loud at night.</p><p id="t">Second review: the jar cracked after a month of smoothies.</p></div></body></html>`);
    const result = extractContext(doc, selectIn(doc, '#t', 40), 'https://blend.example/p/1');
    expect(result.source).toMatchObject({ author: 'Bea', rating: 1, ratingMax: 5 });
    expect(result.extractors[0]).toBe('jsonld:Review');
  });
});

describe('broken JSON-LD', () => {
  const url = 'https://forum.example.net/t/sync-keeps-failing/4412';

  it('skips the invalid block and still matches the valid array (author given as an array of strings)', () => {
    const doc = loadFixture('broken-jsonld.html');
    const result = extractContext(doc, selectIn(doc), url);
    expect(result.source).toMatchObject({
      title: 'Sync keeps failing after laptop sleep',
      author: 'Rui Costa',
      // html:item names "rui_costa", not "Rui Costa": a profile link is never paired with another name
      authorUrl: null,
      postedAt: '2024-03-02T11:20:00Z',
      permalink: 'https://forum.example.net/t/sync-keeps-failing/4412/3',
    });
    expect(result.source.extractedBy.author).toBe('jsonld:Comment');
    expect(result.channel).toBe('forum');
  });

  it('ignores wrongly typed values and falls through to the post markup', () => {
    const doc = loadFixture('broken-jsonld.html');
    const result = extractContext(doc, selectIn(doc, '#wrong-types-target'), url);
    expect(result.source).toMatchObject({
      author: 'marta_k', authorUrl: 'https://forum.example.net/u/marta_k', rating: null, postedAt: null, permalink: null,
    });
    expect(result.source.extractedBy.author).toBe('html:item');
    expect(result.extractors).not.toContain('jsonld:Comment');
  });

  it('keeps what parses: three comments, no posting from the invalid block', () => {
    const items = readJsonLd(loadFixture('broken-jsonld.html'), url);
    expect(items.map((item) => [item.type, item.fields.author])).toEqual([
      ['Comment', null],
      ['Comment', 'Rui Costa'],
      ['Comment', null],
    ]);
    expect(items[0]!.fields.permalink).toBeNull(); // "javascript:alert(1)"
    expect(items[2]!.fields.postedAt).toBeNull(); // "not a date"
  });
});

describe('a page with no metadata', () => {
  it('gives the address without its fragment, the host, and nothing else', () => {
    const doc = loadFixture('no-metadata.html');
    for (const selection of [selectIn(doc), null]) {
      expect(extractContext(doc, selection, 'https://notes.example.org/call?id=7#section-2')).toEqual({
        source: {
          url: 'https://notes.example.org/call?id=7', title: '', site: 'notes.example.org', platform: null,
          author: null, authorUrl: null, rating: null, ratingMax: null, postedAt: null, permalink: null,
          extractedBy: { url: 'page:url', site: 'page:url' },
        },
        channel: 'other',
        sentiment: null,
        extractors: ['page:url'],
        adapter: null,
      });
    }
  });
});
