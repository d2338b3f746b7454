/**
 * @module A proposal on the Change board: its place in score order, title, evidence (captures and
 * distinct customers, a few quotes), impact and effort, the score with its parts on demand, and
 * Accept or Decline.
 */
import type { BoardView } from '../messaging/protocol';
import { plural, relativeAge } from './format';
import { ScoreParts } from './ScoreParts';

export interface ProposalCardProps {
  proposal: BoardView['proposals'][number];
  place: number;
  proposer: string;
  now: number;
  disabled: boolean;
  onOpen(id: string): void;
  onAccept(id: string): void;
  onDecline(id: string): void;
}

/** Quotes shown under a proposal; its page lists all its evidence. */
const EVIDENCE_SHOWN = 2;

export function ProposalCard({ proposal, place, proposer, now, disabled, onOpen, onAccept, onDecline }: ProposalCardProps) {
  const { action, score, evidence } = proposal;
  const scored = (what: string, n: number | null) => `${what} ${n === null ? 'not scored' : `${n}/5`}`;
  return (
    <li class="pp-proposal">
      <div class="pp-proposal-head">
        <span class="pp-place" aria-hidden="true">{place}</span>
        <button type="button" class="pp-link-button pp-proposal-title" onClick={() => onOpen(action.id)}>{action.title}</button>
        <span class="pp-board-score" title="Score out of 100">
          <span class="cl-visually-hidden">Score </span>{Math.round(score.total)}<span class="cl-visually-hidden"> of 100</span>
        </span>
      </div>
      <p class="pp-meta pp-proposal-meta">
        <span class="pp-evidence-words">{plural(score.captures, 'capture')} · {plural(score.customers, 'customer')}</span>
        <span>{scored('Impact', action.impact)}</span>
        <span>{scored('Effort', action.effort)}</span>
      </p>
      {evidence.length > 0 && (
        <ul class="pp-proposal-evidence" aria-label={`Evidence for ${action.title}`}>
          {evidence.slice(0, EVIDENCE_SHOWN).map((capture) => <li key={capture.id} class="pp-quote" title={capture.text}>{capture.text}</li>)}
        </ul>
      )}
      <p class="cl-muted pp-small-text">Proposed by {proposer}, {relativeAge(action.createdAt, now)}</p>
      <div class="pp-proposal-foot">
        <ScoreParts score={score} impact={action.impact} effort={action.effort} summary="Score details" />
        <div class="pp-proposal-buttons">
          <button type="button" class="pp-small" disabled={disabled} aria-label={`Decline ${action.title}`} onClick={() => onDecline(action.id)}>Decline</button>
          <button type="button" class="primary pp-small" disabled={disabled} aria-label={`Accept ${action.title}`} onClick={() => onAccept(action.id)}>Accept</button>
        </div>
      </div>
    </li>
  );
}
