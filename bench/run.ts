/**
 * `npm run bench`: performance figures, each beside a reference measured in the same run (issue 17). Prints a
 * table and writes bench/results.json as rows {name, value, unit, reference, ratio}. `--smoke` runs small counts
 * quickly (CI keeps the bench from rotting); the full run takes a few minutes. Run it on a quiet machine: the
 * ratios absorb a slow machine, not one whose load changes during the run.
 */
import { cpus } from 'node:os';
import { bundleRows } from './bundle';
import { engineRows } from './engine';
import { hookRows, requestCount } from './hook-rows';
import { FIXTURE, loadFixture, patientViewBody } from './hooks';
import { builtServiceRows, replicaRows } from './replicas';
import { makeKey } from '../test/hooks-service/support/client-keys';
import { launchRows } from './launch';
import { startRows } from './start';
import { printTable, writeResults, type Row } from './report';

const smoke = process.argv.includes('--smoke');
const started = Date.now();
const rows: Row[] = [];
const section = async (name: string, make: () => Promise<Row[]> | Row[]) => {
  const t = Date.now();
  rows.push(...(await make()));
  console.error(`bench: ${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
};

await section('hooks', () => hookRows(smoke));
await section('engine', () => engineRows(smoke));
// Builds dist/, which the start, replica and launch rows serve.
await section('bundle', () => bundleRows());
await section('start', () => startRows());
const patientView = {
  body: patientViewBody(loadFixture(FIXTURE)),
  path: '/cds-services/cairn-patient-view',
  key: makeKey('RS384'),
  amount: requestCount(smoke),
};
await section('built service', () => builtServiceRows(patientView));
await section('replicas', () => replicaRows(patientView));
await section('launch', () => launchRows(smoke));

printTable(rows);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`;
console.log(
  `\n${new Date().toISOString()} · Node ${process.version} · ${machine} · ${smoke ? 'smoke' : 'full'} run in ${Math.round((Date.now() - started) / 1000)} s`,
);
writeResults(new URL('./results.json', import.meta.url), rows, {
  date: new Date().toISOString(),
  node: process.version,
  machine,
  smoke,
});
