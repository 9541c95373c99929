// Timing and memory: performance.now around each call, nearest-rank percentiles, and
// process.memoryUsage after a full collection (run node with --expose-gc).

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of latencies in milliseconds. */
export function percentiles(ms: readonly number[]): Percentiles {
  if (ms.length === 0) return { n: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1]!, mean: s.reduce((a, b) => a + b, 0) / s.length };
}

export function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

export async function timedAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

export interface Memory {
  heapUsedMB: number;
  rssMB: number;
}

export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) { g(); g(); }
}

export function memoryAfterGc(): Memory {
  gc();
  const m = process.memoryUsage();
  return { heapUsedMB: m.heapUsed / 1048576, rssMB: m.rss / 1048576 };
}

export function hasGc(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === 'function';
}

// ---- formatting ----

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function fmtMB(mb: number): string {
  return mb >= 1024 ? `${(mb / 1024).toFixed(2)} GB` : `${mb.toFixed(0)} MB`;
}

export function fmtRate(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : '–';
}

/** `12.3 ms vs 156 ms (12.7× faster)`: ours first, lower is better. */
export function vsMs(ours: number, theirs: number): string {
  if (!Number.isFinite(theirs)) return `${fmtMs(ours)} vs –`;
  const r = theirs / ours;
  const how = r >= 1 ? `${r.toFixed(1)}× faster` : `${(1 / r).toFixed(1)}× slower`;
  return `${fmtMs(ours)} vs ${fmtMs(theirs)} (${how})`;
}

/** `0.998 vs 0.412 (+0.586)`: rates, higher is better. */
export function vsRate(ours: number, theirs: number): string {
  if (!Number.isFinite(theirs)) return `${fmtRate(ours)} vs –`;
  const d = ours - theirs;
  return `${fmtRate(ours)} vs ${fmtRate(theirs)} (${d >= 0 ? '+' : ''}${d.toFixed(3)})`;
}
