/**
 * Every finding the engine makes on charts as EHRs send them: the FHIR case table (one or more cases per rule
 * family, test/reasoning/fhir-cases/cases.ts) and the Synthea fixtures (test/fixtures/synthea). For tests about how
 * any finding reads, whichever rule made it. Node-only (reads the fixtures).
 */
import { flattenBundle } from '@fhir/bundle';
import { runEngine } from '@reasoning/engine';
import type { EngineInput, Finding } from '@reasoning/types';
import { ALL_CASES } from '../fhir-cases/cases';
import { NOW } from '../fhir-cases/ehr';
import { FIXTURE_DIR, fixtureFiles, SYNTHEA_NOW } from '../golden/synthea-summary';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EhrFinding {
  /** The case name or the fixture file. */
  chart: string;
  finding: Finding;
  /** What the engine was given: the chart, the draft orders, the clock. */
  input: EngineInput;
}

function run(chart: string, resources: fhir4.Resource[], draftOrders: fhir4.Resource[], now: string): EhrFinding[] {
  const input: EngineInput = { resources, draftOrders, now };
  return runEngine(input).findings.map((finding) => ({ chart, finding, input }));
}

export function ehrFindings(): EhrFinding[] {
  const cases = ALL_CASES.flatMap((c) => run(c.name, [c.patient, ...c.chart], c.drafts ?? [], NOW));
  const synthea = fixtureFiles().flatMap((file) =>
    run(file, flattenBundle(JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8'))), [], SYNTHEA_NOW),
  );
  return [...cases, ...synthea];
}
