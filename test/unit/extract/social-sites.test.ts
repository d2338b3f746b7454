// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractContext } from '../../../extension/capture/extract';
import { loadFixture, selectIn } from './helpers';

describe('Reddit adapter', () => {
  const url = 'https://www.reddit.com/r/acmewidgets/comments/1b2c3d4/widget_pro_battery_drains_overnight/';

  it('reads a nested reply as itself, not as its parent comment or the post', () => {
    const doc = loadFixture('reddit.html');
    const result = extractContext(doc, selectIn(doc), url);
    expect(result.source).toMatchObject({
      platform: 'reddit',
      site: 'reddit.com',
      title: 'From the acmewidgets community on Reddit: Widget Pro battery drains overnight',
      author: 'gearhead_jo',
      authorUrl: 'https://www.reddit.com/user/gearhead_jo/',
      rating: null,
      postedAt: '2024-03-05T18:22:10.123000+00:00',
      permalink: 'https://www.reddit.com/r/acmewidgets/comments/1b2c3d4/comment/kx9z8y7/',
    });
    expect(result.source.extractedBy.author).toBe('adapter:reddit');
    expect(result.channel).toBe('social');
    expect(result.sentiment).toBeNull();
  });

  it('reads the post from its attributes when the post body is selected', () => {
    const doc = loadFixture('reddit.html');
    doc.querySelector('#t3_1b2c3d4-post-rtjson-content p')!.id = 'post-body';
    const result = extractContext(doc, selectIn(doc, '#post-body'), url);
    expect(result.source).toMatchObject({
      author: 'batterybrenda',
      postedAt: '2024-03-05T14:02:33.000000+00:00',
      permalink: url,
    });
  });

  it('with no selection gives the thread from the page\'s JSON-LD', () => {
    const doc = loadFixture('reddit.html');
    const result = extractContext(doc, null, url);
    expect(result.source).toMatchObject({
      platform: 'reddit',
      author: 'u/batterybrenda',
      authorUrl: 'https://www.reddit.com/user/batterybrenda/',
      postedAt: '2024-03-05T14:02:33.000Z',
      permalink: url,
    });
    expect(result.source.extractedBy.author).toBe('jsonld:DiscussionForumPosting');
    expect(result.channel).toBe('social');
  });

  it('does not report "[deleted]" as an author', () => {
    const doc = loadFixture('reddit.html');
    doc.querySelector('#t1_kxaa111-comment-rtjson-content p')!.id = 'deleted';
    const result = extractContext(doc, selectIn(doc, '#deleted'), url);
    expect(result.source.author).toBeNull();
    expect(result.source.authorUrl).toBeNull();
    expect(result.source.permalink).toBe('https://www.reddit.com/r/acmewidgets/comments/1b2c3d4/comment/kxaa111/');
  });
});

describe('X adapter', () => {
  const url = 'https://x.com/acmewidgets/status/1765432109876543210';

  it('reads the reply holding the selection, not the post it quotes', () => {
    const doc = loadFixture('x.html');
    const result = extractContext(doc, selectIn(doc), url);
    expect(result.source).toMatchObject({
      platform: 'x',
      site: 'x.com',
      author: 'Lena Fischer',
      authorUrl: 'https://x.com/lenafischer_dev',
      postedAt: '2024-03-06T14:03:27.000Z',
      permalink: 'https://x.com/lenafischer_dev/status/1765478901234567890',
    });
    expect(result.channel).toBe('social');
  });

  it('finds the main post\'s time link outside the name block, on twitter.com too', () => {
    const doc = loadFixture('x.html');
    doc.querySelector('[data-testid="tweetText"] span')!.id = 'main-post';
    const result = extractContext(doc, selectIn(doc, '#main-post'), 'https://twitter.com/acmewidgets/status/1765432109876543210');
    expect(result.source).toMatchObject({
      platform: 'x',
      author: 'Acme Widgets',
      authorUrl: 'https://twitter.com/acmewidgets',
      postedAt: '2024-03-06T09:00:00.000Z',
      permalink: 'https://twitter.com/acmewidgets/status/1765432109876543210',
    });
  });
});

describe('YouTube adapter', () => {
  it('reads a reply in a thread, with its lc= permalink and no guessed date', () => {
    const doc = loadFixture('youtube.html');
    const result = extractContext(doc, selectIn(doc), 'https://www.youtube.com/watch?v=dQw4acmeXYZ&t=42s');
    expect(result.source).toMatchObject({
      url: 'https://www.youtube.com/watch?v=dQw4acmeXYZ',
      title: 'Widget Pro 3 Review: Six Months Later',
      platform: 'youtube',
      site: 'youtube.com',
      author: '@makerbeth',
      authorUrl: 'https://www.youtube.com/@makerbeth',
      postedAt: null,
      permalink: 'https://www.youtube.com/watch?v=dQw4acmeXYZ&lc=UgzBBBtopLevel2.9xYzReply1',
    });
    // The video's JSON-LD author is the channel, not the commenter.
    expect(result.source.extractedBy.author).toBe('adapter:youtube');
    expect(result.channel).toBe('social');
  });

  it('reads the top-level comment above the replies', () => {
    const doc = loadFixture('youtube.html');
    const spans = doc.querySelectorAll('#content-text span');
    spans[1]!.id = 'top-level';
    const result = extractContext(doc, selectIn(doc, '#top-level'), 'https://www.youtube.com/watch?v=dQw4acmeXYZ');
    expect(result.source).toMatchObject({ author: '@commuterkai', permalink: 'https://www.youtube.com/watch?v=dQw4acmeXYZ&lc=UgzBBBtopLevel2' });
  });
});

describe('Hacker News adapter', () => {
  const url = 'https://news.ycombinator.com/item?id=39600001';

  it('reads the third comment row: hnuser, age title, item link', () => {
    const doc = loadFixture('hacker-news.html');
    const result = extractContext(doc, selectIn(doc), url);
    expect(result.source).toMatchObject({
      url,
      title: 'Ask HN: Has anyone migrated off Acme CRM? | Hacker News',
      site: 'news.ycombinator.com',
      platform: 'hacker-news',
      author: 'kqr_dev',
      authorUrl: 'https://news.ycombinator.com/user?id=kqr_dev',
      postedAt: '2024-03-04T16:45:12',
      permalink: 'https://news.ycombinator.com/item?id=39600345',
    });
    expect(result.channel).toBe('forum');
    expect(result.extractors).toEqual(['adapter:hacker-news', 'link:canonical', 'page:title']);
  });

  it('reads the story itself when its text is selected', () => {
    const doc = loadFixture('hacker-news.html');
    doc.querySelector('.toptext')!.id = 'story';
    const result = extractContext(doc, selectIn(doc, '#story'), url);
    expect(result.source).toMatchObject({ author: 'pgdev', postedAt: '2024-03-04T12:00:00', permalink: url });
  });
});

describe('LinkedIn adapter', () => {
  const url = 'https://www.linkedin.com/feed/update/urn:li:activity:7170349805738317447/';

  it('reads the comment holding the selection; the date comes from the comment id', () => {
    const doc = loadFixture('linkedin.html');
    const result = extractContext(doc, selectIn(doc), url);
    expect(result.source).toMatchObject({
      platform: 'linkedin',
      site: 'linkedin.com',
      author: 'Dmitri Volkov',
      authorUrl: 'https://www.linkedin.com/in/dmitri-volkov-42',
      postedAt: '2024-03-04T11:47:33.120Z',
      permalink: 'https://www.linkedin.com/feed/update/urn:li:activity:7170349805738317447/?commentUrn='
        + encodeURIComponent('urn:li:comment:(activity:7170349805738317447,7170384370052632481)'),
    });
    expect(result.channel).toBe('social');
  });

  it('reads a reply nested in that comment as the reply', () => {
    const doc = loadFixture('linkedin.html');
    doc.querySelector('.comments-comment-entity--reply .update-components-text span')!.id = 'reply';
    const result = extractContext(doc, selectIn(doc, '#reply'), url);
    expect(result.source).toMatchObject({
      author: 'Acme Widgets',
      authorUrl: 'https://www.linkedin.com/company/acme-widgets/',
      postedAt: '2024-03-05T08:15:00.000Z',
    });
  });

  it('reads a post: actor name without the degree badge, profile link without tracking', () => {
    const doc = loadFixture('linkedin.html');
    const posts = doc.querySelectorAll('.feed-shared-update-v2 > .update-components-text span[dir]');
    posts[1]!.id = 'second-post';
    const result = extractContext(doc, selectIn(doc, '#second-post'), url);
    expect(result.source).toMatchObject({
      author: 'Jamie Chen',
      authorUrl: 'https://www.linkedin.com/in/jamie-chen-pm',
      postedAt: '2024-03-01T16:00:00.000Z',
      permalink: 'https://www.linkedin.com/feed/update/urn:li:activity:7169360737075200042/',
    });
  });
});
