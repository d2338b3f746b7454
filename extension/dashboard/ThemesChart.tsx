/** @module Themes rising and falling against the period before: tags, and clusters of captures that read alike. */
import type { ThemeChange } from '../../shared/dashboard/dashboard-data';
import type { DayRange } from '../../shared/dashboard/periods';
import { ChartCard } from './charts/ChartCard';
import { HorizontalBars } from './charts/HorizontalBars';

export interface ThemesChartProps {
  id: string;
  title: string;
  themes: { rising: ThemeChange[]; falling: ThemeChange[] } | undefined;
  windows: { current: DayRange; previous: DayRange };
}

const span = (r: DayRange) => `${r.start} to ${r.end}`;

export function ThemesChart({ id, title, themes, windows }: ThemesChartProps) {
  const rows = themes ? [...themes.rising, ...themes.falling] : [];
  const words = (list: ThemeChange[]) => list.map((t) => `${t.label} (${t.previous} → ${t.current})`).join(', ') || 'none';
  const summary = themes
    ? `${span(windows.current)} against ${span(windows.previous)}. Rising: ${words(themes.rising)}. Falling: ${words(themes.falling)}.`
    : 'Working out the themes…';
  return (
    <ChartCard id={id} title={title} summary={summary}
      table={{ columns: ['Theme', 'Before', 'Now', 'Change'], rows: rows.map((t) => [t.label, t.previous, t.current, t.change > 0 ? `+${t.change}` : t.change]) }}>
      {rows.length === 0
        ? <p class="cl-muted">{themes ? 'No theme rose or fell.' : 'Loading…'}</p>
        : <HorizontalBars label={`${title}. ${summary}`} series={['before', 'now']}
            rows={rows.map((t) => ({ name: `${t.change > 0 ? '▲' : '▼'} ${t.label}`, values: [t.previous, t.current], text: `${t.previous} → ${t.current}` }))} />}
    </ChartCard>
  );
}
