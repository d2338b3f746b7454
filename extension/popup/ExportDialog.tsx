/** @module Export from the popup: captures, actions or both, of exactly what the Inbox and Actions lists show. */
import { ExportControls } from '../export/ExportControls';
import type { ExportModel } from '../export/export-model';
import { Dialog } from './Dialog';

export function ExportDialog({ model, onClose }: { model: ExportModel; onClose(): void }) {
  return (
    <Dialog id="export-dialog" title="Export" onClose={onClose}>
      <ExportControls model={model} idPrefix="pp-export" hint="Exactly what the lists show now: the Inbox with its filters and search, and the Actions view." />
      <div class="cl-row"><button type="button" onClick={onClose}>Close</button></div>
    </Dialog>
  );
}
