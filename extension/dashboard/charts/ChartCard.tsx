/**
 * @module One chart on the dashboard: a titled figure whose picture can be swapped for the table of
 * numbers behind it ("Show as table"), so every figure can be read without seeing it.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { DataTable, type TableData } from './DataTable';

export interface ChartCardProps {
  id: string;
  title: string;
  /** One or two sentences saying what the chart shows (also the picture's accessible description). */
  summary: string;
  table: TableData;
  children: ComponentChildren;
}

export function ChartCard({ id, title, summary, table, children }: ChartCardProps) {
  const [asTable, setAsTable] = useState(false);
  return (
    <figure class="db-card" aria-labelledby={`${id}-title`} data-chart={id}>
      <div class="db-card-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <button type="button" class="db-toggle" aria-pressed={asTable} aria-controls={`${id}-body`} onClick={() => setAsTable(!asTable)}>
          {asTable ? 'Show as chart' : 'Show as table'}
        </button>
      </div>
      <p class="cl-muted db-summary" id={`${id}-summary`}>{summary}</p>
      <div id={`${id}-body`}>
        {asTable ? <DataTable caption={title} data={table} /> : children}
      </div>
    </figure>
  );
}
