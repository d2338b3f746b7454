/**
 * @module The dashboard page: what customers are saying, how fast the team closes loops, and
 * whether the fixes made the complaints stop, for a period and filter; export and the monthly report.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { ExportControls } from '../export/ExportControls';
import { CapturesChart } from './CapturesChart';
import { ClosureChart } from './ClosureChart';
import type { DashboardModel } from './dashboard-model';
import { DashboardFilters } from './DashboardFilters';
import { OutcomesTable } from './OutcomesTable';
import { OverdueChart } from './OverdueChart';
import { OwnersChart } from './OwnersChart';
import { RepliesChart } from './RepliesChart';
import { SpeedChart } from './SpeedChart';
import { ThemesChart } from './ThemesChart';
import { Totals } from './Totals';

export function DashboardApp({ model }: { model: DashboardModel }) {
  const data = model.dashboard.value.value;
  const error = model.dashboard.error.value;
  const status = model.status.value.value;
  const outcomes = model.outcomes.value.value;
  // The benchmark reads this mark: the first charts committed to the page.
  const painted = useRef(false);
  useLayoutEffect(() => {
    if (data && !painted.current) {
      painted.current = true;
      performance.mark('closeloop:dashboard-paint');
    }
  }, [data]);
  return (
    <div class="db-page">
      <header class="db-header">
        <div>
          <h1>{status?.workspace?.name ?? 'Closeloop'} — dashboard</h1>
          <p class="cl-muted">{data ? `${data.range.start} to ${data.range.end} (UTC days)` : 'Loading…'}</p>
        </div>
        <button type="button" onClick={model.openReport}>Monthly report</button>
      </header>
      <DashboardFilters model={model} />
      {error && <p role="alert" class="cl-alert">{error.message}</p>}
      {!data ? <p role="status" class="cl-muted">Loading the dashboard…</p> : (
        <main>
          <Totals data={data} />
          <div class="db-grid">
            <CapturesChart data={data} />
            <ThemesChart id="tag-themes" title="Tags rising and falling" themes={data.tagThemes} windows={data.themeWindows} />
            <ThemesChart id="cluster-themes" title="Topics rising and falling" themes={model.themes.value.value} windows={data.themeWindows} />
            <SpeedChart data={data} />
            <ClosureChart data={data} />
            <OverdueChart data={data} />
            <RepliesChart data={data} />
            <OwnersChart data={data} />
          </div>
          <section class="db-card db-wide" aria-labelledby="outcomes-title">
            <h2 id="outcomes-title">Did the fixes work?</h2>
            <p class="cl-muted">Done actions of the period: captures on the same theme (tags or similar words) 30 days before and after each was done.</p>
            <OutcomesTable rows={outcomes?.rows} total={outcomes?.total ?? 0} caption="Outcomes of done actions" />
          </section>
          <section class="db-card db-wide" aria-labelledby="export-title">
            <h2 id="export-title">Export</h2>
            <ExportControls model={model.exporter} idPrefix="db-export" hint="Exactly what this dashboard shows: the period's captures under these filters, and the actions live in the period with evidence that matches them." />
          </section>
        </main>
      )}
    </div>
  );
}
