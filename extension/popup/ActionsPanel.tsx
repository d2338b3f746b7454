/** @module The Actions tab: the views and lists, or an action's detail over them (the list stays mounted, hidden). */
import { ActionDetailView } from './ActionDetailView';
import { ActionsView } from './ActionsView';
import type { PopupModel } from './popup-model';

export function ActionsPanel({ model, active }: { model: PopupModel; active: boolean }) {
  const route = model.router.route.value;
  const id = route.view === 'action' ? route.id : null;
  return (
    <>
      <ActionsView app={model} active={active && id === null} hidden={id !== null} />
      {id !== null && <ActionDetailView key={id} app={model} id={id} active={active} />}
    </>
  );
}
