/**
 * @module A proposal's score and how it is made (docs/schema.md, "Proposal score"): each part in
 * words, with the points it adds out of 100. Behind a native disclosure, so it is there on demand.
 */
import { SCORE_WEIGHTS, type ProposalScore } from '../../shared/queries/board';
import { plural } from './format';

export interface ScorePartsProps {
  score: ProposalScore;
  impact: number | null;
  effort: number | null;
  /** Text of the disclosure. */
  summary?: string;
}

const points = (part: number, weight: number) => (Math.round(part * weight * 1000) / 10).toFixed(1);

export function ScoreParts({ score, impact, effort, summary = 'How the score is made' }: ScorePartsProps) {
  const rows: [name: string, what: string, part: keyof typeof SCORE_WEIGHTS][] = [
    ['Impact', impact === null ? 'not scored (counts as middling)' : `${impact} of 5`, 'impact'],
    ['Effort', effort === null ? 'not scored (counts as middling)' : `${effort} of 5, less scores higher`, 'effort'],
    ['Evidence', `${plural(score.captures, 'capture')} from ${plural(score.customers, 'customer')}`, 'evidence'],
    ['Ranking', score.rankedBy === 0 ? 'nobody has ranked it yet' : `ranked by ${plural(score.rankedBy, 'member')}`, 'ranking'],
  ];
  return (
    <details class="pp-score-parts">
      <summary>{summary}</summary>
      <dl class="pp-facts">
        {rows.map(([name, what, part]) => (
          <div key={part}>
            <dt>{name}</dt>
            <dd>{what}: <strong>{points(score[part], SCORE_WEIGHTS[part])}</strong> of {SCORE_WEIGHTS[part] * 100} points</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
