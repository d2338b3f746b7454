/** @module The Change board tab as one self-contained view: its model is made on first visit and kept while the popup is open. */
import { createBoardModel } from './board-model';
import { BoardView } from './BoardView';
import type { PopupModel } from './popup-model';

export function BoardPanel({ model: app }: { model: PopupModel; active: boolean }) {
  const model = app.viewModel('board', () => createBoardModel(app.hub, app.context, app.env));
  return (
    <div class="pp-scroll">
      <BoardView app={app} model={model} />
    </div>
  );
}
