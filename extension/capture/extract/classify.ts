/** @module Presets for the capture dialog: channel from the platform or page, sentiment from the rating. */
import type { Channel, Sentiment } from '../../../shared/schema/constants';

/** Ratio bounds from the issue: >= 0.7 of the scale is positive, <= 0.4 negative. */
const POSITIVE_FROM = 0.7;
const NEGATIVE_TO = 0.4;
const EPSILON = 1e-9; // 2/5 is exactly 0.4 and must count as negative

export function sentimentFor(rating: number | null, ratingMax: number | null): Sentiment | null {
  if (rating === null || ratingMax === null || ratingMax <= 0) return null;
  const ratio = rating / ratingMax;
  if (ratio >= POSITIVE_FROM - EPSILON) return 'positive';
  if (ratio <= NEGATIVE_TO + EPSILON) return 'negative';
  return 'neutral';
}

const BY_TYPE: Record<string, Channel> = {
  Review: 'review', UserReview: 'review', CriticReview: 'review', EmployerReview: 'review',
  SocialMediaPosting: 'social',
  DiscussionForumPosting: 'forum', Comment: 'forum', Answer: 'forum', Question: 'forum',
};

const SUPPORT_HOST = /(^|\.)(zendesk|freshdesk|helpscoutdocs|kayako|gorgias|helpshift)\.com$|(^|\.)intercom\.help$|^(support|help|helpdesk|helpcenter)\./;
const FORUM_HOST = /^(forum|forums|community|discuss|discourse|boards)\./;
const FORUM_SOFTWARE = /discourse|phpbb|vbulletin|xenforo|invision|flarum|mybb|nodebb|vanilla/i;

export interface ChannelHints {
  adapterChannel: Channel | null;
  /** schema.org type of the item the selection is in, else of the page's item. */
  itemType: string | null;
  pageUrl: string;
  doc: Document;
}

/** Adapter first; then support desks (Zendesk-style help centres); then the item's type; then forum software. */
export function channelFor({ adapterChannel, itemType, pageUrl, doc }: ChannelHints): Channel {
  if (adapterChannel) return adapterChannel;
  let host = '';
  let path = '';
  try {
    const url = new URL(pageUrl);
    host = url.hostname.toLowerCase();
    path = url.pathname;
  } catch {
    // not a URL: judge by the page alone
  }
  if (SUPPORT_HOST.test(host) || /^\/hc\//.test(path)) return 'support';
  const typed = itemType ? BY_TYPE[itemType] : undefined;
  if (typed) return typed;
  const generator = doc.querySelector('meta[name="generator"]')?.getAttribute('content') ?? '';
  if (FORUM_HOST.test(host) || FORUM_SOFTWARE.test(generator)) return 'forum';
  return 'other';
}
