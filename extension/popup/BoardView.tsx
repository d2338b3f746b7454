/**
 * @module The Change board tab: the meeting (next date, start/end, who is there), then Proposals
 * (in score order, with Accept and Decline), Your ranking and Recent decisions as three sub-tabs.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Action } from '../../shared/schema/records';
import { AcceptDialog } from './AcceptDialog';
import type { BoardModel } from './board-model';
import { BoardMeeting } from './BoardMeeting';
import { DeclineDialog } from './DeclineDialog';
import { Notices } from './Notices';
import type { PopupModel } from './popup-model';
import { ProposalCard } from './ProposalCard';
import { RecentDecisions } from './RecentDecisions';
import { panelId, TabBar, tabId } from './TabBar';
import { YourRanking } from './YourRanking';

type Part = 'proposals' | 'ranking' | 'decisions';

export function BoardView({ app, model }: { app: PopupModel; model: BoardModel }) {
  const view = model.view.value;
  const [part, setPart] = useState<Part>('proposals');
  const [deciding, setDeciding] = useState<{ kind: 'accept' | 'decline'; action: Action } | null>(null);
  useLayoutEffect(() => { if (view) model.painted(); }, [view !== undefined]);
  if (!view) {
    const failed = model.queryError.value;
    return failed ? <p class="cl-alert pp-alert" role="alert">{failed.message}</p> : <p class="pp-empty" role="status">Loading the change board…</p>;
  }
  const now = app.env.now();
  const members = app.members.value;
  const me = app.me();
  const readOnly = app.status.value?.me?.role === 'viewer';
  const nameOf = (id: string | null) => app.memberName(id);
  const byId = new Map(view.proposals.map((p) => [p.action.id, p.action]));
  const decide = (kind: 'accept' | 'decline') => (id: string) => {
    const action = byId.get(id);
    if (!action) return;
    model.error.value = null;
    setDeciding({ kind, action });
  };
  const parts: { id: Part; label: string }[] = [
    { id: 'proposals', label: `Proposals (${view.proposals.length})` },
    { id: 'ranking', label: 'Your ranking' },
    { id: 'decisions', label: 'Decisions' },
  ];
  return (
    <div class="pp-board">
      <BoardMeeting model={model} view={view} members={members} me={me} nameOf={nameOf} now={now} readOnly={readOnly} />
      <Notices error={deciding ? null : model.error.value} notice={model.notice.value} />
      <TabBar<Part> label="Change board" idPrefix="board" tabs={parts} selected={part} onSelect={setPart} class="pp-tabs pp-subtabs" />
      <div role="tabpanel" id={panelId('board', part)} aria-labelledby={tabId('board', part)} class="pp-board-part">
        {part === 'proposals' && (view.proposals.length === 0
          ? <p class="pp-empty">No proposals waiting. Propose one from an escalation in the Huddle, a capture or the Actions tab.</p>
          : (
            <ol class="pp-proposals" aria-label="Proposals by score">
              {view.proposals.map((p, i) => (
                <ProposalCard key={p.action.id} proposal={p} place={i + 1} proposer={nameOf(p.action.createdBy)} now={now}
                  disabled={readOnly || model.busy.value} onOpen={model.openAction} onAccept={decide('accept')} onDecline={decide('decline')} />
              ))}
            </ol>
          ))}
        {part === 'ranking' && (view.proposals.length === 0
          ? <p class="pp-empty">Nothing to rank: no proposals are waiting.</p>
          : <YourRanking model={model} byId={byId} disabled={readOnly} />)}
        {part === 'decisions' && <RecentDecisions decisions={view.decisions} nameOf={nameOf} now={now} onOpen={model.openAction} />}
      </div>
      {deciding?.kind === 'accept' && <AcceptDialog model={model} proposal={deciding.action} members={members} me={me} onClose={() => setDeciding(null)} />}
      {deciding?.kind === 'decline' && <DeclineDialog model={model} proposal={deciding.action} onClose={() => setDeciding(null)} />}
    </div>
  );
}
