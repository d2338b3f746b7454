/** @module The numbers behind a chart as a plain table: a caption, column headers, one row per point. */

export interface TableData {
  columns: string[];
  rows: (string | number | null)[][];
}

export function DataTable({ caption, data }: { caption: string; data: TableData }) {
  return (
    <div class="db-table-wrap">
      <table class="db-table">
        <caption class="cl-visually-hidden">{caption}</caption>
        <thead><tr>{data.columns.map((c, i) => <th key={c} scope="col" class={i ? 'db-num' : undefined}>{c}</th>)}</tr></thead>
        <tbody>
          {data.rows.length === 0 && <tr><td colSpan={data.columns.length} class="cl-muted">Nothing in this period.</td></tr>}
          {data.rows.map((row, r) => (
            <tr key={r}>{row.map((cell, i) => (i === 0
              ? <th key={i} scope="row">{cell ?? '—'}</th>
              : <td key={i} class="db-num">{cell ?? '—'}</td>))}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
