/**
 * @module The updates the load sends: each one a capture written by the real `addCapture`
 * mutation (a Y.Map of ~15 fields, its tag set, an activity entry — ~1 KB, what the extension
 * sends per capture). Its note carries a fixed-width marker `benchmark:<sender>:<seq>:<time>`
 * whose time digits are patched into a copy of the bytes right before the send, so the
 * timestamp is the send time, not the time the update was made (updates are made ahead of a
 * run, off the clock, and the same bytes are sent to both servers).
 */
import * as Y from 'yjs';
import { addCapture } from '../../shared/mutations/captures';
import type { Channel, Sentiment } from '../../shared/schema/constants';
import { benchMember } from './servers';

const MARK = 'benchmark:';
const MARK_BYTES = Buffer.from(MARK, 'latin1');
const SLOT_DIGITS = 5;
const SEQ_DIGITS = 9;
/** performance.now() in ms with µs, zero-padded: 16 characters cover ~3 years of uptime. */
const TIME_DIGITS = 16;
const TIME_PLACEHOLDER = '0'.repeat(TIME_DIGITS);

export interface StreamItem {
  slot: number;
  seq: number;
  /** The Yjs update (not the protocol message); patched copies of it are sent. */
  update: Uint8Array;
  /** Byte offset of the time digits inside `update`. */
  timeAt: number;
}

const QUOTES = [
  'The export button is hard to find and the CSV is missing the date column we need for reports.',
  'Support answered within an hour and fixed our billing problem. Really impressed with the team!',
  'App crashes every time I try to upload a photo from the gallery on Android 14.',
  'Would love a dark mode, my eyes hurt after a long evening of triage in the dashboard.',
  'Pricing page is confusing: is the team plan per seat or flat? Could not tell before buying.',
  'Search never finds older tickets, I have to scroll for minutes to reach last month.',
];
const CHANNELS: Channel[] = ['review', 'social', 'forum', 'support'];
const SENTIMENTS: Sentiment[] = ['negative', 'positive', 'negative', 'neutral', 'neutral', 'negative'];
const SITES = ['trustpilot.com', 'reddit.com', 'g2.com', 'community.example.com'];

/** One Y.Doc per sender slot: its updates depend only on its own earlier ones, in order. */
export class StreamGenerator {
  private readonly docs: Y.Doc[] = [];
  private nextSeq = 1;

  /** `actorOf(slot)`: the member a slot's captures are written as (its client's own member). */
  constructor(readonly slots: number, private readonly actorOf: (slot: number) => string = benchMember) {
    for (let s = 0; s < slots; s++) this.docs.push(new Y.Doc());
  }

  /** `count` updates, senders taken round-robin in a shuffled order so rooms interleave. */
  make(count: number): StreamItem[] {
    const order = shuffled(this.slots);
    const items: StreamItem[] = [];
    for (let k = 0; k < count; k++) items.push(this.makeOne(order[k % this.slots]!));
    return items;
  }

  destroy(): void {
    for (const doc of this.docs) doc.destroy();
  }

  private makeOne(slot: number): StreamItem {
    const seq = this.nextSeq++;
    const doc = this.docs[slot]!;
    let update: Uint8Array | null = null;
    const grab = (u: Uint8Array) => (update = u);
    doc.on('update', grab);
    const i = seq % QUOTES.length;
    const site = SITES[seq % SITES.length]!;
    const note = `${MARK}${pad(slot, SLOT_DIGITS)}:${pad(seq, SEQ_DIGITS)}:${TIME_PLACEHOLDER}`;
    addCapture({ doc, actor: this.actorOf(slot) }, {
      text: `${QUOTES[i]} (#${seq})`,
      note,
      tags: ['bench', i % 2 ? 'ux' : 'bug'],
      sentiment: SENTIMENTS[i]!,
      channel: CHANNELS[seq % CHANNELS.length]!,
      source: {
        url: `https://${site}/reviews/${seq}`, title: `Customer reviews of Acme — page ${seq % 40}`, site,
        author: `Customer ${seq % 997}`, rating: (seq % 5) + 1, ratingMax: 5, postedAt: '2025-05-04',
      },
    });
    doc.off('update', grab);
    if (!update) throw new Error('addCapture wrote nothing');
    const bytes: Uint8Array = update;
    const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(MARK_BYTES);
    if (at < 0) throw new Error('marker not found in the update');
    return { slot, seq, update: bytes, timeAt: at + MARK.length + SLOT_DIGITS + 1 + SEQ_DIGITS + 1 };
  }
}

/** A copy of the item's update with `nowMs` written into its time digits. */
export function stamp(item: StreamItem, nowMs: number): Uint8Array {
  const copy = item.update.slice();
  const digits = nowMs.toFixed(3).padStart(TIME_DIGITS, '0');
  for (let k = 0; k < TIME_DIGITS; k++) copy[item.timeAt + k] = digits.charCodeAt(k);
  return copy;
}

/**
 * Calls `found` for every marker in a received update (a merged update holds several). A byte
 * search, not a decode: receivers must cost the load generator as little as possible.
 */
export function scanMarks(bytes: Uint8Array, found: (slot: number, seq: number, sentAt: number) => void): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = SLOT_DIGITS + 1 + SEQ_DIGITS + 1 + TIME_DIGITS;
  for (let at = buf.indexOf(MARK_BYTES); at >= 0; at = buf.indexOf(MARK_BYTES, at + 1)) {
    const start = at + MARK.length;
    if (start + width > buf.length) return;
    const text = buf.toString('latin1', start, start + width);
    const slot = Number(text.slice(0, SLOT_DIGITS));
    const seq = Number(text.slice(SLOT_DIGITS + 1, SLOT_DIGITS + 1 + SEQ_DIGITS));
    const sentAt = Number(text.slice(SLOT_DIGITS + SEQ_DIGITS + 2));
    if (Number.isFinite(slot) && Number.isFinite(seq) && Number.isFinite(sentAt)) found(slot, seq, sentAt);
  }
}

function pad(n: number, digits: number): string {
  return String(n).padStart(digits, '0');
}

function shuffled(n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
