/** @module The Huddle tab as one self-contained view: its model is made on first visit and kept while the popup is open. */
import { createHuddleModel } from './huddle-model';
import { HuddleView } from './HuddleView';
import type { PopupModel } from './popup-model';

export function HuddlePanel({ model: app }: { model: PopupModel; active: boolean }) {
  const model = app.viewModel('huddle', () => createHuddleModel(app.hub, app.context, app.env));
  return (
    <div class="pp-scroll">
      <HuddleView app={app} model={model} />
    </div>
  );
}
