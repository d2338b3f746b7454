/** @module Reply rate: of the period's captures that needed a reply to the customer, how many got one. */
import type { DashboardData } from '../../shared/dashboard/dashboard-data';
import { ChartCard } from './charts/ChartCard';
import { HorizontalBars } from './charts/HorizontalBars';
import { fmtPercent } from './charts/palette';

export function RepliesChart({ data }: { data: DashboardData }) {
  const { needed, replied, rate } = data.replies;
  const summary = needed ? `${replied} of ${needed} customers who needed a reply got one (${fmtPercent(rate)}).` : 'No capture in the period needed a reply.';
  return (
    <ChartCard id="replies" title="Reply rate" summary={summary}
      table={{ columns: ['Replies', 'Count'], rows: [['Needed a reply', needed], ['Replied', replied], ['Waiting', needed - replied], ['Reply rate', fmtPercent(rate)]] }}>
      <p class="db-big" aria-hidden="true">{fmtPercent(rate)}</p>
      <HorizontalBars label={`Reply rate. ${summary}`} series={['count']}
        rows={[{ name: 'Replied', values: [replied] }, { name: 'Waiting for a reply', values: [needed - replied] }]} />
    </ChartCard>
  );
}
