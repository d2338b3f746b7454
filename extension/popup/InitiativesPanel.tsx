/** @module The Initiatives tab: the transformation map, or an initiative's page over it (the map stays mounted, hidden). */
import { createInitiativesModel } from './initiatives-model';
import { InitiativeDetailView } from './InitiativeDetailView';
import { InitiativesMap } from './InitiativesMap';
import type { PopupModel } from './popup-model';

export function InitiativesPanel({ model: app, active }: { model: PopupModel; active: boolean }) {
  const model = app.viewModel('initiatives', () => createInitiativesModel(app.hub, app.context, app.env));
  const route = app.router.route.value;
  const id = route.view === 'initiative' ? route.id : null;
  return (
    <>
      <InitiativesMap app={app} model={model} hidden={id !== null} />
      {id !== null && <InitiativeDetailView key={id} app={app} id={id} active={active} />}
    </>
  );
}
