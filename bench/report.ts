/** Bench rows (issue 17): each figure beside a reference measured in the same run, since the machine is noisy. */
import { writeFileSync } from 'node:fs';

export interface Row {
  name: string;
  value: number | null;
  unit: string;
  /** The same measure on the reference (a no-op endpoint, a bare bundle, a blank page…); null when none applies. */
  reference: number | null;
  /** value ÷ reference (for throughput: higher is better; for time and size: lower is better). */
  ratio: number | null;
  /** What the reference is, the goal, or why the row was skipped. */
  note?: string;
}

const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function row(name: string, value: number | null, unit: string, reference: number | null, note?: string): Row {
  const ratio = value !== null && reference !== null && reference !== 0 ? round(value / reference, 3) : null;
  return {
    name,
    value: value === null ? null : round(value),
    unit,
    reference: reference === null ? null : round(reference),
    ratio,
    ...(note && { note }),
  };
}

export function printTable(rows: readonly Row[]): void {
  const cells = rows.map((r) =>
    [r.name, r.value ?? '—', r.unit, r.reference ?? '—', r.ratio ?? '—', r.note ?? ''].map(String),
  );
  const head = ['name', 'value', 'unit', 'reference', 'ratio', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => (i === 1 || i === 3 || i === 4 ? x.padStart(widths[i] ?? 0) : x.padEnd(widths[i] ?? 0)))
      .join(' | ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const c of cells) console.log(line(c));
}

export function writeResults(path: URL, rows: readonly Row[], meta: Record<string, unknown>): void {
  writeFileSync(path, `${JSON.stringify({ ...meta, rows }, null, 2)}\n`);
}
