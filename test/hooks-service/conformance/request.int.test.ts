/**
 * CDS Hooks 2.0 §Calling a CDS Service and the hook pages (patient-view 1.0, order-select 1.0, order-sign 1.1),
 * judged over HTTP: what a valid call must carry, what makes it a 400 (with a message), what is ignored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftNaproxen } from '../support/synthea';
import {
  OSEL,
  OSIGN,
  PV,
  orderSelect,
  orderSign,
  patientView,
  postJson,
  startService,
  warfarin,
  withContext,
  without,
  type RunningService,
} from './harness';
import { responseViolations } from './spec-checks';

let svc: RunningService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(async () => {
  await svc.close();
});

const AUTHZ = {
  access_token: 'opaque',
  token_type: 'Bearer',
  expires_in: 300,
  scope: 'patient/*.read',
  subject: 'cairn',
};

async function expect400(path: string, body: unknown, message: RegExp): Promise<void> {
  const res = await postJson(svc, path, body);
  expect(res.status, res.text).toBe(400);
  expect((res.json as { message?: string }).message).toMatch(message);
}

async function expect200(path: string, body: unknown): Promise<void> {
  const res = await postJson(svc, path, body);
  expect(res.status, res.text).toBe(200);
  expect(responseViolations(res.json)).toEqual([]);
}

describe('request envelope (§HTTP Request: hook, hookInstance, context REQUIRED)', () => {
  it.each([
    ['hook missing', (r: Record<string, unknown>) => without(r, 'hook'), /hook/],
    ['hookInstance missing', (r: Record<string, unknown>) => without(r, 'hookInstance'), /hookInstance/],
    [
      'hookInstance not a UUID ("A universally unique identifier (UUID)")',
      (r: Record<string, unknown>) => ({ ...r, hookInstance: 'call-1' }),
      /hookInstance/,
    ],
    ['context missing', (r: Record<string, unknown>) => without(r, 'context'), /context/],
    ['context not an object', (r: Record<string, unknown>) => ({ ...r, context: 'Patient/1' }), /context/],
    ['the hook of another service', (r: Record<string, unknown>) => ({ ...r, hook: 'order-sign' }), /does not match/],
    ['an unknown hook', (r: Record<string, unknown>) => ({ ...r, hook: 'patient-transmogrify' }), /does not match/],
    [
      'a null element ("JSON elements SHALL NOT be null")',
      (r: Record<string, unknown>) => ({ ...r, fhirServer: null }),
      /fhirServer/,
    ],
    [
      'extension that is not a JSON object ("MUST be a pre-coordinated JSON object")',
      (r: Record<string, unknown>) => ({ ...r, extension: 'x' }),
      /extension/,
    ],
  ])('answers 400 for %s', async (_name, change, message) => {
    await expect400(PV, change(patientView()), message);
  });

  it('answers a retried call with the same hookInstance again (clients may resend; nothing is keyed on it)', async () => {
    const body = patientView();
    await expect200(PV, body);
    await expect200(PV, body);
  });

  it('accepts a hookInstance written as a URN (urn:uuid:…) like any other UUID', async () => {
    await expect200(PV, { ...patientView(), hookInstance: `urn:uuid:${crypto.randomUUID()}` });
  });

  it('answers 400 when the body is JSON but not an object', async () => {
    await expect400(PV, [patientView()], /request/);
  });
});

describe('fhirServer and fhirAuthorization (§FHIR Resource Access)', () => {
  it('answers 400 for fhirAuthorization without fhirServer ("If fhirAuthorization is provided, this field is REQUIRED")', async () => {
    await expect400(PV, { ...patientView(), fhirAuthorization: AUTHZ }, /fhirServer/);
  });

  it.each([
    ['token_type other than Bearer ("Fixed value: Bearer")', { token_type: 'MAC' }],
    ['no access_token', { access_token: undefined }],
    ['no subject', { subject: undefined }],
    ['no scope', { scope: undefined }],
    ['expires_in not an integer', { expires_in: '300' }],
  ])('answers 400 for fhirAuthorization with %s', async (_name, change) => {
    const authz: Record<string, unknown> = { ...AUTHZ, ...change };
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete authz[k];
    await expect400(
      PV,
      { ...patientView(), fhirServer: 'https://ehr.example/fhir', fhirAuthorization: authz },
      /fhirAuthorization/,
    );
  });

  it('answers 400 for a fhirServer that is not a URL', async () => {
    await expect400(PV, { ...patientView(), fhirServer: 'not a url' }, /fhirServer/);
  });

  it('accepts a complete call with fhirServer and fhirAuthorization when prefetch covers the data', async () => {
    await expect200(PV, {
      ...patientView(),
      fhirServer: 'https://ehr.example/fhir',
      fhirAuthorization: { ...AUTHZ, patient: warfarin.patientId },
    });
  });
});

describe('hook contexts', () => {
  it.each([
    [PV, 'patient-view', 'userId', () => patientView()],
    [PV, 'patient-view', 'patientId', () => patientView()],
    [OSEL, 'order-select', 'userId', () => orderSelect()],
    [OSEL, 'order-select', 'patientId', () => orderSelect()],
    [OSEL, 'order-select', 'selections', () => orderSelect()],
    [OSEL, 'order-select', 'draftOrders', () => orderSelect()],
    [OSIGN, 'order-sign', 'userId', () => orderSign()],
    [OSIGN, 'order-sign', 'patientId', () => orderSign()],
    [OSIGN, 'order-sign', 'draftOrders', () => orderSign()],
  ])('%s (%s) answers 400 without the REQUIRED context.%s', async (path, _hook, field, make) => {
    await expect400(path, withContext(make(), { [field]: undefined }), new RegExp(field));
  });

  it('accepts the optional encounterId and every user type patient-view allows (Practitioner, PractitionerRole, Patient, RelatedPerson)', async () => {
    for (const userId of ['Practitioner/abc', 'PractitionerRole/123', 'Patient/123', 'RelatedPerson/r1']) {
      await expect200(PV, withContext(patientView(), { userId, encounterId: '89284' }));
    }
  });

  it('answers 400 when draftOrders is not a FHIR Bundle (order-select and order-sign)', async () => {
    const notBundle = { resourceType: 'MedicationRequest', id: 'x', status: 'draft', intent: 'order' };
    await expect400(OSIGN, withContext(orderSign(), { draftOrders: notBundle }), /draftOrders/);
    await expect400(OSEL, withContext(orderSelect(), { draftOrders: [notBundle] }), /draftOrders/);
  });

  it('answers 400 when selections is empty or names an order absent from draftOrders ("references FHIR resources in the draftOrders Bundle")', async () => {
    await expect400(OSEL, withContext(orderSelect(), { selections: [] }), /selections/);
    await expect400(OSEL, withContext(orderSelect(), { selections: ['MedicationRequest/not-there'] }), /selections/);
  });

  it('accepts an order-sign with revised orders that are no longer drafts (order-sign 1.1)', async () => {
    await expect200(
      OSIGN,
      orderSign(warfarin, [{ ...draftNaproxen(warfarin.patientId), status: 'active' } as fhir4.MedicationRequest]),
    );
  });
});

describe('extensibility: unknown fields are ignored', () => {
  it('ignores unknown top-level, context and extension fields, and prefetch keys it never asked for', async () => {
    const body = withContext(patientView(), { 'com.example.flag': true, appointments: ['a'] });
    await expect200(PV, {
      ...body,
      'com.example.new': 1,
      extension: { 'com.example.timestamp': '2017-11-27T22:13:25Z' },
      prefetch: { ...(body.prefetch as object), somethingElse: 'x' },
    });
  });

  it('accepts a prefetch key sent as null ("the prefetch template key MUST have a value of null" when there is no data)', async () => {
    const body = patientView();
    await expect200(PV, { ...body, prefetch: { ...(body.prefetch as object), allergies: null } });
  });
});
