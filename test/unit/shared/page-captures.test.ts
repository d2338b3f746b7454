/** @module Which captures belong to a page: by its address or permalink, tracking parameters and fragments aside. */
import { describe, expect, it } from 'vitest';
import { capturesOnPage, pageIndexOf } from '../../../shared/queries/page-captures';
import { createWorkspaceView } from '../../../shared/read/workspace-view';
import { addCapture, setCaptureStatus } from '../../../shared/mutations/captures';
import { captureKeys, pageKey } from '../../../shared/util/page-keys';
import { sampleCapture, testReplica } from '../../helpers/workspace';

describe('page keys', () => {
  it('are the same for the same page whatever the fragment, tracking parameters, www. or trailing slash', () => {
    const key = 'trustpilot.com/review/acme.com';
    for (const url of [
      'https://www.trustpilot.com/review/acme.com', 'https://trustpilot.com/review/acme.com/', 'https://www.trustpilot.com/review/acme.com#r3',
      'https://www.trustpilot.com/review/acme.com?utm_source=mail&utm_medium=x', 'https://www.trustpilot.com/review/acme.com?fbclid=1&gclid=2',
    ]) expect(pageKey(url)).toBe(key);
    expect(pageKey('https://www.trustpilot.com/review/acme.com?page=2')).toBe(`${key}?page=2`);
    expect(captureKeys({ url: 'https://a.example/p', permalink: 'https://a.example/p#c1' })).toEqual(['a.example/p']);
  });
});

describe('the captures of a page', () => {
  it('are found by page address or permalink, archived ones and ones without an anchor left out', () => {
    const { doc, ctx } = testReplica();
    const anchor = { quote: { exact: 'x', prefix: '', suffix: '' }, position: null, range: null };
    const listing = addCapture(ctx, sampleCapture({ text: 'On the listing', anchor, source: { url: 'https://www.trustpilot.com/review/acme.com' } })).id!;
    const permalinked = addCapture(ctx, sampleCapture({
      text: 'Its own page', anchor, source: { url: 'https://www.trustpilot.com/review/acme.com?page=4', permalink: 'https://www.trustpilot.com/reviews/65c8' },
    })).id!;
    const archived = addCapture(ctx, sampleCapture({ text: 'Set aside', anchor, source: { url: 'https://www.trustpilot.com/review/acme.com' } })).id!;
    setCaptureStatus(ctx, [archived], 'archived');
    addCapture(ctx, sampleCapture({ text: 'No anchor', anchor: null, source: { url: 'https://www.trustpilot.com/review/acme.com' } }));
    const captures = createWorkspaceView(doc).captures();

    expect(capturesOnPage(captures, ['https://trustpilot.com/review/acme.com/?utm_source=x']).map((c) => c.id)).toEqual([listing]);
    expect(capturesOnPage(captures, ['http://127.0.0.1:5000/fixture.html', 'https://www.trustpilot.com/reviews/65c8#top']).map((c) => c.id)).toEqual([permalinked]);
    expect(capturesOnPage(captures, [])).toEqual([]);
    expect(Object.fromEntries(pageIndexOf(captures))).toEqual({
      'trustpilot.com/review/acme.com': 1, 'trustpilot.com/review/acme.com?page=4': 1, 'trustpilot.com/reviews/65c8': 1,
    });
  });
});
