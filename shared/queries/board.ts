/**
 * @module The change board: proposals ordered by a documented score of impact, effort, evidence
 * and the members' stakeholder ranking (docs/schema.md, "Proposal score"), each member's own
 * ranking, and the meetings and decisions so far.
 */
import { MEETING_STALE_MS, SCORE_MAX, SCORE_MIN } from '../schema/constants';
import type { Action, BoardMeeting, Capture } from '../schema/records';
import { isProposal } from './actions';

/** Weights of the four parts of a proposal's score; they add up to 1. */
export const SCORE_WEIGHTS = { impact: 0.3, effort: 0.2, evidence: 0.25, ranking: 0.25 } as const;
/** Evidence saturates: this many captures (or distinct customers) count as full evidence. */
export const FULL_EVIDENCE = { captures: 15, customers: 8 } as const;

export interface ProposalScore {
  /** 0-100, one decimal. */
  total: number;
  /** Each part 0-1 before weighting. */
  impact: number;
  effort: number;
  evidence: number;
  ranking: number;
  captures: number;
  customers: number;
  /** Members who ranked this proposal. */
  rankedBy: number;
}

export interface ScoredProposal {
  action: Action;
  score: ProposalScore;
}

/**
 * Who wrote a piece of feedback, as well as the page tells: their profile link, else their name
 * on that site, else the review's own address (two captures of one anonymous review are one
 * customer; two anonymous reviews are two).
 */
export function customerKey(capture: Capture): string {
  const { authorUrl, author, site, permalink, url } = capture.source;
  if (authorUrl) return `url:${authorUrl.toLowerCase().replace(/\/+$/, '')}`;
  if (author) return `name:${site}:${author.trim().toLowerCase().replace(/\s+/g, ' ')}`;
  return `page:${permalink ?? url}`;
}

/**
 * Borda count per member over the proposals still open: a member who ranked k of them gives
 * their first (k)/k = 1, their second (k-1)/k, ... their last 1/k, and 0 to those they left out.
 * A proposal's ranking part is the mean over members who ranked anything; 0 when nobody did.
 */
function rankingParts(proposals: readonly Action[]): Map<string, { part: number; rankedBy: number }> {
  const byMember = new Map<string, { id: string; rank: number }[]>();
  for (const p of proposals) {
    for (const [member, rank] of Object.entries(p.rankings)) byMember.set(member, [...(byMember.get(member) ?? []), { id: p.id, rank }]);
  }
  const points = new Map<string, { sum: number; rankedBy: number }>(proposals.map((p) => [p.id, { sum: 0, rankedBy: 0 }]));
  for (const list of byMember.values()) {
    list.sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1));
    list.forEach(({ id }, i) => {
      const entry = points.get(id)!;
      entry.sum += (list.length - i) / list.length;
      entry.rankedBy++;
    });
  }
  const voters = byMember.size;
  return new Map([...points].map(([id, { sum, rankedBy }]) => [id, { part: voters ? sum / voters : 0, rankedBy }]));
}

const saturate = (n: number, full: number) => Math.min(1, Math.log2(1 + n) / Math.log2(1 + full));
const unit = (value: number | null, invert = false) =>
  value === null ? 0.5 : (invert ? SCORE_MAX - value : value - SCORE_MIN) / (SCORE_MAX - SCORE_MIN);

/** Proposals best first: by score, then more evidence, then the older proposal. */
export function scoreProposals(actions: readonly Action[], captureById: (id: string) => Capture | undefined): ScoredProposal[] {
  const proposals = actions.filter(isProposal);
  const rankings = rankingParts(proposals);
  return proposals.map((action) => {
    const evidence = action.captureIds.map(captureById).filter((c): c is Capture => c !== undefined);
    const customers = new Set(evidence.map(customerKey)).size;
    const ranking = rankings.get(action.id)!;
    const parts = {
      impact: unit(action.impact),
      effort: unit(action.effort, true),
      evidence: (saturate(evidence.length, FULL_EVIDENCE.captures) + saturate(customers, FULL_EVIDENCE.customers)) / 2,
      ranking: ranking.part,
    };
    const total = 100 * (SCORE_WEIGHTS.impact * parts.impact + SCORE_WEIGHTS.effort * parts.effort
      + SCORE_WEIGHTS.evidence * parts.evidence + SCORE_WEIGHTS.ranking * parts.ranking);
    const round = (n: number) => Math.round(n * 1000) / 1000;
    return {
      action,
      score: {
        total: Math.round(total * 10) / 10,
        impact: round(parts.impact), effort: round(parts.effort), evidence: round(parts.evidence), ranking: round(parts.ranking),
        captures: evidence.length, customers, rankedBy: ranking.rankedBy,
      },
    };
  }).sort((a, b) => b.score.total - a.score.total || b.score.captures - a.score.captures
    || (a.action.createdAt < b.action.createdAt ? -1 : a.action.createdAt > b.action.createdAt ? 1 : a.action.id < b.action.id ? -1 : 1));
}

/** The member's own ranking of the open proposals (first choice first) and those they have not ranked. */
export function memberRanking(actions: readonly Action[], memberId: string): { ranked: string[]; unranked: string[] } {
  const proposals = actions.filter(isProposal);
  const ranked = proposals.filter((p) => p.rankings[memberId] !== undefined)
    .sort((a, b) => a.rankings[memberId]! - b.rankings[memberId]! || (a.id < b.id ? -1 : 1));
  return { ranked: ranked.map((p) => p.id), unranked: proposals.filter((p) => p.rankings[memberId] === undefined).map((p) => p.id) };
}

/** The board meeting running now (started in the last 12 hours and not ended), if any. */
export function runningBoard(boards: readonly BoardMeeting[], now: number): BoardMeeting | null {
  const since = new Date(now - MEETING_STALE_MS).toISOString();
  let best: BoardMeeting | null = null;
  for (const b of boards) {
    if (b.endedAt !== null || b.startedAt < since) continue;
    if (!best || b.startedAt > best.startedAt || (b.startedAt === best.startedAt && b.id > best.id)) best = b;
  }
  return best;
}

/** Decided proposals, newest decision first: what the board said yes and no to, and why. */
export function recentDecisions(actions: readonly Action[], since: string): Action[] {
  return actions.filter((a) => a.decision !== null && a.decision.at >= since)
    .sort((a, b) => (a.decision!.at < b.decision!.at ? 1 : a.decision!.at > b.decision!.at ? -1 : a.id < b.id ? -1 : 1));
}
