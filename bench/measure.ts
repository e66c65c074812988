/** Timing helpers: medians over repeated runs, side by side, so ratios survive a noisy shared machine. */
import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  medianMs: number;
  p90Ms: number;
  runs: number;
}

export async function measure(name: string, runs: number, fn: (i: number) => Promise<unknown>): Promise<Measurement> {
  await fn(-1); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { name, medianMs: at(0.5), p90Ms: at(0.9), runs };
}

/** Interleave two measurements run by run so both see the same machine load. */
export async function sideBySide(
  runs: number,
  a: { name: string; fn: (i: number) => Promise<unknown> },
  b: { name: string; fn: (i: number) => Promise<unknown> },
): Promise<[Measurement, Measurement]> {
  await a.fn(-1);
  await b.fn(-1);
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    await a.fn(i);
    ta.push(performance.now() - start);
    start = performance.now();
    await b.fn(i);
    tb.push(performance.now() - start);
  }
  const summary = (name: string, times: number[]): Measurement => {
    times.sort((x, y) => x - y);
    return {
      name,
      medianMs: times[Math.floor(times.length / 2)]!,
      p90Ms: times[Math.min(times.length - 1, Math.floor(0.9 * times.length))]!,
      runs,
    };
  };
  return [summary(a.name, ta), summary(b.name, tb)];
}

export const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
