/**
 * @module The monthly report: the month's charts, wins (done actions with their outcomes), open
 * initiatives or top actions, and what is overdue. Prints cleanly: "Print or save as PDF" opens the
 * browser's print dialog, and the print style drops the controls.
 */
import { CapturesChart } from '../CapturesChart';
import { ClosureChart } from '../ClosureChart';
import { OutcomesTable } from '../OutcomesTable';
import { OverdueChart } from '../OverdueChart';
import { OwnersChart } from '../OwnersChart';
import { RepliesChart } from '../RepliesChart';
import { SpeedChart } from '../SpeedChart';
import { ThemesChart } from '../ThemesChart';
import { monthName } from '../charts/palette';
import type { ReportModel } from './report-model';
import { ReportLists } from './ReportLists';

export function ReportApp({ model }: { model: ReportModel }) {
  const report = model.report.value.value;
  const error = model.report.error.value;
  return (
    <div class="db-page rp-page">
      <header class="db-header">
        <div>
          <h1>{report?.workspace || model.status.value.value?.workspace?.name || 'Closeloop'}: {monthName(model.month.value)} report</h1>
          {report && <p class="cl-muted">{report.range.start} to {report.range.end}. {report.data.totals.captures} captures, {report.data.totals.actionsDone} actions done, {report.data.totals.overdueNow} overdue.</p>}
        </div>
        <div class="cl-row rp-controls">
          <span>
            <label for="rp-month">Month</label>
            <input id="rp-month" type="month" value={model.month.value} onChange={(e) => model.setMonth(e.currentTarget.value)} />
          </span>
          <button type="button" class="primary" onClick={model.print}>Print or save as PDF</button>
        </div>
      </header>
      {error && <p role="alert" class="cl-alert">{error.message}</p>}
      {!report ? <p role="status" class="cl-muted">Loading the report…</p> : (
        <main>
          <section class="db-card db-wide rp-block" aria-labelledby="rp-wins">
            <h2 id="rp-wins">Wins: done this month</h2>
            <OutcomesTable rows={report.wins} total={report.wins.length} caption="Done actions and their outcomes" />
          </section>
          <div class="db-grid">
            <CapturesChart data={report.data} />
            <ThemesChart id="tag-themes" title="Tags rising and falling" themes={report.data.tagThemes} windows={report.data.themeWindows} />
            <ThemesChart id="cluster-themes" title="Topics rising and falling" themes={report.clusters} windows={report.data.themeWindows} />
            <SpeedChart data={report.data} />
            <ClosureChart data={report.data} />
            <OverdueChart data={report.data} />
            <RepliesChart data={report.data} />
            <OwnersChart data={report.data} />
          </div>
          <ReportLists report={report} />
        </main>
      )}
    </div>
  );
}
