/**
 * @module The Actions tab: views Mine, All, Overdue and Quick wins (a tablist) or one owner's list
 * (from People), the virtualized list of actions (or the 2x2 and its quadrant's list), proposing a
 * change to the board, and the list keys (j/k, Enter).
 */
import { useRef, useState } from 'preact/hooks';
import type { Action } from '../../shared/schema/records';
import { ACTION_VIEWS, createActionsModel, type ActionsView as View } from './actions-model';
import { ACTION_ROW_HEIGHT, ActionRow } from './ActionRow';
import { inDialog, isTypingTarget, useDocumentKeys } from './keys';
import { Notices } from './Notices';
import { OwnerBar } from './OwnerBar';
import type { PopupModel } from './popup-model';
import { QuickWinsGrid } from './QuickWinsGrid';
import { backWords } from './router-model';
import { panelId, TabBar, tabId } from './TabBar';
import { TitleForm } from './TitleForm';
import { useFirstPaint } from './use-first-paint';
import { VirtualList } from './VirtualList';

const EMPTY: Record<View, string> = {
  mine: 'Nothing is assigned to you. Pick something from All or Quick wins.',
  all: 'No open actions. Create one from a capture in the Inbox.',
  overdue: 'Nothing is overdue.',
  quick_wins: 'No quick wins here yet: score impact and effort on your actions.',
};

export function ActionsView({ app, active, hidden }: { app: PopupModel; active: boolean; hidden: boolean }) {
  const model = app.viewModel('actions', () => createActionsModel(app.hub, app.context, app.env));
  const [proposing, setProposing] = useState(false);
  const owner = model.owner.value;
  const view = owner ? 'all' : model.view.value;
  const grid = model.grid.value;
  const gridRef = useRef<HTMLDivElement>(null);
  const quadrantList = grid?.[model.quadrant.value];
  const total = view === 'quick_wins' ? quadrantList?.length ?? 0 : model.list.total.value;
  const rowAt = (index: number) => (view === 'quick_wins' ? quadrantList?.[index] : model.list.rowAt(index));
  const loaded = view === 'quick_wins' ? grid !== undefined : model.list.shown.value !== undefined;
  useFirstPaint(app.env.performance, 'actions', view === 'quick_wins' ? null : model.list.shown.value);
  const ownerName = owner === 'unassigned' ? 'nobody' : app.memberName(owner);
  const readOnly = app.status.value?.me?.role === 'viewer';

  useDocumentKeys((event) => {
    if (isTypingTarget(event.target) || inDialog(event.target) || total === 0) return;
    const onList = event.target === gridRef.current || event.target === document.body;
    const move = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }[event.key];
    if (move && (onList || event.key.length === 1)) {
      model.cursor.value = Math.max(0, Math.min(total - 1, model.cursor.value + move));
      gridRef.current?.focus();
    } else if (event.key === 'Enter' && onList) {
      const action = rowAt(model.cursor.value);
      if (action) model.open(action);
    } else return;
    event.preventDefault();
  }, active);

  const list = loaded && total > 0 ? (
    <VirtualList<Action> id={`actions-list-${view}`} label="Actions" gridRef={gridRef} total={total} rowAt={rowAt}
      rowHeight={ACTION_ROW_HEIGHT} viewportHeight={app.env.listViewport} overscan={8}
      cursor={model.cursor.value} onCursor={(i) => { model.cursor.value = i; }}
      onOpen={(i) => { const a = rowAt(i); if (a) model.open(a); }}
      onRange={view === 'quick_wins' ? undefined : (first, last) => model.list.showRows(first, last)}
      resetKey={view === 'quick_wins' ? model.quadrant.value : model.list.shown.value?.generation}
      renderRow={(action) => (
        <ActionRow action={action} owner={action.assignee ? app.members.value.find((m) => m.id === action.assignee) : undefined}
          today={model.today()} now={app.env.now()} />
      )} />
  ) : <p class="pp-empty" role="status">{!loaded ? 'Loading actions…' : owner ? `Nothing open is owned by ${ownerName}.` : EMPTY[view]}</p>;

  return (
    <section class="pp-actions" hidden={hidden} aria-label="Action items">
      {owner
        ? <OwnerBar heading={owner === 'unassigned' ? 'Actions nobody owns' : `${ownerName}’s actions`} back={backWords(app.router.previous.value)} onBack={app.router.back} />
        : <TabBar label="Action views" idPrefix="actions" tabs={ACTION_VIEWS} selected={view} onSelect={model.setView} class="pp-tabs pp-subtabs" />}
      <div {...(owner ? { role: 'region', 'aria-label': owner === 'unassigned' ? 'Actions nobody owns' : `Actions owned by ${ownerName}` } : { role: 'tabpanel', id: panelId('actions', view), 'aria-labelledby': tabId('actions', view) })}
        class="pp-subpanel">
        <div class="pp-list-tools">
          {view === 'all' ? (
            <label class="pp-toggle">
              <input type="checkbox" checked={model.showClosed.value} onChange={(e) => model.setShowClosed(e.currentTarget.checked)} />
              Include done and won’t do
            </label>
          ) : <span />}
          {!owner && !proposing && <button type="button" class="pp-small" disabled={readOnly} onClick={() => setProposing(true)}>Propose a change</button>}
        </div>
        {proposing && (
          <TitleForm id="new-proposal-title" name="New proposal" label="Proposal title" submit="Propose" initial="" busy={model.busy.value}
            hint="The change board ranks it with the other proposals, then accepts or declines it."
            onSubmit={(title) => model.propose(title).then((id) => id && setProposing(false))} onCancel={() => setProposing(false)} />
        )}
        <Notices error={model.error.value ?? model.list.error.value} notice={null} />
        {view === 'quick_wins' && grid ? <QuickWinsGrid model={model} grid={grid}>{list}</QuickWinsGrid> : <div class="pp-list">{list}</div>}
      </div>
    </section>
  );
}
