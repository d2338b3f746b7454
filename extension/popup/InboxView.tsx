/**
 * @module The Inbox list: filters, the bulk bar or a prompt, and the virtualized list of captures,
 * with the triage keys (j/k, Enter, x, e, a, /, Esc). It reports each committed render to the
 * model, which turns them into the first-paint and filter performance marks.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Capture } from '../../shared/schema/records';
import { BulkBar } from './BulkBar';
import { CAPTURE_ROW_HEIGHT, CaptureRow } from './CaptureRow';
import { InboxFilters } from './InboxFilters';
import { DEFAULT_FILTERS } from './inbox-model';
import { InboxPrompt } from './InboxPrompt';
import { inDialog, isTypingTarget, useDocumentKeys } from './keys';
import type { PopupModel } from './popup-model';
import { Notices } from './Notices';
import { VirtualList } from './VirtualList';

export function InboxView({ model: app, active, hidden }: { model: PopupModel; active: boolean; hidden: boolean }) {
  const inbox = app.inbox;
  const shown = inbox.list.shown.value;
  const total = inbox.list.total.value;
  const prompt = inbox.prompt.value;
  const selected = inbox.selected.value;
  const grid = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const focusGrid = () => grid.current?.focus();

  useLayoutEffect(() => {
    if (!shown) return;
    inbox.painted(shown);
    // The filter menus' values are not needed for the first paint; ask for them right after it.
    inbox.loadFacets();
  }, [shown]);

  useDocumentKeys((event) => {
    const target = event.target;
    if (inDialog(target)) return;
    if (isTypingTarget(target)) {
      if (target !== search.current) return;
      if (event.key === 'ArrowDown') focusGrid();
      else if (event.key === 'Escape' && inbox.filters.value.text) inbox.setFilter({ text: '' });
      else if (event.key === 'Escape') focusGrid();
      else return;
      return event.preventDefault();
    }
    const onList = target === grid.current || target === document.body || target === document.documentElement;
    const row = inbox.cursorCapture.value;
    // Arrows belong to radios and check boxes when they have focus; j and k always move the cursor.
    const arrowsTaken = target instanceof HTMLInputElement;
    switch (event.key) {
      case 'ArrowDown': case 'ArrowUp': case 'j': case 'k':
        if (arrowsTaken && event.key.startsWith('Arrow')) return;
        inbox.moveCursor(event.key === 'ArrowDown' || event.key === 'j' ? 1 : -1);
        focusGrid();
        break;
      case 'Enter': if (onList && row) inbox.open(row); else return; break;
      case 'x': if (row) inbox.toggleSelected(row); break;
      case 'e': inbox.ask('archive'); break;
      case 'a': inbox.ask('create'); break;
      case '/': search.current?.focus(); break;
      case 'Escape':
        if (inbox.prompt.value) inbox.prompt.value = null;
        else if (inbox.selected.value.size > 0) inbox.clearSelection();
        else return;
        focusGrid();
        break;
      default: return;
    }
    event.preventDefault();
  }, active);

  const rowAt = (index: number) => inbox.list.rowAt(index);
  return (
    <section class="pp-inbox" hidden={hidden} aria-label="Captures">
      <InboxFilters inbox={inbox} searchRef={search} />
      {prompt ? <InboxPrompt key={prompt.kind + prompt.ids.join()} inbox={inbox} prompt={prompt} onDone={focusGrid} />
        : selected.size > 0 && <BulkBar inbox={inbox} />}
      <Notices error={inbox.error.value ?? inbox.list.error.value} notice={inbox.notice.value} />
      <div class="pp-list">
        {!shown ? <p class="pp-empty" role="status">Loading captures…</p>
          : total === 0 ? <EmptyInbox filtered={JSON.stringify(inbox.filters.value) !== JSON.stringify(DEFAULT_FILTERS)} />
          : (
            <VirtualList<Capture> id="inbox-list" label="Captures" gridRef={grid} total={total} rowAt={rowAt}
              rowHeight={CAPTURE_ROW_HEIGHT} viewportHeight={app.env.listViewport} overscan={6}
              cursor={inbox.cursor.value} onCursor={(i) => { inbox.cursor.value = i; }}
              onOpen={(i) => { const c = rowAt(i); if (c) inbox.open(c); }}
              onRange={(first, last) => inbox.list.showRows(first, last)}
              isSelected={(c) => selected.has(c.id)} resetKey={shown.generation}
              renderRow={(capture) => (
                <CaptureRow capture={capture} selected={selected.has(capture.id)} capturedBy={app.memberName(capture.capturedBy)}
                  now={app.env.now()} onToggle={inbox.toggleSelected}
                  onSimilar={(c) => inbox.setFilter({ similarTo: c.id })} />
              )} />
          )}
      </div>
    </section>
  );
}

function EmptyInbox({ filtered }: { filtered: boolean }) {
  return (
    <div class="pp-empty" role="status">
      <p><strong>{filtered ? 'Nothing matches.' : 'Inbox zero.'}</strong></p>
      <p class="cl-muted">{filtered ? 'Try another search or filter.' : 'Select feedback on any page and press Alt+Shift+C to capture it.'}</p>
    </div>
  );
}
