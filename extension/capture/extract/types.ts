/** @module Shapes shared by the context extractors: per-item fields, contributions and the public result. */
import type { Channel, Sentiment } from '../../../shared/schema/constants';
import type { CaptureSource } from '../../../shared/schema/records';

export interface ExtractedContext {
  /** `extractedBy` maps each filled field to the extractor that produced it, e.g. `{ author: 'adapter:trustpilot' }`. */
  source: CaptureSource;
  /** Preset from the platform or the item's type; the person can change it in the capture dialog. */
  channel: Channel;
  /** Preset from the rating when there is one: >= 0.7 of the scale positive, <= 0.4 negative, else neutral. */
  sentiment: Sentiment | null;
  /** Names of the extractors that ran and contributed, in order of precedence. */
  extractors: string[];
  /** The known site's adapter for this page, if any: whether it found the item, and what it expected but did not find. */
  adapter: AdapterOutcome | null;
}

export interface AdapterOutcome {
  name: string;
  /** The adapter recognised the review or post around the selection. */
  itemFound: boolean;
  /** Fields the adapter's site always shows (an author; a rating on review sites) that it did not find. */
  missing: ('author' | 'rating')[];
}

/** What one review, post or comment says about itself. Absent and null both mean "not found". */
export interface ItemFields {
  author?: string | null;
  authorUrl?: string | null;
  rating?: number | null;
  ratingMax?: number | null;
  postedAt?: string | null;
  permalink?: string | null;
}

/** Page-wide fields, filled by the page extractors only. */
export interface PageFields {
  url?: string | null;
  title?: string | null;
  site?: string | null;
  platform?: string | null;
}

export type Fields = ItemFields & PageFields;
export type FieldName = keyof Fields;

/** One extractor's findings, labelled with its name (`adapter:reddit`, `jsonld:Review`, `meta:og`, ...). */
export interface Contribution {
  by: string;
  fields: Fields;
}

/** Schema.org types that describe one piece of feedback (the things a selection can be "in"). */
export const ITEM_TYPES = new Set([
  'Review', 'UserReview', 'CriticReview', 'EmployerReview', 'Comment', 'Answer', 'Question',
  'SocialMediaPosting', 'DiscussionForumPosting', 'BlogPosting', 'LiveBlogPosting', 'Article', 'NewsArticle',
]);
