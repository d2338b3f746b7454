/** @module A line over time with its points marked (overdue actions at the end of each week). */

export interface LineChartProps {
  label: string;
  points: { x: string; y: number }[];
  height?: number;
}

export function LineChart({ label, points, height = 160 }: LineChartProps) {
  const width = 640;
  const pad = { left: 32, bottom: 22, top: 14, right: 12 };
  const plot = height - pad.bottom - pad.top;
  const max = Math.max(1, ...points.map((p) => p.y));
  const step = points.length > 1 ? (width - pad.left - pad.right) / (points.length - 1) : 0;
  const xy = points.map((p, i) => [pad.left + i * step, pad.top + plot - (p.y / max) * plot] as const);
  const every = Math.ceil(points.length / 10);
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" class="db-svg">
      <line x1={pad.left} x2={width - pad.right} y1={pad.top + plot} y2={pad.top + plot} class="db-axis" />
      <text x={pad.left - 4} y={pad.top + 4} class="db-tick" text-anchor="end">{max}</text>
      <text x={pad.left - 4} y={pad.top + plot} class="db-tick" text-anchor="end">0</text>
      <polyline points={xy.map(([x, y]) => `${x},${y}`).join(' ')} class="db-line" />
      {xy.map(([x, y], i) => (
        <g key={points[i]!.x}>
          <circle cx={x} cy={y} r={3} class="db-point" />
          {i % every === 0 && <text x={x} y={height - 6} class="db-tick" text-anchor="middle">{points[i]!.x}</text>}
        </g>
      ))}
    </svg>
  );
}
