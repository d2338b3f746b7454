/**
 * @module A capture in detail (`#capture/<id>`): the quote and its source, triage, actions,
 * the customer follow-up and the history. Esc or Back returns to where the person came from.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ArchiveControl } from './ArchiveControl';
import { CaptureLinks } from './CaptureLinks';
import { createCaptureModel } from './capture-model';
import { CaptureSummary } from './CaptureSummary';
import { CaptureTriage } from './CaptureTriage';
import { CustomerLoop } from './CustomerLoop';
import { DetailBar } from './DetailBar';
import { HistoryList } from './HistoryList';
import { useEscapeGoesBack } from './keys';
import { Notices } from './Notices';
import { SourceCheckNote } from './SourceCheckNote';
import type { PopupModel } from './popup-model';
import { backWords } from './router-model';

const STATUS_WORDS = { new: 'New', triaged: 'Triaged', archived: 'Archived' } as const;

export function CaptureDetailView({ app, id, active }: { app: PopupModel; id: string; active: boolean }) {
  const model = useMemo(() => createCaptureModel(app.hub, id, app.context, app.env), [id]);
  useEffect(() => () => model.dispose(), [model]);
  const [asking, setAsking] = useState(false);
  useEscapeGoesBack(app.router.back, active);

  const detail = model.detail.value;
  const capture = detail?.capture;
  const readOnly = app.status.value?.me?.role === 'viewer';
  const now = app.env.now();
  const nameOf = (member: string) => app.memberName(member);
  const back = backWords(app.router.previous.value);
  return (
    <article class="pp-detail" aria-labelledby="capture-heading">
      <DetailBar headingId="capture-heading" heading="Capture" backLabel={back.label} backText={back.text} onBack={app.router.back}>
        {capture && <span class={`pp-status is-${capture.status}`}>{STATUS_WORDS[capture.status]}</span>}
        {capture && capture.status !== 'archived' && !asking && (
          <button type="button" class="pp-small" disabled={readOnly} onClick={() => setAsking(true)}>Archive</button>
        )}
      </DetailBar>
      <div class="pp-detail-body">
        {detail === undefined && <p class="pp-empty" role="status">Loading…</p>}
        {detail === null && <p class="pp-empty" role="status">This capture is not in the workspace any more.</p>}
        {detail && capture && (
          <>
            <ArchiveControl model={model} capture={capture} asking={asking} onDone={() => setAsking(false)} />
            <Notices error={model.error.value} notice={model.notice.value} />
            <CaptureSummary capture={capture} capturedBy={nameOf(capture.capturedBy)} now={now} onOpenSource={model.openSource} />
            <SourceCheckNote capture={capture} />
            <CaptureTriage key={capture.id} model={model} capture={capture} readOnly={readOnly} />
            <CaptureLinks model={model} detail={detail} readOnly={readOnly} />
            <CustomerLoop model={model} capture={capture} readOnly={readOnly} nameOf={nameOf} now={now} />
            <HistoryList id="capture-history" entries={detail.history} nameOf={nameOf} now={now} />
          </>
        )}
      </div>
    </article>
  );
}
