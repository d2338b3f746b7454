/** @module What to do with the selected captures: tag them, archive them, or make one action (or one proposal) from them all. */
import { plural } from './format';
import type { InboxModel } from './inbox-model';

export function BulkBar({ inbox }: { inbox: InboxModel }) {
  const count = inbox.selected.value.size;
  return (
    <div class="pp-bulk" role="group" aria-label="Selected captures">
      <span class="pp-bulk-count" aria-live="polite">{plural(count, 'selected', 'selected')}</span>
      <button type="button" onClick={() => inbox.ask('tag')}>Tag</button>
      <button type="button" onClick={() => inbox.ask('archive')}>Archive</button>
      <button type="button" onClick={() => inbox.ask('propose')} title="Propose to the change board">Propose</button>
      <button type="button" class="primary" onClick={() => inbox.ask('create')}>Create action</button>
      <button type="button" class="pp-icon-button" aria-label="Clear selection" title="Clear selection (Esc)" onClick={inbox.clearSelection}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
