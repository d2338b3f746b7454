/** @module Small statistics helpers for every benchmark: medians and percentiles, never single runs. */

/** The q-quantile (0..1) of already sorted numbers, nearest-rank; NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** Median of any numbers (NaN ignored); NaN when none are left. */
export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (0..100) of any numbers, nearest-rank like `quantileSorted`; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  return quantileSorted([...values].filter((v) => !Number.isNaN(v)).sort((a, b) => a - b), p / 100);
}

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Summarises the first `count` latencies of `values` (sorted in place). */
export function summarize(values: Float64Array, count: number): LatencySummary {
  const used = values.subarray(0, count).sort();
  let sum = 0;
  for (const v of used) sum += v;
  return {
    count,
    p50: quantileSorted(used, 0.5),
    p90: quantileSorted(used, 0.9),
    p99: quantileSorted(used, 0.99),
    max: count ? used[count - 1]! : Number.NaN,
    mean: count ? sum / count : Number.NaN,
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
