/** @module Done actions with their outcomes, biggest drop in similar captures first. */
import type { Outcome } from '../../shared/dashboard/outcomes';

const VERDICT: Record<Outcome['verdict'], string> = {
  fewer: 'Fewer', same: 'No change', more: 'More', too_early: 'Too early', too_little: 'Too little data', no_theme: 'No evidence',
};

export function OutcomesTable({ rows, total, caption }: { rows: Outcome[] | undefined; total: number; caption: string }) {
  if (!rows) return <p class="cl-muted" role="status">Loading outcomes…</p>;
  if (rows.length === 0) return <p class="cl-muted">No action was done in this period.</p>;
  const rating = (r: number | null) => (r === null ? '—' : r.toFixed(1));
  return (
    <div class="db-table-wrap">
      <table class="db-table">
        <caption class="cl-visually-hidden">{caption}</caption>
        <thead><tr>
          <th scope="col">Action</th><th scope="col">Done</th><th scope="col" class="db-num">Before</th><th scope="col" class="db-num">After</th>
          <th scope="col" class="db-num">Rating before → after</th><th scope="col">Verdict</th>
        </tr></thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.actionId}>
              <th scope="row">{o.title}<span class="db-words">{o.words}</span></th>
              <td>{o.doneAt.slice(0, 10)}</td>
              <td class="db-num">{o.before.count}</td>
              <td class="db-num">{o.after.count}</td>
              <td class="db-num">{rating(o.before.meanRating)} → {rating(o.after.meanRating)}</td>
              <td data-verdict={o.verdict}>{VERDICT[o.verdict]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length && <p class="cl-muted">Showing {rows.length} of {total} done actions.</p>}
    </div>
  );
}
