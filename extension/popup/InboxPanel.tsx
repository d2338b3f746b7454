/** @module The Inbox tab: the list, or a capture's detail over it (the list stays mounted, hidden, to keep its place). */
import { CaptureDetailView } from './lazy-views';
import { InboxView } from './InboxView';
import type { PopupModel } from './popup-model';

export function InboxPanel({ model, active }: { model: PopupModel; active: boolean }) {
  const route = model.router.route.value;
  const id = route.view === 'capture' ? route.id : null;
  return (
    <>
      <InboxView model={model} active={active && id === null} hidden={id !== null} />
      {id !== null && <CaptureDetailView key={id} app={model} id={id} active={active} />}
    </>
  );
}
