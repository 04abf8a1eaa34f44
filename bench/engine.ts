/** Engine time on synthetic charts (bench/synthetic-record.ts): median of several runs, and how time grows with size. */
import { runEngine } from '../src/reasoning/engine';
import { row, type Row } from './report';
import { syntheticInput } from './synthetic-record';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function medianMs(size: number, runs: number): number {
  const input = syntheticInput(size);
  for (let i = 0; i < 3; i++) runEngine(input);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    runEngine(input);
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Rows `engine 1k/10k/50k` (reference: the 1k time scaled linearly) and the growth exponent (1 = linear). */
export function engineRows(smoke: boolean): Row[] {
  const sizes = smoke ? [1_000, 2_000, 5_000] : [1_000, 10_000, 50_000];
  const runs = smoke ? 3 : 9;
  const ms = sizes.map((size) => medianMs(size, runs));
  const [first = 1, , last = 1] = ms;
  const [n0 = 1, , n2 = 1] = sizes;
  const exponent = Math.log(last / first) / Math.log(n2 / n0);
  return [
    ...sizes.map((size, i) =>
      row(
        `engine ${size / 1000}k resources`,
        ms[i] ?? null,
        'ms',
        (first * size) / n0,
        size === 10_000 ? 'reference: 1k time × size (linear); goal ≤ 50 ms' : 'reference: 1k time × size (linear)',
      ),
    ),
    row(
      'engine growth exponent',
      exponent,
      'exponent',
      1,
      `time ∝ size^k over ${n0}–${n2} resources; goal ≈ 1 (linear)`,
    ),
  ];
}
