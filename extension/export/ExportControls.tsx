/** @module The export form: captures, actions or both, CSV or JSON, and the button; says what was saved. */
import type { ExportFormat } from '../../shared/export/columns';
import type { ExportChoice, ExportModel } from './export-model';

export function ExportControls({ model, idPrefix, hint }: { model: ExportModel; idPrefix: string; hint: string }) {
  return (
    <form class="cl-export" aria-label="Export" onSubmit={(e) => { e.preventDefault(); void model.run(); }}>
      <p class="cl-muted">{hint}</p>
      <div class="cl-row">
        <span>
          <label for={`${idPrefix}-what`}>Records</label>
          <select id={`${idPrefix}-what`} value={model.what.value} onChange={(e) => { model.what.value = e.currentTarget.value as ExportChoice; }}>
            <option value="captures">Captures</option>
            <option value="actions">Actions</option>
            <option value="both">Captures and actions</option>
          </select>
        </span>
        <span>
          <label for={`${idPrefix}-format`}>Format</label>
          <select id={`${idPrefix}-format`} value={model.format.value} onChange={(e) => { model.format.value = e.currentTarget.value as ExportFormat; }}>
            <option value="csv">CSV (spreadsheets)</option>
            <option value="json">JSON</option>
          </select>
        </span>
        <button type="submit" class="primary cl-export-go" disabled={model.busy.value}>{model.busy.value ? 'Exporting…' : 'Download'}</button>
      </div>
      <p role="status" aria-live="polite" class="cl-notice">{model.notice.value}</p>
      {model.error.value && <p role="alert" class="cl-alert">{model.error.value}</p>}
    </form>
  );
}
