/** Percentiles over raw samples (nearest rank), and small helpers. */

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function sortNumbers(xs: number[] | Float64Array): Float64Array {
  const a = Float64Array.from(xs);
  a.sort();
  return a;
}

export function median(xs: number[]): number {
  return percentile(sortNumbers(xs), 50);
}

export const round = (x: number, digits = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);
