/** @module Chart colours (colour-blind safe, Okabe-Ito) and the number formats the charts share. */
export const SERIES_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#999999'];

export const fmtDays = (days: number | null) => (days === null ? '—' : `${days.toFixed(1)} d`);
export const fmtPercent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)} %`);

/** "Nov 2" from 2026-11-02. */
export function shortDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** "Nov 2026" from 2026-11. */
export function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}
