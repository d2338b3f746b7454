/**
 * @module The impact-against-effort 2x2 of open actions: quick wins, big bets, fill-ins and money
 * pits as a grid of tabs (quick wins first, selected at start) over the chosen quadrant's list in
 * priority order. Computed from the `actions` query's records, which are plain JSON.
 */
import type { Quadrant } from '../../shared/queries/actions';
import type { Action } from '../../shared/schema/records';
import type { ActionsModel } from './actions-model';
import { plural } from './format';
import { QUADRANTS } from './quadrant-words';
import { panelId, TabBar, tabId } from './TabBar';
import type { ComponentChildren } from 'preact';

export interface QuickWinsGridProps {
  model: ActionsModel;
  grid: Record<Quadrant, Action[]>;
  /** The selected quadrant's list, rendered by the caller (it owns the cursor and the keys). */
  children: ComponentChildren;
}

export function QuickWinsGrid({ model, grid, children }: QuickWinsGridProps) {
  const selected = model.quadrant.value === 'unscored' ? 'quick_win' : model.quadrant.value;
  const tabs = QUADRANTS.map((q) => ({
    id: q.id,
    name: `${q.name}: ${grid[q.id].length} (${q.hint.toLowerCase()})`,
    label: (
      <>
        <span class="pp-q-name">{q.name}</span>
        <span class="pp-q-count">{grid[q.id].length}</span>
        <span class="pp-q-hint">{q.hint}</span>
      </>
    ),
  }));
  return (
    <div class="pp-quick-wins">
      <div class="pp-matrix">
        <span class="pp-axis pp-axis-y" aria-hidden="true">Impact ↑</span>
        <TabBar label="Impact against effort" idPrefix="quadrant" tabs={tabs} selected={selected} columns={2} class="pp-quadrants"
          onSelect={(q) => { model.quadrant.value = q; model.cursor.value = 0; }} />
        <span class="pp-axis pp-axis-x" aria-hidden="true">Effort →</span>
      </div>
      {(grid.unscored.length > 0 || model.gridPartial.value) && (
        <p class="cl-muted pp-small-text">
          {grid.unscored.length > 0 && `${plural(grid.unscored.length, 'open action')} without both scores ${grid.unscored.length === 1 ? 'is' : 'are'} not in the grid. `}
          {model.gridPartial.value && 'Showing the first 2,000 open actions.'}
        </p>
      )}
      <div role="tabpanel" id={panelId('quadrant', selected)} aria-labelledby={tabId('quadrant', selected)} class="pp-list">
        {children}
      </div>
    </div>
  );
}
