/**
 * @module A realistic team workspace for screenshots and benchmarks: members, captures from the
 * sites Closeloop reads (with ratings, authors, tags, sentiment), action items in every state, and
 * the team's cadence (demo-cadence.ts: initiatives, proposals, a change board, huddles).
 * Deterministic for a seed; fast enough for tens of thousands of captures.
 */
import type * as Y from 'yjs';
import { assignAction, commentOnAction, createAction, setActionStatus } from '../../shared/mutations/actions';
import { addCapture, setCustomerLoop } from '../../shared/mutations/captures';
import { registerMember } from '../../shared/mutations/members';
import type { Channel, Sentiment } from '../../shared/schema/constants';
import { localCalendarDate } from '../../shared/util/dates';
import { seedDemoCadence } from './demo-cadence';
import { prng } from './random';

export const DEMO_MEMBERS = [
  ['mem_alexrivera0001', 'Alex Rivera'], ['mem_priyashah00001', 'Priya Shah'], ['mem_samokafor00001', 'Sam Okafor'],
] as const;

const SOURCES: { platform: string | null; site: string; channel: Channel; rated: boolean; title: string }[] = [
  { platform: 'trustpilot', site: 'trustpilot.com', channel: 'review', rated: true, title: 'Acme reviews | Trustpilot' },
  { platform: 'g2', site: 'g2.com', channel: 'review', rated: true, title: 'Acme Reviews 2026 | G2' },
  { platform: 'google-play', site: 'play.google.com', channel: 'review', rated: true, title: 'Acme – Apps on Google Play' },
  { platform: 'app-store', site: 'apps.apple.com', channel: 'review', rated: true, title: 'Acme on the App Store' },
  { platform: 'reddit', site: 'reddit.com', channel: 'social', rated: false, title: 'r/acme' },
  { platform: 'x', site: 'x.com', channel: 'social', rated: false, title: 'Post on X' },
  { platform: 'hacker-news', site: 'news.ycombinator.com', channel: 'forum', rated: false, title: 'Ask HN' },
  { platform: null, site: 'community.acme.example', channel: 'forum', rated: false, title: 'Acme community' },
  { platform: null, site: 'support.acme.example', channel: 'support', rated: false, title: 'Support ticket' },
];

const FEEDBACK: [string, Sentiment, string[]][] = [
  ['Checkout crashed twice when I applied a coupon code. Had to re-enter my card details both times.', 'negative', ['checkout', 'bug']],
  ['The CSV export times out for anything over a few thousand rows. We need it for monthly reporting.', 'negative', ['export', 'performance']],
  ['Would love a dark mode, my eyes hurt after a long shift in the support queue.', 'neutral', ['feature-request']],
  ['Onboarding was smooth and the team answered every question within the hour.', 'positive', ['onboarding']],
  ['Since the last update the app logs me out every morning and the reset email takes 20 minutes.', 'negative', ['login', 'bug']],
  ['I could not tell whether the team plan includes SSO or if it is an add-on.', 'negative', ['pricing', 'sso']],
  ['Search is fast now, great job on the latest release!', 'positive', ['search']],
  ['The mobile app crashes when I open an attachment bigger than 10 MB.', 'negative', ['mobile', 'bug']],
  ['Invoices do not show our VAT number, accounting keeps bouncing them back.', 'negative', ['billing']],
  ['Support chat answered in two minutes and fixed my billing issue on the spot.', 'positive', ['support']],
  ['Too many email notifications, I get one for every comment on every ticket.', 'negative', ['notifications']],
  ['The date picker cannot be used with a keyboard, which makes the booking form unusable for me.', 'negative', ['accessibility', 'bug']],
  ['Dashboard loads slowly on Monday mornings when the whole team logs in.', 'negative', ['performance']],
  ['Please add an API for tags so we can sync them with our CRM.', 'neutral', ['api', 'feature-request']],
  ['Price went up 30% at renewal with no warning. Considering alternatives.', 'negative', ['pricing', 'churn-risk']],
];
const AUTHORS = ['Maria G.', 'Tom Becker', 'u/nightowl_cx', 'jlee', 'Kwame A.', '@ops_hannah', 'Rafael', 'Li Wei', 'Fatima K.', 'Grace H.', 'Mark D.', 'Olivia P.'];
const ACTION_TITLES = [
  'Fix coupon crash at checkout', 'Stream CSV export for large workspaces', 'Clarify SSO on the pricing page', 'Dark mode',
  'Add VAT number to invoices', 'Keep users signed in across updates', 'Keyboard support for the date picker',
  'Digest email instead of one per comment', 'Warn customers before renewal price changes', 'Attachment crash on Android',
];

export interface DemoOptions {
  captures: number;
  actions: number;
  /** Member id of the person who will look at it (owns some actions), registered under `meName`. */
  me?: string;
  meName?: string;
  now?: number;
  seed?: number;
  /**
   * Days the workspace has been in use (default 29): captures spread over them, actions made
   * across them and done a few days after they were made, so charts and outcomes have a history.
   */
  spanDays?: number;
}

export function seedDemoWorkspace(doc: Y.Doc, options: DemoOptions): { captureIds: string[]; actionIds: string[] } {
  const rng = prng(options.seed ?? 7);
  const now = options.now ?? Date.now();
  const members = DEMO_MEMBERS.map(([id]) => id as string);
  const people = options.me ? [...members, options.me] : members;
  const ctx = (actor: string, at: number) => ({ doc, actor, now: () => at });
  const captureIds: string[] = [];
  const actionIds: string[] = [];
  const span = options.spanDays ?? 29;
  const history = options.spanDays !== undefined;
  doc.transact(() => {
    for (const [id, name] of DEMO_MEMBERS) registerMember(ctx(id, now - 40 * 86_400_000), { name, role: 'editor' });
    if (options.me) registerMember(ctx(options.me, now - 40 * 86_400_000), { name: options.meName ?? 'Dana Kim', role: 'editor' });
    for (let i = 0; i < options.captures; i++) {
      const [text, sentiment, tags] = FEEDBACK[i % FEEDBACK.length]!;
      const source = rng.pick(SOURCES);
      const rating = source.rated ? (sentiment === 'positive' ? rng.int(4, 5) : sentiment === 'neutral' ? 3 : rng.int(1, 2)) : null;
      const at = now - Math.round(((i + 1) * span * 86_400_000) / Math.max(1, options.captures)) - rng.int(0, 60_000);
      const { id } = addCapture(ctx(rng.pick(people), at), {
        text: i < FEEDBACK.length ? text : `${text} (#${i})`,
        tags, sentiment, channel: source.channel,
        source: {
          url: `https://${source.site}/r/${i}`, site: source.site, platform: source.platform, title: source.title,
          author: rng.pick(AUTHORS), rating, ratingMax: rating === null ? null : 5, postedAt: new Date(at - 3_600_000).toISOString().slice(0, 10),
          permalink: `https://${source.site}/r/${i}#review`,
        },
      }, { allowDuplicate: true, findDuplicate: () => null });
      captureIds.push(id!);
    }
    for (let i = 0; i < options.actions; i++) {
      const by = rng.pick(members);
      const due = i % 5 === 4 ? null : localCalendarDate(now + (rng.int(-10, 20) * 86_400_000));
      const evidence = [...new Set([rng.pick(captureIds), rng.pick(captureIds)].filter(Boolean))];
      const created = now - rng.int(1, history ? Math.max(2, span - 10) : 20) * 86_400_000;
      const id = createAction(ctx(by, created), {
        title: i < ACTION_TITLES.length ? ACTION_TITLES[i]! : `${ACTION_TITLES[i % ACTION_TITLES.length]} (${i})`,
        captureIds: evidence, dueDate: due, impact: i % 7 === 6 ? null : rng.int(1, 5), effort: i % 7 === 6 ? null : rng.int(1, 5),
      });
      if (i % 6 !== 5) assignAction(ctx(by, now - 86_400_000), id, rng.pick(people));
      if (i % 4 === 1) setActionStatus(ctx(by, now - 3_600_000), id, 'in_progress');
      const doneAt = history ? Math.min(now - 3_600_000, created + rng.int(1, 14) * 86_400_000) : now - 3_600_000;
      if (i % 9 === 8 || (history && i % 3 === 2)) setActionStatus(ctx(by, doneAt), id, 'done', 'Shipped in the last release.');
      if (i % 3 === 0) commentOnAction(ctx(rng.pick(members), now - 7_200_000), id, 'Customer confirmed the repro steps; screenshots are in the ticket.');
      actionIds.push(id);
    }
    if (captureIds[0]) setCustomerLoop(ctx(members[0]!, now - 3_600_000), captureIds[0], { state: 'reply_needed' });
    seedDemoCadence({ doc, now, members, captureIds, actionIds, feedbackCount: FEEDBACK.length });
  });
  return { captureIds, actionIds };
}
