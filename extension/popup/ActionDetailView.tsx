/**
 * @module An action in detail (`#action/<id>`, also opened from notifications): its fields, the
 * captures it rests on, comments and the history of who changed what.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { createActionModel } from './action-model';
import { ActionFields } from './ActionFields';
import { CommentsSection } from './CommentsSection';
import { DetailBar } from './DetailBar';
import { EvidenceList } from './EvidenceList';
import { HistoryList } from './HistoryList';
import { useEscapeGoesBack } from './keys';
import { Notices } from './Notices';
import type { PopupModel } from './popup-model';
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
  return (
    <article class="pp-detail" aria-labelledby="action-heading">
      <DetailBar headingId="action-heading" heading="Action" backLabel="Back to actions" backText="Actions" onBack={app.router.back} />
      <div class="pp-detail-body">
        {detail === undefined && <p class="pp-empty" role="status">Loading…</p>}
        {detail === null && <p class="pp-empty" role="status">This action is not in the workspace any more.</p>}
        {detail && (
          <>
            <Notices error={model.error.value} notice={model.notice.value} />
            <ActionFields key={detail.action.id} model={model} action={detail.action} members={members} me={app.me()}
              today={localCalendarDate(now)} readOnly={readOnly} />
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
