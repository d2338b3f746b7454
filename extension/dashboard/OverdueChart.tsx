/** @module Overdue over time: open actions past their due date at the end of each week. */
import type { DashboardData } from '../../shared/dashboard/dashboard-data';
import { ChartCard } from './charts/ChartCard';
import { LineChart } from './charts/LineChart';
import { shortDate } from './charts/palette';

export function OverdueChart({ data }: { data: DashboardData }) {
  const points = data.overdue;
  const peak = points.reduce((best, p) => (p.count > best.count ? p : best), points[0] ?? { day: '', count: 0 });
  const summary = `${data.totals.overdueNow} overdue now` + (peak.count ? `; at most ${peak.count} (week ending ${shortDate(peak.day)}).` : '.');
  return (
    <ChartCard id="overdue" title="Overdue actions over time" summary={summary}
      table={{ columns: ['Week ending', 'Overdue'], rows: points.map((p) => [p.day, p.count]) }}>
      <LineChart label={`Overdue actions at the end of each week. ${summary}`} points={points.map((p) => ({ x: shortDate(p.day), y: p.count }))} />
    </ChartCard>
  );
}
