/**
 * `_sort` on the demo FHIR server (FHIR R4 search.html#sort): string and date keys, `-` for descending,
 * several keys, missing values last, stable pages, and a 400 OperationOutcome naming an unsupported key.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmartStack, registerSmartStack } from '../../../demo/smart-stack';

const subject = { reference: 'Patient/moss-cy' };
const patients: fhir4.Patient[] = [
  { resourceType: 'Patient', id: 'zeller', name: [{ family: 'Zeller', given: ['Anna'] }] },
  { resourceType: 'Patient', id: 'abel', name: [{ family: 'Ábel', given: ['Marta'] }] },
  { resourceType: 'Patient', id: 'moss-cy', name: [{ family: 'Moss', given: ['Cy'] }] },
  { resourceType: 'Patient', id: 'nameless' },
  { resourceType: 'Patient', id: 'moss-bo', name: [{ family: 'Moss', given: ['Bo'] }] },
];
const condition: fhir4.Condition = { resourceType: 'Condition', id: 'c', subject, onsetDateTime: '2020-01-01' };
const resources: fhir4.Resource[] = [
  ...patients,
  ...(
    [
      ['march', { effectiveDateTime: '2024-03-01' }],
      ['jan-a', { effectiveDateTime: '2024-01-15T08:00:00Z' }],
      ['undated', {}],
      ['feb-period', { effectivePeriod: { start: '2024-02-01' } }],
      ['jan-b', { effectiveDateTime: '2024-01-15T08:00:00Z' }],
    ] as const
  ).map(([id, when]): fhir4.Observation => ({
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { text: 'x' },
    subject,
    ...when,
  })),
  ...(
    [
      ['written-first-due-last', '2024-01-01', '2024-05-01'],
      ['written-last-due-first', '2024-02-01', '2024-03-01'],
    ] as const
  ).map(([id, authoredOn, due]): fhir4.MedicationRequest => ({
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    subject,
    medicationCodeableConcept: { text: 'x' },
    authoredOn,
    dosageInstruction: [{ timing: { event: [due] } }],
  })),
  condition,
];

let app: FastifyInstance;
let token: string;

beforeAll(async () => {
  const stack = createSmartStack({ resources });
  app = Fastify();
  await registerSmartStack(app, stack);
  token = stack.tokens.issueAccessToken({ clientId: 't', scope: 'user/*.rs' }).accessToken;
});
afterAll(() => app.close());

const get = (url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

async function ids(url: string): Promise<string[]> {
  const res = await get(url);
  expect(res.statusCode).toBe(200);
  return (res.json<fhir4.Bundle>().entry ?? []).map((e) => e.resource?.id ?? '');
}

describe('_sort on string parameters', () => {
  it('sorts by family ascending, folding case and accents, with the nameless patient last', async () => {
    expect(await ids('/fhir/Patient?_sort=family')).toEqual(['abel', 'moss-cy', 'moss-bo', 'zeller', 'nameless']);
  });

  it('sorts descending with a - prefix and still puts the missing value last', async () => {
    expect(await ids('/fhir/Patient?_sort=-family')).toEqual(['zeller', 'moss-cy', 'moss-bo', 'abel', 'nameless']);
  });

  it('breaks ties on the first key with the second, in its own direction', async () => {
    expect(await ids('/fhir/Patient?_sort=family,given')).toEqual(['abel', 'moss-bo', 'moss-cy', 'zeller', 'nameless']);
    expect(await ids('/fhir/Patient?_sort=-family,-given')).toEqual([
      'zeller',
      'moss-cy',
      'moss-bo',
      'abel',
      'nameless',
    ]);
    expect(await ids('/fhir/Patient?_sort=given')).toEqual(['zeller', 'moss-bo', 'moss-cy', 'abel', 'nameless']);
  });

  it('reads repeated _sort parameters (the DSTU2 form) as one key list, first occurrence first', async () => {
    expect(await ids('/fhir/Patient?_sort=family&_sort=-given')).toEqual(
      await ids('/fhir/Patient?_sort=family,-given'),
    );
    expect(await ids('/fhir/Patient?_sort=family&_sort=-given')).toEqual([
      'abel',
      'moss-cy',
      'moss-bo',
      'zeller',
      'nameless',
    ]);
  });

  it('searches given and family as FHIR strings: starts-with, case- and accent-insensitive', async () => {
    expect(await ids('/fhir/Patient?family=abel')).toEqual(['abel']);
    expect(await ids('/fhir/Patient?family=MO&given=b')).toEqual(['moss-bo']);
  });

  it('keeps the sorted order across pages', async () => {
    const whole = await ids('/fhir/Patient?_sort=family,given');
    const paged: string[] = [];
    let pages = 0;
    let url: string | undefined = '/fhir/Patient?_sort=family,given&_count=2';
    while (url) {
      const page: fhir4.Bundle = (await get(url)).json<fhir4.Bundle>();
      pages += 1;
      paged.push(...(page.entry ?? []).map((e) => e.resource?.id ?? ''));
      const next: string | undefined = page.link?.find((l) => l.relation === 'next')?.url;
      url = next?.replace('http://localhost:80', '');
    }
    expect(pages).toBe(3);
    expect(paged).toEqual(whole);
  });
});

describe('_sort on date parameters', () => {
  it('sorts Observations by effective date, a period by its start, undated last, ties in stored order', async () => {
    expect(await ids('/fhir/Observation?_sort=date')).toEqual(['jan-a', 'jan-b', 'feb-period', 'march', 'undated']);
    expect(await ids('/fhir/Observation?_sort=-date')).toEqual(['march', 'feb-period', 'jan-a', 'jan-b', 'undated']);
  });

  it('takes a second key after a date', async () => {
    expect(await ids('/fhir/Observation?_sort=date,-_id')).toEqual([
      'jan-b',
      'jan-a',
      'feb-period',
      'march',
      'undated',
    ]);
  });

  it("uses R4's MedicationRequest date (dose timing), distinct from authoredon", async () => {
    expect(await ids('/fhir/MedicationRequest?_sort=authoredon')).toEqual([
      'written-first-due-last',
      'written-last-due-first',
    ]);
    expect(await ids('/fhir/MedicationRequest?_sort=date')).toEqual([
      'written-last-due-first',
      'written-first-due-last',
    ]);
  });

  it('sorts Condition by its own R4 date parameters', async () => {
    expect(await ids('/fhir/Condition?_sort=-onset-date,recorded-date')).toEqual(['c']);
  });
});

describe('unsupported sort keys', () => {
  it.each([
    ['/fhir/Patient?_sort=nonsense', 'nonsense'],
    ['/fhir/Patient?_sort=family,-gender', 'gender'],
    ['/fhir/Condition?_sort=date', 'date'],
    ['/fhir/Observation?_sort=', 'empty sort key'],
  ])('with Prefer: handling=strict, %s answers 400 with an OperationOutcome naming %s', async (url, named) => {
    const res = await app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${token}`, prefer: 'handling=strict' },
    });
    expect(res.statusCode).toBe(400);
    const outcome = res.json<fhir4.OperationOutcome>();
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0]?.code).toBe('invalid');
    expect(outcome.issue[0]?.diagnostics).toContain(named);
    expect(outcome.issue[0]?.diagnostics).toMatch(/sortable: _id/);
  });

  it('otherwise ignores the key it cannot sort by and leaves it out of the self link (FHIR R4 §3.1.1.4)', async () => {
    const res = await get('/fhir/Patient?_sort=name,family,-given');
    expect(res.statusCode).toBe(200);
    const bundle = res.json<fhir4.Bundle>();
    const self = new URL(bundle.link?.find((l) => l.relation === 'self')?.url ?? '');
    expect(self.searchParams.get('_sort')).toBe('family,-given');
    expect((bundle.entry ?? []).map((e) => e.resource?.id)).toEqual([
      'abel',
      'moss-cy',
      'moss-bo',
      'zeller',
      'nameless',
    ]);
  });

  it('answers an unsorted page, with no _sort in its self link, when no key is sortable', async () => {
    const res = await get('/fhir/Patient?_sort=name');
    expect(res.statusCode).toBe(200);
    const self = new URL(res.json<fhir4.Bundle>().link?.find((l) => l.relation === 'self')?.url ?? '');
    expect(self.searchParams.has('_sort')).toBe(false);
  });
});

describe('CapabilityStatement', () => {
  it('lists given and family as string parameters and what _sort accepts', async () => {
    const meta = (await app.inject({ method: 'GET', url: '/fhir/metadata' })).json<fhir4.CapabilityStatement>();
    const patient = meta.rest?.[0]?.resource?.find((r) => r.type === 'Patient');
    expect(patient?.searchParam).toEqual(
      expect.arrayContaining([
        { name: 'given', type: 'string' },
        { name: 'family', type: 'string' },
      ]),
    );
    const sort = patient?.searchParam?.find((p) => p.name === '_sort');
    expect(sort?.type).toBe('special');
    expect(sort?.documentation).toMatch(/_id, birthdate, given, family/);
  });
});
