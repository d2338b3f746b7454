/** @module Horizontal bars, one or two per row (themes now against before, speed median and p90, owners' load). */
import { SERIES_COLORS } from './palette';

export interface HorizontalBarsProps {
  label: string;
  rows: { name: string; values: number[]; text?: string }[];
  series: string[];
}

export function HorizontalBars({ label, rows, series }: HorizontalBarsProps) {
  const width = 640;
  const labelWidth = 190;
  const rowHeight = 10 * series.length + 12;
  const height = Math.max(24, rows.length * rowHeight + 4);
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const scale = (width - labelWidth - 70) / max;
  return (
    <div class="db-chart">
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} class="db-svg">
        {rows.map((row, r) => (
          <g key={row.name} transform={`translate(0 ${r * rowHeight + 2})`}>
            <text x={labelWidth - 8} y={rowHeight / 2 + 2} class="db-tick" text-anchor="end">{row.name.length > 30 ? `${row.name.slice(0, 29)}…` : row.name}</text>
            {row.values.map((v, i) => (
              <rect key={i} x={labelWidth} y={4 + i * 10} width={Math.max(v > 0 ? 2 : 0, v * scale)} height={8} fill={SERIES_COLORS[i % SERIES_COLORS.length]} />
            ))}
            <text x={labelWidth + Math.max(...row.values) * scale + 6} y={rowHeight / 2 + 2} class="db-tick">{row.text ?? row.values.join(' / ')}</text>
          </g>
        ))}
      </svg>
      {series.length > 1 && (
        <ul class="db-legend" aria-hidden="true">
          {series.map((s, i) => <li key={s}><span class="db-swatch" style={{ background: SERIES_COLORS[i % SERIES_COLORS.length] }} />{s}</li>)}
        </ul>
      )}
    </div>
  );
}
