/** @module extractContext: the context of a selection (page, platform, and the review/post it is in), never throwing. */
import type { CaptureSource } from '../../../shared/schema/records';
import { ADAPTERS, adapterFor, isLocalHost } from './adapters/registry';
import type { SiteAdapter } from './adapters/types';
import { channelFor, sentimentFor } from './classify';
import { findGenericItem, readGenericItem } from './container';
import { boundedText, rangeText, selectionElement } from './dom';
import { matchItem, pageItem, readJsonLd, type LdItem } from './jsonld';
import { merge } from './merge';
import { findMicroItem, microLabel, readMicroItem, type MicroItem } from './microdata';
import { siteOf } from '../../../shared/util/text';
import { documentBase, pageContributions, pageItemContributions, readMeta, withoutFragment } from './page';
import type { AdapterOutcome, Contribution, ExtractedContext, ItemFields } from './types';

export type { ExtractedContext } from './types';

export interface ExtractOptions {
  /** Site adapters to choose from; tests pass their own. */
  adapters?: readonly SiteAdapter[];
}

/** Runs one extractor; a failure (odd markup, a bug) skips it instead of losing the capture. */
function guard<T>(run: () => T): T | null {
  try {
    return run();
  } catch {
    return null;
  }
}

/**
 * Context for a selection on `doc`, which was loaded from `pageUrl`. Item fields (author, rating,
 * date, permalink) come from the review/post/comment containing the selection, by precedence:
 * site adapter > microdata/RDFa of that item > the JSON-LD item matching it > generic markup;
 * page-level JSON-LD and meta only when the selection is in no item (or in the page's main one).
 */
export function extractContext(doc: Document, selection: Range | null, pageUrl: string, options: ExtractOptions = {}): ExtractedContext {
  try {
    return extract(doc, selection, pageUrl, options.adapters ?? ADAPTERS);
  } catch {
    const url = withoutFragment(String(pageUrl ?? ''));
    const site = siteOf(url);
    return {
      source: {
        url, title: '', site, platform: null, author: null, authorUrl: null, rating: null, ratingMax: null, postedAt: null, permalink: null,
        extractedBy: site ? { url: 'page:url', site: 'page:url' } : { url: 'page:url' },
      },
      channel: 'other',
      sentiment: null,
      extractors: ['page:url'],
      adapter: null,
    };
  }
}

function extract(doc: Document, selection: Range | null, pageUrl: string, adapters: readonly SiteAdapter[]): ExtractedContext {
  const meta = guard(() => readMeta(doc)) ?? new Map<string, string>();
  const docBase = guard(() => documentBase(doc, pageUrl)) ?? withoutFragment(pageUrl);
  const page = guard(() => pageContributions(doc, pageUrl, meta, docBase)) ?? [{ by: 'page:url', fields: { url: withoutFragment(pageUrl) } }];
  // A page served from this machine (a test server, a saved copy) stands in for its canonical address:
  // that address picks the adapter and resolves relative links, as on the real site.
  const canonical = guard(() => localStandIn(pageUrl, page));
  const base = canonical ?? docBase;
  const adapter = guard(() => adapterFor(new URL(canonical ?? pageUrl).hostname, adapters));
  const start = guard(() => selectionElement(selection));
  const items: Contribution[] = [];

  const adapterItem = adapter && start ? guard(() => adapter.findItem(start)) : null;
  const adapterFields = adapter && adapterItem ? guard(() => adapter.read(adapterItem, base)) ?? {} : null;
  if (adapter && adapterFields) items.push({ by: `adapter:${adapter.name}`, fields: adapterFields });

  let micro: MicroItem | null = guard(() => findMicroItem(start));
  // A microdata item around the adapter's item is the thread or product, not this review.
  if (micro && adapterItem && micro.el !== adapterItem && micro.el.contains(adapterItem)) micro = null;
  if (micro) {
    const found = micro;
    items.push({ by: microLabel(found), fields: guard(() => readMicroItem(found, base)) ?? {} });
  }

  const generic = adapterItem || micro ? null : guard(() => findGenericItem(start));
  const container = adapterItem ?? micro?.el ?? generic;
  const ld = guard(() => readJsonLd(doc, base)) ?? [];
  const matched: LdItem | null = selection
    ? guard(() => matchItem(ld, container ? boundedText(container, 20_000) : '', rangeText(selection)))
    : null;
  if (matched) items.push({ by: `jsonld:${matched.type}`, fields: matched.fields });
  if (generic) items.push({ by: 'html:item', fields: guard(() => readGenericItem(generic, base)) ?? {} });

  // The page's own author/date describe the selection only when it is in no item, or in the page's main one.
  const main = guard(() => pageItem(ld));
  const pageLevel = (!container && !matched) || (container !== null && guard(() => containsHeading(doc, container)) === true);
  if (pageLevel && main) items.push({ by: `jsonld:${main.type}`, fields: main.fields });
  if (pageLevel) items.push(...(guard(() => pageItemContributions(meta, base)) ?? []));

  const platform: Contribution[] = adapter ? [{ by: `adapter:${adapter.name}`, fields: { platform: adapter.name } }] : [];
  const merged = merge([...platform, ...items, ...page]);
  const url = typeof merged.fields.url === 'string' ? merged.fields.url : withoutFragment(pageUrl);
  const source: CaptureSource = {
    url,
    title: merged.fields.title ?? '',
    site: siteOf(url),
    platform: merged.fields.platform ?? null,
    author: merged.fields.author ?? null,
    authorUrl: merged.fields.authorUrl ?? null,
    rating: merged.fields.rating ?? null,
    ratingMax: merged.fields.ratingMax ?? null,
    postedAt: merged.fields.postedAt ?? null,
    permalink: merged.fields.permalink ?? null,
    extractedBy: { ...merged.extractedBy, ...(siteOf(url) ? { site: merged.extractedBy.url ?? 'page:url' } : {}) },
  };
  const itemType = micro?.type ?? matched?.type ?? (pageLevel ? main?.type : null) ?? null;
  return {
    source,
    channel: guard(() => channelFor({ adapterChannel: adapter?.channel ?? null, itemType, pageUrl: canonical ?? pageUrl, doc })) ?? 'other',
    sentiment: sentimentFor(source.rating, source.ratingMax),
    extractors: merged.extractors,
    adapter: adapter ? adapterOutcome(adapter, adapterFields) : null,
  };
}

function adapterOutcome(adapter: SiteAdapter, fields: ItemFields | null): AdapterOutcome {
  const missing: AdapterOutcome['missing'] = [];
  if (fields && !(typeof fields.author === 'string' && fields.author.trim())) missing.push('author');
  if (fields && adapter.channel === 'review' && typeof fields.rating !== 'number') missing.push('rating');
  return { name: adapter.name, itemFound: fields !== null, missing };
}

/**
 * The review, post or comment element holding `start`, found as extraction finds it: the site's
 * adapter, then microdata/RDFa, then common markup. Null when `start` is in no item.
 */
export function itemElementOf(start: Element | null, pageUrl: string, adapters: readonly SiteAdapter[] = ADAPTERS): Element | null {
  if (!start) return null;
  const adapter = guard(() => adapterFor(new URL(pageUrl).hostname, adapters));
  return (adapter ? guard(() => adapter.findItem(start)) : null)
    ?? guard(() => findMicroItem(start))?.el
    ?? guard(() => findGenericItem(start));
}

/** The canonical (or og:url) address when the page itself was served locally, else null. */
function localStandIn(pageUrl: string, page: Contribution[]): string | null {
  if (!isLocalHost(new URL(pageUrl).hostname)) return null;
  const found = page.find((c) => (c.by === 'link:canonical' || c.by === 'meta:og') && c.fields.url)?.fields.url;
  return found ?? null;
}

function containsHeading(doc: Document, container: Element): boolean {
  const heading = doc.querySelector('h1');
  return heading !== null && container.contains(heading);
}
