import { describe, expect, it } from 'vitest';
import { minimizeForModel } from '@model/index';
import { CANARIES, makeFinding, makeRequest, makeResult } from './support/builders';

describe('PHI minimization', () => {
  it('keeps no canary from names, identifiers, telecom, address, birth date, ids, narrative, notes or comments', () => {
    // The engine may echo identifying strings in its text; the scrubber must catch them too.
    const finding = makeFinding({
      summary: `Warfarin for ${CANARIES.given} ${CANARIES.family}`,
      action: `Call ${CANARIES.given} back on ${CANARIES.birthDate}.`,
      detail: `Seen ${CANARIES.birthDate}; MRN ${CANARIES.identifier}; see Observation/${CANARIES.obsId} and urn:uuid:${CANARIES.patientId}`,
      evidence: [{ reference: `Observation/${CANARIES.obsId}` }, { reference: `Patient/${CANARIES.patientId}` }],
      inputs: [
        { name: 'eGFR', value: 41, unit: 'mL/min', date: '2021-03-20', source: `Observation/${CANARIES.obsId}` },
      ],
    });
    const { payload } = minimizeForModel(makeRequest(makeResult({ findings: [finding] })));
    const sent = JSON.stringify(payload);
    for (const [field, canary] of Object.entries(CANARIES)) {
      expect(sent, `canary from ${field}`).not.toContain(canary);
      expect(sent.toLowerCase(), `canary from ${field}`).not.toContain(canary.toLowerCase());
    }
    expect(sent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(payload.findings[0]?.detail).toMatch(/^Seen \[redacted\]; MRN \[redacted\]; see R\d+ and \[ref\]$/);
    expect(payload.findings[0]?.action).toMatch(/^Call \S+ back on \[redacted\]\.$/);
  });

  it('gives ages and relative days instead of dates', () => {
    const { payload } = minimizeForModel(makeRequest());
    expect(payload.patient).toEqual({ age: '79 years', sex: 'female' });
    expect(payload.observations[0]).toMatchObject({ display: 'eGFR', value: '41 mL/min/{1.73_m2}', daysAgo: 11 });
    expect(payload.conditions[0]?.daysAgo).toBeGreaterThan(2000);
  });

  it('aggregates ages over 89', () => {
    const req = makeRequest();
    const patient = req.input.resources[0] as fhir4.Patient;
    patient.birthDate = '1920-01-01';
    expect(minimizeForModel(req).payload.patient.age).toBe('90 years or older');
  });

  it('replaces resource and finding ids with opaque aliases that map back', () => {
    const { payload, aliases } = minimizeForModel(makeRequest());
    const f = payload.findings[0];
    expect(f?.id).toMatch(/^F\d+$/);
    expect(f?.evidence.every((e) => /^R\d+$/.test(e))).toBe(true);
    expect(aliases.resolveEvidence(f?.evidence[0] ?? '')).toBe('MedicationRequest/med-warfarin');
    expect(aliases.resolveEvidence(f?.id ?? '')).toBe(makeFinding().id);
    expect(payload.medications[0]).toMatchObject({ id: f?.evidence[0], dose: '5 mg', draft: false });
    expect(aliases.resolveCitation(f?.citations[0] ?? '')?.year).toBe(2017);
  });

  it('gives the same payload whatever order the resources were fetched in', () => {
    const req = makeRequest();
    const reversed = { ...req, input: { ...req.input, resources: [...req.input.resources].reverse() } };
    expect(minimizeForModel(reversed).payload).toEqual(minimizeForModel(req).payload);
  });

  it('does not mangle clinical words that contain a short identifying string', () => {
    const req = makeRequest(makeResult({ findings: [makeFinding({ summary: 'Anaphylaxis risk' })] }));
    (req.input.resources[0] as fhir4.Patient).name = [{ given: ['Ana'] }];
    expect(minimizeForModel(req).payload.findings[0]?.summary).toBe('Anaphylaxis risk');
  });
});
