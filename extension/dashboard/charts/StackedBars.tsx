/** @module Vertical bars, stacked by series (captures per week by channel or sentiment, closure per month). */
import { SERIES_COLORS } from './palette';

export interface StackedBarsProps {
  label: string;
  categories: string[];
  series: { name: string; values: number[] }[];
  /** Shown above each bar, e.g. a rate; defaults to the bar's total. */
  barLabels?: string[];
  height?: number;
}

export function StackedBars({ label, categories, series, barLabels, height = 180 }: StackedBarsProps) {
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const width = 640;
  const pad = { left: 32, bottom: 22, top: 16 };
  const plot = height - pad.bottom - pad.top;
  const step = (width - pad.left) / Math.max(1, categories.length);
  const bar = Math.max(2, Math.min(40, step * 0.7));
  const every = Math.ceil(categories.length / 12);
  return (
    <div class="db-chart">
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" class="db-svg">
        <line x1={pad.left} x2={width} y1={pad.top + plot} y2={pad.top + plot} class="db-axis" />
        <text x={pad.left - 4} y={pad.top + 4} class="db-tick" text-anchor="end">{max}</text>
        <text x={pad.left - 4} y={pad.top + plot} class="db-tick" text-anchor="end">0</text>
        {categories.map((category, i) => {
          let y = pad.top + plot;
          const x = pad.left + i * step + (step - bar) / 2;
          return (
            <g key={category}>
              {series.map((s, si) => {
                const h = ((s.values[i] ?? 0) / max) * plot;
                y -= h;
                return h > 0 ? <rect key={s.name} x={x} y={y} width={bar} height={h} fill={SERIES_COLORS[si % SERIES_COLORS.length]} /> : null;
              })}
              {(barLabels?.[i] ?? (totals[i] ? String(totals[i]) : '')) && (
                <text x={x + bar / 2} y={y - 3} class="db-tick" text-anchor="middle">{barLabels?.[i] ?? totals[i]}</text>
              )}
              {i % every === 0 && <text x={x + bar / 2} y={height - 6} class="db-tick" text-anchor="middle">{category}</text>}
            </g>
          );
        })}
      </svg>
      {series.length > 1 && (
        <ul class="db-legend" aria-hidden="true">
          {series.map((s, i) => <li key={s.name}><span class="db-swatch" style={{ background: SERIES_COLORS[i % SERIES_COLORS.length] }} />{s.name}</li>)}
        </ul>
      )}
    </div>
  );
}
