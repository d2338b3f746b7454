/** @module Archiving a capture with an optional reason, or moving an archived one back to the inbox. */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Capture } from '../../shared/schema/records';
import type { CaptureModel } from './capture-model';

export function ArchiveControl({ model, capture, asking, onDone }: { model: CaptureModel; capture: Capture; asking: boolean; onDone(): void }) {
  const [reason, setReason] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => { if (asking) input.current?.focus(); }, [asking]);
  if (capture.status === 'archived') {
    return (
      <div class="pp-banner">
        <p><strong>Archived</strong>{capture.archivedReason ? `: ${capture.archivedReason}` : '.'}</p>
        <button type="button" class="pp-small" disabled={model.busy.value} onClick={() => void model.restore()}>Move back to inbox</button>
      </div>
    );
  }
  if (!asking) return null;
  return (
    <form class="pp-prompt" aria-label="Archive this capture"
      onSubmit={async (e) => { e.preventDefault(); if (await model.archive(reason)) onDone(); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onDone(); } }}>
      <p class="pp-prompt-title">Archive this capture</p>
      <div class="pp-prompt-row">
        <input ref={input} type="text" aria-label="Reason (optional)" placeholder="Reason (optional): duplicate, spam, not actionable…"
          maxLength={5000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        <button type="submit" class="primary" disabled={model.busy.value}>Archive</button>
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
