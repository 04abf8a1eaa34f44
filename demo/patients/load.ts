/**
 * Loads the demo's synthetic patients: the Synthea fixtures (test/fixtures/synthea, Apache-2.0, see its README)
 * and the hand-built teaching cases in demo/patients/teaching/. In-bundle `urn:uuid:` references are resolved to
 * `Type/id` as a FHIR server does on ingest, so `patient=<id>` searches work.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { flattenBundle } from '@fhir/bundle';
import { shiftDates } from './shift-dates';

/** The instant the data were written against: Synthea's newest date is 2021-03-31 (fixtures README). */
export const DATA_EPOCH = '2021-04-01T12:00:00Z';

const SYNTHEA_DIR = new URL('../../test/fixtures/synthea/', import.meta.url);
const TEACHING_DIR = new URL('./teaching/', import.meta.url);

export interface LoadOptions {
  /** Whole days to move every date forward (0 keeps the data on its 2021 clock). */
  shiftDays?: number;
  /** Leave out the Synthea set (fast loads for tests that only need the teaching cases). */
  teachingOnly?: boolean;
}

/** Whole days from the data epoch to `now`, so that the newest data sit on the day before `now`. */
export function shiftDaysFor(now: Date): number {
  return Math.floor((now.getTime() - Date.parse(DATA_EPOCH)) / 86_400_000);
}

function readJson(dir: URL, name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
}

function isBundle(value: unknown): value is fhir4.Bundle {
  return typeof value === 'object' && value !== null && (value as { resourceType?: unknown }).resourceType === 'Bundle';
}

function resourcesIn(dir: URL): fhir4.Resource[] {
  const out: fhir4.Resource[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const json = readJson(dir, name);
    if (isBundle(json)) out.push(...flattenBundle(json));
    else out.push(json as fhir4.Resource);
  }
  return out;
}

/** Every demo resource, references resolved, dates shifted by `shiftDays`. */
export function loadDemoResources(options: LoadOptions = {}): fhir4.Resource[] {
  const resources = [...resourcesIn(TEACHING_DIR), ...(options.teachingOnly ? [] : resourcesIn(SYNTHEA_DIR))];
  const days = options.shiftDays ?? 0;
  return days === 0 ? resources : resources.map((r) => shiftDates(r, days));
}
