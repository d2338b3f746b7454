/** @module In-memory workspaces for unit tests: a real Y.Doc, a fixed clock, deterministic ids. */
import * as Y from 'yjs';
import type { MutationContext } from '../../shared/mutations/context';
import { registerMember } from '../../shared/mutations/members';
import type { NewCapture } from '../../shared/mutations/clean-capture';
import { seededIds } from '../../shared/util/ids';
import { seededRandom } from './random';

export interface TestReplica {
  doc: Y.Doc;
  ctx: MutationContext;
  /** Moves this replica's clock forward. */
  tick(ms?: number): void;
}

/** A replica with a registered member; its clock starts at 2026-11-01T09:00Z and ticks by hand. */
export function testReplica(memberId = 'mem_alice', options: { seed?: number; clientId?: number; name?: string } = {}): TestReplica {
  const doc = new Y.Doc();
  if (options.clientId !== undefined) doc.clientID = options.clientId;
  let now = Date.UTC(2026, 10, 1, 9, 0, 0);
  const ctx: MutationContext = { doc, actor: memberId, now: () => now, newId: seededIds(seededRandom(options.seed ?? hash(memberId))) };
  registerMember(ctx, { name: options.name ?? memberId.replace(/^mem_/, ''), role: 'editor' });
  return { doc, ctx, tick: (ms = 60_000) => { now += ms; } };
}

export function sampleCapture(overrides: Partial<NewCapture> = {}): NewCapture {
  return {
    text: 'The checkout page crashed twice when I applied a coupon.',
    source: {
      url: 'https://www.trustpilot.com/review/shop.example',
      title: 'Shop reviews',
      platform: 'trustpilot',
      author: 'Dana K.',
      rating: 2,
      ratingMax: 5,
      postedAt: '2026-10-30',
      permalink: 'https://www.trustpilot.com/reviews/abc123',
    },
    channel: 'review',
    sentiment: 'negative',
    ...overrides,
  };
}

/** Delivers every update each doc has that the other lacks, both ways. */
export function syncPair(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
