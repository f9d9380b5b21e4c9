/** The value at `fraction` (0..1) of the sorted samples: 0.5 is the median, 0.99 the p99. */
export function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

/** The median of the samples. */
export function median(samples: number[]): number {
  return percentile(samples, 0.5);
}
