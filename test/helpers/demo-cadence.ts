/**
 * @module The team's cadence in the demo workspace: initiatives with a business case, proposals
 * ranked by the members, a past change board that accepted one and declined one (with its reason),
 * and two huddles with notes, so the Huddle, the Change board and Initiatives look lived in.
 * Small and fixed in size, whatever the number of captures.
 */
import type * as Y from 'yjs';
import { assignAction, createAction, setActionInitiative, setActionStatus } from '../../shared/mutations/actions';
import { addCapture, setCustomerLoop } from '../../shared/mutations/captures';
import { createInitiative } from '../../shared/mutations/initiatives';
import { addHuddleNote, endBoard, endHuddle, setAttendance, startBoard, startHuddle } from '../../shared/mutations/meetings';
import { acceptProposal, declineProposal, rankProposals } from '../../shared/mutations/proposals';
import { localCalendarDate } from '../../shared/util/dates';

const DAY = 86_400_000;

export interface CadenceInput {
  doc: Y.Doc;
  now: number;
  /** Demo members' ids, the first three being Alex, Priya and Sam. */
  members: string[];
  captureIds: string[];
  actionIds: string[];
  /** Captures whose feedback is the demo's FEEDBACK[k]: index i holds FEEDBACK[i % feedbackCount]. */
  feedbackCount: number;
}

export function seedDemoCadence({ doc, now, members, captureIds, actionIds, feedbackCount }: CadenceInput): void {
  const [alex, priya, sam] = members as [string, string, string];
  const ctx = (actor: string, at: number) => ({ doc, actor, now: () => at });
  const evidence = (k: number, max = 4) => captureIds.filter((_, i) => i % feedbackCount === k).slice(0, max);
  const day = (offset: number) => localCalendarDate(now + offset * DAY);

  const initiative = (by: string, at: number, fields: Parameters<typeof createInitiative>[1]) => createInitiative(ctx(by, at), fields);
  const refunds = initiative(priya, now - 34 * DAY, {
    title: 'Refund and billing clarity', horizon: 'short', status: 'active', sponsor: priya,
    objective: 'No customer has to chase us for a refund or a correct invoice.',
    definitionOfDone: 'Billing tickets down by half for two months in a row.',
    costText: 'Two developer-weeks and a support lead for a month', costAmount: 18_000,
    benefitText: 'Fewer billing tickets and chargebacks', benefitAmount: 65_000,
  });
  const checkout = initiative(alex, now - 33 * DAY, {
    title: 'Checkout reliability', horizon: 'short', status: 'active', sponsor: alex,
    objective: 'Every order that starts checkout can finish it.', definitionOfDone: 'No checkout crash reported for 30 days.',
    costText: 'One squad for six weeks', benefitText: 'Recovered orders',
  });
  const selfService = initiative(sam, now - 30 * DAY, {
    title: 'Self-service exports and API', horizon: 'mid', status: 'planned', sponsor: sam,
    objective: 'Customers get their data out without writing to support.', costText: 'A quarter of platform work', costAmount: 40_000,
  });
  initiative(priya, now - 29 * DAY, {
    title: 'Customer voice in the roadmap', horizon: 'long', status: 'planned', sponsor: priya,
    objective: 'Every roadmap item cites the feedback behind it.',
  });
  const place = (index: number, initiativeId: string) => {
    if (actionIds[index]) setActionInitiative(ctx(alex, now - 20 * DAY), actionIds[index]!, initiativeId);
  };
  [[0, checkout], [5, checkout], [9, checkout], [4, refunds], [8, refunds], [1, selfService]].forEach(([i, id]) => place(i as number, id as string));
  if (actionIds[6]) setActionStatus(ctx(sam, now - 3 * DAY), actionIds[6]!, 'blocked');

  // Last month's change board: one yes (into an initiative), one no with its reason.
  const statusPage = createAction(ctx(sam, now - 31 * DAY), {
    title: 'Refund status page for customers', propose: true, captureIds: evidence(8, 2), impact: 4, effort: 2,
  });
  const loyalty = createAction(ctx(alex, now - 31 * DAY), { title: 'Loyalty points programme', propose: true, impact: 2, effort: 5 });
  const board = startBoard(ctx(priya, now - 27 * DAY));
  setAttendance(ctx(priya, now - 27 * DAY), 'board', board, [alex, sam]);
  acceptProposal(ctx(priya, now - 27 * DAY + 600_000), statusPage, { assignee: sam, dueDate: day(9), initiativeId: refunds, boardId: board });
  declineProposal(ctx(priya, now - 27 * DAY + 900_000), loyalty, {
    reason: 'Few customers ask for it; churn comes from billing and refunds. Revisit after the billing initiative.', boardId: board,
  });
  endBoard(ctx(priya, now - 27 * DAY + 1_800_000), board, { nextBoardDate: day(4) });

  // This month's proposals, waiting for the board, ranked by the members.
  // Evidence from related kinds of feedback where there are some, so the board shows different quotes.
  const propose = (by: string, daysAgo: number, title: string, kinds: number[], impact: number, effort: number) =>
    createAction(ctx(by, now - daysAgo * DAY), { title, propose: true, captureIds: interleave(kinds.map((k) => evidence(k, kinds.length > 1 ? 2 : 4))), impact, effort });
  const digest = propose(priya, 9, 'One daily digest instead of an email per comment', [10], 3, 2);
  const renewal = propose(alex, 6, 'Warn customers 60 days before a renewal price change', [14, 5], 5, 2);
  const keyboard = propose(sam, 5, 'Keyboard support across the booking form', [11], 4, 3);
  const tagsApi = propose(sam, 3, 'Public API for tags', [13, 1], 2, 4);
  rankProposals(ctx(alex, now - 2 * DAY), [renewal, keyboard, digest]);
  rankProposals(ctx(priya, now - 2 * DAY), [renewal, digest, keyboard, tagsApi]);
  rankProposals(ctx(sam, now - DAY), [keyboard, renewal, tagsApi]);

  // Two huddles: the last one ended two days ago, with notes; wins since then name who closed them.
  const huddle = (at: number, by: string, attendees: string[], notes: [string, string][]) => {
    const id = startHuddle(ctx(by, at));
    setAttendance(ctx(by, at + 60_000), 'huddle', id, attendees);
    notes.forEach(([author, text], i) => addHuddleNote(ctx(author, at + (i + 2) * 60_000), id, text));
    endHuddle(ctx(by, at + 15 * 60_000), id);
  };
  huddle(now - 9 * DAY, priya, [alex, sam], [[priya, 'Export timeouts: Sam pairs with platform this week.']]);
  huddle(now - 2 * DAY - 3 * 3_600_000, priya, [alex, sam], [
    [priya, 'Sam calls the two customers waiting on refunds today.'], [alex, 'Coupon fix ships Thursday; Alex confirms with QA.'],
  ]);
  const wins = actionIds.filter((_, i) => i % 9 === 2).slice(0, 2);
  wins.forEach((id, i) => {
    assignAction(ctx(priya, now - DAY), id, [sam, alex][i]!);
    setActionStatus(ctx([sam, alex][i]!, now - DAY + i * 3_600_000), id, 'done', 'Shipped and confirmed with the customers who raised it.');
  });
  if (captureIds[3]) setCustomerLoop(ctx(sam, now - 3 * DAY), captureIds[3], { state: 'reply_needed' });

  // A theme nobody is on yet: the huddle escalates it.
  // (Not "refund": the end-to-end flow captures its own refund reviews and counts them.)
  DELIVERY_REVIEWS.forEach(([text, author, site], i) => {
    const at = now - (i * 20 + 5) * 3_600_000;
    addCapture(ctx([alex, sam, priya][i]!, at), {
      text, tags: ['delivery'], sentiment: 'negative', channel: 'review',
      source: { url: `https://${site}/reviews/acme?r=${i}`, site, title: 'Acme reviews', author, rating: 1, ratingMax: 5, postedAt: localCalendarDate(at) },
    }, { allowDuplicate: true, findDuplicate: () => null });
  });
}

/** [a1, a2], [b1, b2] -> [a1, b1, a2, b2]. */
function interleave(lists: string[][]): string[] {
  const out: string[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (list[i] !== undefined) out.push(list[i]!);
  return out;
}

const DELIVERY_REVIEWS: [string, string, string][] = [
  ['Ordered a replacement part with next-day delivery. It came six days later with no update in between.', 'Hannah W.', 'trustpilot.com'],
  ['Tracking said delivered, but nothing arrived. Took three calls to get a new shipment.', 'Diego M.', 'g2.com'],
  ['The courier left the box in the rain. Delivery slots are a lottery.', 'Aisha R.', 'trustpilot.com'],
];
