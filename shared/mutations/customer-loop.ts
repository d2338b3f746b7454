/**
 * @module The follow-up with the customer who wrote the feedback (the inner loop): no reply needed,
 * reply needed, or replied, and since schema 3 the reply itself: what was said, where (a public
 * reply on the platform, a private message, an email, a support ticket), its link, who and when.
 */
import { LIMITS, LOOP_STATES, REPLY_CHANNELS, type LoopState, type ReplyChannel } from '../schema/constants';
import { mutate, requireRecord, type MutationContext } from './context';
import { cleanText, httpUrl, oneOf } from './input';

export interface LoopInput {
  state: LoopState;
  /** The reply's link (what version-2 callers send; `reply.url` says the same). */
  replyUrl?: string | null;
  /** The reply, when `state` is `replied`. */
  reply?: { text?: string; where?: ReplyChannel | null; url?: string | null } | null;
}

interface StoredLoop {
  state?: unknown;
  replyUrl?: unknown;
  reply?: { text?: unknown; where?: unknown; url?: unknown } | null;
}

/** Sets the follow-up state; replying records the reply, stamped with who recorded it and when. */
export function setCustomerLoop(ctx: MutationContext, id: string, loop: LoopInput): void {
  const state = oneOf(loop?.state, LOOP_STATES, 'Follow-up state');
  const replied = state === 'replied';
  const given = replied && loop.reply ? loop.reply : null;
  const url = replied ? httpUrl(given?.url !== undefined ? given.url : loop.replyUrl, 'The reply link') : null;
  const text = given ? cleanText(given.text, 'The reply', LIMITS.replyText) : '';
  const where = given?.where === undefined || given.where === null ? null : oneOf(given.where, REPLY_CHANNELS, 'Where the reply went');
  mutate(ctx, (tx) => {
    const record = requireRecord(tx.roots.captures, id, 'capture');
    const before = (record.get('loop') ?? {}) as StoredLoop;
    const sameReply = (before.reply?.text ?? '') === text && (before.reply?.where ?? null) === where && (before.reply?.url ?? null) === url;
    if (before.state === state && (before.replyUrl ?? null) === url && (!replied || sameReply)) return;
    const reply = replied ? { text, where, url, by: tx.actor, at: tx.at } : null;
    record.set('loop', { state, replyUrl: url, updatedBy: tx.actor, updatedAt: tx.at, reply });
    record.set('updatedAt', tx.at);
    if (before.state !== state) tx.log('capture.loop', 'capture', id, { field: 'loop', from: before.state ?? 'none', to: state });
    else tx.log('capture.loop', 'capture', id, { field: 'loop.reply', from: before.reply?.where ?? null, to: where });
  });
}
