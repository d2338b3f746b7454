/**
 * @module Exporting from a page: what to export (captures, actions or both), as CSV or JSON, of the
 * scope the page shows right now; the hub writes the files, the page saves them.
 */
import { signal, type Signal } from '@preact/signals';
import type { ExportFormat } from '../../shared/export/columns';
import type { HubClient } from '../messaging/hub-client';
import type { ExportScope } from '../messaging/protocol';
import { saveFiles, type SaveEnv } from './downloads';

export type ExportChoice = 'captures' | 'actions' | 'both';

export interface ExportModel {
  what: Signal<ExportChoice>;
  format: Signal<ExportFormat>;
  busy: Signal<boolean>;
  /** What happened, for a status line: "Saved closeloop-…-captures-2026-11-22.csv (24 rows)". */
  notice: Signal<string | null>;
  error: Signal<string | null>;
  run(): Promise<void>;
}

export function createExportModel(hub: HubClient, scope: () => ExportScope, save: SaveEnv): ExportModel {
  const what = signal<ExportChoice>('captures');
  const format = signal<ExportFormat>('csv');
  const busy = signal(false);
  const notice = signal<string | null>(null);
  const error = signal<string | null>(null);
  return {
    what, format, busy, notice, error,
    async run() {
      if (busy.value) return;
      busy.value = true;
      error.value = null;
      notice.value = null;
      try {
        const kinds = what.value === 'both' ? ['captures' as const, 'actions' as const] : [what.value];
        const { files } = await hub.call('export', { kinds, format: format.value, scope: scope() });
        await saveFiles(save, files);
        notice.value = `Saved ${files.map((f) => `${f.filename} (${f.rows} ${f.rows === 1 ? 'row' : 'rows'})`).join(' and ')}.`;
      } catch (failure) {
        error.value = (failure as Error).message || 'The export failed.';
      } finally {
        busy.value = false;
      }
    },
  };
}
