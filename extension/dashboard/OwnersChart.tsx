/** @module Per owner: open and overdue now, done in the period. */
import type { DashboardData } from '../../shared/dashboard/dashboard-data';
import { ChartCard } from './charts/ChartCard';
import { HorizontalBars } from './charts/HorizontalBars';

export function OwnersChart({ data }: { data: DashboardData }) {
  const owners = data.owners;
  const summary = owners.length
    ? owners.slice(0, 4).map((o) => `${o.name}: ${o.open} open, ${o.overdue} overdue, ${o.done} done`).join('; ') + (owners.length > 4 ? '; …' : '.')
    : 'Nobody owns open or recently done work.';
  return (
    <ChartCard id="owners" title="By owner" summary={summary}
      table={{ columns: ['Owner', 'Open', 'Overdue', 'Done in period'], rows: owners.map((o) => [o.name, o.open, o.overdue, o.done]) }}>
      <HorizontalBars label={`By owner: open, overdue and done. ${summary}`} series={['open', 'overdue', 'done']}
        rows={owners.map((o) => ({ name: o.name, values: [o.open, o.overdue, o.done], text: `${o.open} · ${o.overdue} · ${o.done}` }))} />
    </ChartCard>
  );
}
