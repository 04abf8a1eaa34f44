import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { minimizeForModel } from '@model/index';
import { makeFinding, makeResult, NOW } from './support/builders';

const dir = new URL('../fixtures/synthea/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

function identifying(p: fhir4.Patient): string[] {
  return [
    ...(p.name ?? []).flatMap((n) => [n.family ?? '', ...(n.given ?? [])]),
    ...(p.identifier ?? []).map((i) => i.value ?? ''),
    ...(p.telecom ?? []).map((t) => t.value ?? ''),
    ...(p.address ?? []).flatMap((a) => [...(a.line ?? []), a.city ?? '', a.postalCode ?? '']),
    p.birthDate ?? '',
  ].filter((s) => s.length >= 3);
}

describe('PHI minimization on the Synthea fixtures', () => {
  it.each(files)('%s: no name, identifier, telecom, address, birth date or resource id reaches the payload', (file) => {
    const bundle = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as fhir4.Bundle;
    const resources = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
    const patient = resources.find((r): r is fhir4.Patient => r.resourceType === 'Patient');
    const med = resources.find((r) => r.resourceType === 'MedicationRequest');
    const finding = makeFinding({ evidence: [{ reference: `MedicationRequest/${med?.id ?? 'x'}` }], inputs: [] });
    const { payload } = minimizeForModel({
      input: { resources, now: NOW },
      result: makeResult({ findings: [finding] }),
    });
    const sent = JSON.stringify(payload);
    expect(payload.conditions.length + payload.observations.length).toBeGreaterThan(0);
    for (const s of patient ? identifying(patient) : []) expect(sent).not.toContain(s);
    for (const r of resources) if (r.id) expect(sent).not.toContain(r.id);
    expect(sent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
