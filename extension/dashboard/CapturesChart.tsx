/** @module Captures over time: weekly bars, split by channel or by sentiment. */
import { useState } from 'preact/hooks';
import type { DashboardData } from '../../shared/dashboard/dashboard-data';
import { CHANNELS, SENTIMENTS } from '../../shared/schema/constants';
import { ChartCard } from './charts/ChartCard';
import { shortDate } from './charts/palette';
import { StackedBars } from './charts/StackedBars';

const SENTIMENT_KEYS = [...SENTIMENTS, 'unset'] as const;

export function CapturesChart({ data }: { data: DashboardData }) {
  const [split, setSplit] = useState<'channel' | 'sentiment'>('channel');
  const keys = split === 'channel' ? CHANNELS : SENTIMENT_KEYS;
  const series = keys.map((key) => ({
    name: key === 'unset' ? 'not judged' : key,
    values: data.weeks.map((w) => (split === 'channel' ? w.channel[key as (typeof CHANNELS)[number]] : w.sentiment[key as (typeof SENTIMENT_KEYS)[number]])),
  })).filter((s) => s.values.some((v) => v > 0));
  const busiest = data.weeks.reduce((best, w) => (w.total > best.total ? w : best), data.weeks[0] ?? { week: '', total: 0 });
  const summary = `${data.totals.captures} captures in the period (${data.totals.previousCaptures} in the one before)`
    + (busiest.total ? `; the busiest week began ${shortDate(busiest.week)} with ${busiest.total}.` : '.');
  return (
    <ChartCard id="captures" title="Captures per week" summary={summary}
      table={{ columns: ['Week of', 'Total', ...series.map((s) => s.name)], rows: data.weeks.map((w, i) => [w.week, w.total, ...series.map((s) => s.values[i]!)]) }}>
      <fieldset class="db-split">
        <legend class="cl-visually-hidden">Split captures by</legend>
        {(['channel', 'sentiment'] as const).map((s) => (
          <label key={s} class="db-radio"><input type="radio" name="captures-split" checked={split === s} onChange={() => setSplit(s)} /> By {s}</label>
        ))}
      </fieldset>
      <StackedBars label={`Captures per week by ${split}. ${summary}`} categories={data.weeks.map((w) => shortDate(w.week))} series={series} />
    </ChartCard>
  );
}
