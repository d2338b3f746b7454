/** @module Closure rate per month: of the actions created that month, how many are done. */
import type { DashboardData } from '../../shared/dashboard/dashboard-data';
import { ChartCard } from './charts/ChartCard';
import { fmtPercent, monthName } from './charts/palette';
import { StackedBars } from './charts/StackedBars';

export function ClosureChart({ data }: { data: DashboardData }) {
  const months = data.closure;
  const summary = months.map((m) => `${monthName(m.month)}: ${m.done} of ${m.created} done (${fmtPercent(m.rate)})`).join('; ') + '.';
  return (
    <ChartCard id="closure" title="Closure rate by month" summary={summary}
      table={{ columns: ['Month', 'Created', 'Done', 'Closure rate'], rows: months.map((m) => [m.month, m.created, m.done, fmtPercent(m.rate)]) }}>
      <StackedBars label={`Closure rate by month: actions created and done, by month of creation. ${summary}`} categories={months.map((m) => monthName(m.month))}
        barLabels={months.map((m) => fmtPercent(m.rate))}
        series={[{ name: 'done', values: months.map((m) => m.done) }, { name: 'not done yet', values: months.map((m) => m.created - m.done) }]} />
    </ChartCard>
  );
}
