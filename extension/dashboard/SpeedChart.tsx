/** @module Loop speed: median and p90 days from capture to action, action to done, and "reply needed" to replied. */
import type { DashboardData, Speed } from '../../shared/dashboard/dashboard-data';
import { ChartCard } from './charts/ChartCard';
import { HorizontalBars } from './charts/HorizontalBars';
import { fmtDays } from './charts/palette';

export function SpeedChart({ data }: { data: DashboardData }) {
  const stages: [string, Speed][] = [
    ['Capture → action', data.speed.toAction], ['Action → done', data.speed.toDone], ['Reply needed → replied', data.speed.toReply],
  ];
  const summary = stages.map(([name, s]) => (s.count ? `${name}: median ${fmtDays(s.median)}, p90 ${fmtDays(s.p90)} (${s.count})` : `${name}: none yet`)).join('; ') + '.';
  return (
    <ChartCard id="speed" title="Loop speed" summary={summary}
      table={{ columns: ['Stage', 'Median (days)', 'p90 (days)', 'How many'], rows: stages.map(([name, s]) => [name, s.median, s.p90, s.count]) }}>
      <HorizontalBars label={`Loop speed in days. ${summary}`} series={['median', 'p90']}
        rows={stages.map(([name, s]) => ({ name, values: [s.median ?? 0, s.p90 ?? 0], text: s.count ? `${fmtDays(s.median)} / ${fmtDays(s.p90)}` : 'none yet' }))} />
    </ChartCard>
  );
}
