/** @module The report's lists: open initiatives with their progress (or the top open actions), and what is overdue. */
import type { ReportView } from '../../../shared/dashboard/views';

export function ReportLists({ report }: { report: ReportView }) {
  return (
    <>
      <section class="db-card db-wide rp-block" aria-labelledby="rp-work">
        {report.initiatives.length > 0 ? (
          <>
            <h2 id="rp-work">Open initiatives</h2>
            <ul class="rp-list">
              {report.initiatives.map(({ initiative, progress }) => (
                <li key={initiative.id}>
                  <strong>{initiative.code} {initiative.title}</strong> — {progress.done} of {progress.total} actions done
                  {progress.overdue ? `, ${progress.overdue} overdue` : ''} <span class="cl-muted">({initiative.status.replace('_', ' ')})</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <>
            <h2 id="rp-work">Top open actions</h2>
            <ol class="rp-list">{report.topActions.map((a) => <li key={a.id}>{a.title}{a.dueDate ? <span class="cl-muted"> — due {a.dueDate}</span> : null}</li>)}</ol>
            {report.topActions.length === 0 && <p class="cl-muted">No open actions.</p>}
          </>
        )}
      </section>
      <section class="db-card db-wide rp-block" aria-labelledby="rp-overdue">
        <h2 id="rp-overdue">Overdue ({report.overdueTotal})</h2>
        {report.overdue.length === 0 ? <p class="cl-muted">Nothing is overdue.</p> : (
          <table class="db-table">
            <thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col" class="db-num">Days overdue</th></tr></thead>
            <tbody>{report.overdue.map(({ action, owner, daysOverdue }) => (
              <tr key={action.id}><th scope="row">{action.title}</th><td>{owner}</td><td>{action.dueDate}</td><td class="db-num">{daysOverdue}</td></tr>
            ))}</tbody>
          </table>
        )}
        {report.overdueTotal > report.overdue.length && <p class="cl-muted">And {report.overdueTotal - report.overdue.length} more.</p>}
      </section>
    </>
  );
}
