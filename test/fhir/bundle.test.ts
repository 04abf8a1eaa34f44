import { describe, expect, it } from 'vitest';
import { flattenBundle, hasUnresolvedUrn } from '@fhir/bundle';
import { collectPages, nextPageUrl } from '@fhir/paging';
import { parseReference, toRelative } from '@fhir/references';
import { codesIn, hasCoding, labelOf, RXNORM } from '@fhir/codings';

const bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { fullUrl: 'urn:uuid:aaa', resource: { resourceType: 'Patient', id: 'aaa' } },
    {
      fullUrl: 'urn:uuid:bbb',
      resource: { resourceType: 'Condition', id: 'bbb', subject: { reference: 'urn:uuid:aaa' } },
    },
    {
      fullUrl: 'urn:uuid:ccc',
      resource: {
        resourceType: 'MedicationRequest',
        id: 'ccc',
        subject: { reference: 'urn:uuid:aaa' },
        reasonReference: [{ reference: 'urn:uuid:bbb' }],
        requester: { reference: 'urn:uuid:missing' },
      },
    },
  ],
};

describe('flattenBundle', () => {
  it('rewrites urn:uuid references to Type/id, deep inside arrays too', () => {
    const [, cond, med] = flattenBundle(bundle) as [fhir4.Patient, fhir4.Condition, fhir4.MedicationRequest];
    expect(cond.subject.reference).toBe('Patient/aaa');
    expect(med.reasonReference?.[0]?.reference).toBe('Condition/bbb');
  });
  it('leaves unresolvable urn references as they are and can report them', () => {
    const med = flattenBundle(bundle)[2] as fhir4.MedicationRequest;
    expect(med.requester?.reference).toBe('urn:uuid:missing');
    expect(hasUnresolvedUrn(med)).toBe(true);
  });
  it('does not mutate its input', () => {
    flattenBundle(bundle);
    expect(bundle.entry[1]?.resource.subject?.reference).toBe('urn:uuid:aaa');
  });
  it("copies only what it rewrites: a resource without an internal reference is the bundle's own object", () => {
    const [patient, cond] = flattenBundle(bundle) as [fhir4.Patient, fhir4.Condition];
    expect(patient).toBe(bundle.entry[0]?.resource);
    expect(cond).not.toBe(bundle.entry[1]?.resource);
    const coding = { system: 'http://snomed.info/sct', code: '44054006' };
    const searchset = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        {
          fullUrl: 'https://ehr.example/fhir/Condition/c1',
          resource: {
            resourceType: 'Condition',
            id: 'c1',
            code: { coding: [coding] },
            subject: { reference: 'Patient/p1' },
          },
        },
      ],
    };
    const [c1] = flattenBundle(searchset) as [fhir4.Condition];
    expect(c1).toBe(searchset.entry[0]?.resource);
    const original = {
      resourceType: 'Condition',
      id: 'ddd',
      code: { coding: [coding] },
      subject: { reference: 'urn:uuid:aaa' },
    };
    const ddd = flattenBundle({
      ...bundle,
      entry: [...bundle.entry, { fullUrl: 'urn:uuid:ddd', resource: original }],
    })[3] as fhir4.Condition;
    expect(ddd.subject.reference).toBe('Patient/aaa');
    expect(ddd.code).toBe(original.code);
  });
  it.each([[null], [42], ['Bundle'], [{ resourceType: 'Patient' }], [{ resourceType: 'Bundle' }]])(
    'gives [] for non-bundles (%s)',
    (x) => {
      expect(flattenBundle(x)).toEqual([]);
    },
  );
});

describe('paging', () => {
  it('follows next links until none is left', async () => {
    const page = (n: number, next?: string): fhir4.Bundle => ({
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [{ resource: { resourceType: 'Patient', id: `p${n}` } }],
      ...(next ? { link: [{ relation: 'next', url: next }] } : {}),
    });
    const pages: Record<string, fhir4.Bundle> = { u2: page(2, 'u3'), u3: page(3) };
    const all = await collectPages(page(1, 'u2'), async (url) => pages[url] as fhir4.Bundle);
    expect(all.map((r) => r.id)).toEqual(['p1', 'p2', 'p3']);
    expect(nextPageUrl(page(3))).toBeUndefined();
  });
  it('stops on a loop of next links', async () => {
    const loop: fhir4.Bundle = { resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'next', url: 'same' }] };
    expect(await collectPages(loop, async () => loop)).toEqual([]);
  });
});

describe('references and codings', () => {
  it.each([
    ['Patient/123', 'Patient/123'],
    ['https://fhir.example.org/r4/Observation/o-1', 'Observation/o-1'],
    ['Patient/1/_history/2', 'Patient/1'],
    ['#contained', undefined],
    ['urn:uuid:abc', undefined],
    [undefined, undefined],
  ])('toRelative(%s) = %s', (ref, rel) => {
    expect(toRelative(ref)).toBe(rel);
    if (rel === undefined) expect(parseReference(ref)).toBeUndefined();
  });
  it('matches codes on system and code, never display', () => {
    const cc = { coding: [{ system: RXNORM, code: '855332', display: 'something else' }, { code: 'no-system' }] };
    expect(codesIn(cc, RXNORM)).toEqual(['855332']);
    expect(hasCoding(cc, RXNORM, '855332')).toBe(true);
    expect(hasCoding({ coding: [{ display: '855332' }] }, RXNORM, '855332')).toBe(false);
    expect(labelOf({ text: 'Warfarin' })).toBe('Warfarin');
  });
});
