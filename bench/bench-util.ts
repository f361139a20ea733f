/** Shared helpers for the benchmarks: medians and a uniform printout of times and ratios. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function ratio(measured: number, baseline: number): number {
  return measured / baseline;
}

/** Prints named timings in ms, the ratio against the baseline, and whether it meets the target. */
export function printTable(title: string, rows: Array<[string, number]>, measuredRatio: number, target: number): void {
  console.log(`\n${title}`);
  for (const [name, ms] of rows) console.log(`  ${name.padEnd(60)} ${ms.toFixed(1).padStart(10)} ms`);
  const verdict = measuredRatio <= target ? 'meets' : 'MISSES';
  console.log(`  ratio ${measuredRatio.toFixed(3)} (target ≤ ${target.toFixed(2)}: ${verdict})`);
}
