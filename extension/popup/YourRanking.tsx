/**
 * @module "Your ranking": the viewer orders the open proposals as they would do them (their first
 * choice first). Move up and Move down buttons, focus follows the moved proposal, and each change
 * is said aloud and saved at once; the board's score counts every member's ranking.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Action } from '../../shared/schema/records';
import type { BoardModel } from './board-model';

export function YourRanking({ model, byId, disabled }: { model: BoardModel; byId: Map<string, Action>; disabled: boolean }) {
  const { ranked, unranked } = model.ranking.value;
  const [said, setSaid] = useState('');
  const focusNext = useRef<{ id: string; control: 'up' | 'down' | 'add' | 'remove' } | null>(null);
  const list = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const next = focusNext.current;
    if (!next || !list.current) return;
    const order = next.control === 'up' ? ['up', 'down', 'remove'] : next.control === 'down' ? ['down', 'up', 'remove'] : [next.control === 'add' ? 'up' : 'add', 'down', 'remove'];
    for (const control of order) {
      const button = list.current.querySelector<HTMLButtonElement>(`[data-rank="${control}:${next.id}"]`);
      if (button && !button.disabled) {
        focusNext.current = null;
        if (document.activeElement !== button) button.focus();
        return;
      }
    }
    if (!ranked.includes(next.id) && !unranked.includes(next.id)) focusNext.current = null;
  });
  const title = (id: string) => byId.get(id)?.title ?? 'A proposal';
  const move = async (id: string, delta: -1 | 1) => {
    const to = ranked.indexOf(id) + delta;
    focusNext.current = { id, control: delta < 0 ? 'up' : 'down' };
    if (await model.move(id, delta)) setSaid(`${title(id)}: now ${to + 1} of ${ranked.length}.`);
  };
  const control = (id: string, kind: 'up' | 'down' | 'add' | 'remove', label: string, text: string, onClick: () => void, off = false) => (
    <button type="button" class="pp-small pp-rank-button" data-rank={`${kind}:${id}`} aria-label={label} title={label}
      disabled={disabled || off} onClick={() => { focusNext.current = { id, control: kind }; onClick(); }}>{text}</button>
  );
  return (
    <div class="pp-ranking" ref={list}>
      <p class="cl-muted pp-small-text">Put the proposals in the order you would do them. Every member’s ranking counts for a quarter of each score.</p>
      {ranked.length === 0 ? <p class="cl-muted">You have not ranked anything yet.</p> : (
        <ol class="pp-rank-list" aria-label="Your ranking">
          {ranked.map((id, i) => (
            <li key={id}>
              <span class="pp-place" aria-hidden="true">{i + 1}</span>
              <span class="pp-rank-title">{title(id)}</span>
              {control(id, 'up', `Move ${title(id)} up`, '↑', () => void move(id, -1), i === 0)}
              {control(id, 'down', `Move ${title(id)} down`, '↓', () => void move(id, 1), i === ranked.length - 1)}
              {control(id, 'remove', `Take ${title(id)} out of your ranking`, '×', () => void model.unrank(id).then((ok) => ok && setSaid(`${title(id)}: not ranked.`)))}
            </li>
          ))}
        </ol>
      )}
      {unranked.length > 0 && (
        <>
          <h4 class="pp-subheading" id="unranked-heading">Not ranked yet</h4>
          <ul class="pp-rank-list" aria-labelledby="unranked-heading">
            {unranked.map((id) => (
              <li key={id}>
                <span class="pp-rank-title">{title(id)}</span>
                {control(id, 'add', `Rank ${title(id)}`, 'Rank', () => void model.rank(id).then((ok) => ok && setSaid(`${title(id)}: now ${ranked.length + 1} of ${ranked.length + 1}.`)))}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="cl-visually-hidden" role="status" aria-live="polite">{said}</p>
    </div>
  );
}
