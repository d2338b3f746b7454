/**
 * @module An action in detail (`#action/<id>`, also opened from notifications): its fields, the
 * change board's decision when it was a proposal, its initiative, the captures it rests on,
 * comments and the history of who changed what.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { createActionModel } from './action-model';
import { ActionFields } from './ActionFields';
import { ActionOutcome } from './ActionOutcome';
import { CommentsSection } from './CommentsSection';
import { DecisionNote } from './DecisionNote';
import { DetailBar } from './DetailBar';
import { EvidenceList } from './EvidenceList';
import { HistoryList } from './HistoryList';
import { InitiativeField } from './InitiativeField';
import { useEscapeGoesBack } from './keys';
import { Notices } from './Notices';
import { OuterLoopNote } from './OuterLoopNote';
import { ratingRises } from '../../shared/queries/outer-loop';
import type { PopupModel } from './popup-model';
import { backWords } from './router-model';
import { localCalendarDate } from '../../shared/util/dates';

export function ActionDetailView({ app, id, active }: { app: PopupModel; id: string; active: boolean }) {
  const model = useMemo(() => createActionModel(app.hub, id, app.context), [id]);
  useEffect(() => () => model.dispose(), [model]);
  useEscapeGoesBack(app.router.back, active);

  const detail = model.detail.value;
  const members = app.members.value;
  const readOnly = app.status.value?.me?.role === 'viewer';
  const now = app.env.now();
  const nameOf = (member: string) => app.memberName(member);
  const back = backWords(app.router.previous.value);
  const proposal = detail?.action.status === 'proposed';
  return (
    <article class="pp-detail" aria-labelledby="action-heading">
      <DetailBar headingId="action-heading" heading={proposal ? 'Proposal' : 'Action'} backLabel={back.label} backText={back.text}
        onBack={app.router.back} />
      <div class="pp-detail-body">
        {detail === undefined && <p class="pp-empty" role="status">Loading…</p>}
        {detail === null && <p class="pp-empty" role="status">This action is not in the workspace any more.</p>}
        {detail && (
          <>
            <Notices error={model.error.value} notice={model.notice.value} />
            <ActionFields key={detail.action.id} model={model} action={detail.action} score={detail.score} members={members} me={app.me()}
              today={localCalendarDate(now)} readOnly={readOnly} />
            {detail.action.decision && <DecisionNote decision={detail.action.decision} nameOf={nameOf} now={now} />}
            <InitiativeField id="action-initiative" current={detail.initiative} initiatives={model.initiatives.value}
              disabled={readOnly || model.busy.value} onChange={(id) => void model.setInitiative(id)} onOpen={model.openInitiative} />
            <ActionOutcome hub={app.hub} id={detail.action.id} />
            <OuterLoopNote rises={ratingRises(detail.action, detail.captures)} />
            <EvidenceList captures={detail.captures} disabled={readOnly || model.busy.value} now={now}
              onOpen={model.openCapture} onUnlink={(captureId) => void model.unlink(captureId)} />
            <CommentsSection comments={detail.action.comments} member={(m) => members.find((x) => x.id === m)} now={now}
              disabled={readOnly} onComment={model.comment} />
            <HistoryList id="action-history" entries={detail.history} nameOf={nameOf} now={now} />
          </>
        )}
      </div>
    </article>
  );
}
