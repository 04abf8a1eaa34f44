/**
 * PHI minimization, proven end to end: a chart whose every identifying or free-text field holds a canary (names,
 * identifiers, addresses, telecom, notes, narrative, free text, every code's display, the patient's logical id and
 * exact birth date) goes through every path the service has — hooks with prefetch and with the FHIR fallback,
 * feedback with a typed comment, the app's narrative and feedback, the analytics read — with a hosted model (the stub
 * records each body it receives). No canary may reach a log line (trace level), an audit row, the analytics or a model
 * request; the comment is stored where the clinician typed it, and nowhere else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdsResponse } from '@cds-hooks/schemas/response';
import { createNarrativeServiceFromConfig } from '../../hooks-service/model/index';
import { migrate } from '../../hooks-service/store/migrate';
import { createPgliteDriver } from '../../hooks-service/store/pglite-driver';
import type { SqlDriver } from '../../hooks-service/store/sql-driver';
import { createSqlStore } from '../../hooks-service/store/sql-store';
import type { DurableStore } from '../../hooks-service/store/types';
import { openAiChat, openAiConfig } from './model/support/chat';
import { startStubModelServer, type StubModelServer } from './model/support/stub-model-server';
import { startFhirServer, type FhirTestServer } from './support/fhir-server';
import { ADMIN_TOKEN, startFullService, type FullService } from './support/full-service';
import { draftNaproxen, hookRequest, loadFixture, NOW, prefetchFor, type Fixture } from './support/synthea';

const CANARY = {
  name: 'Quorvelle',
  identifier: 'MRN-CANARY-55821',
  address: 'Brindlecote Lane',
  telecom: '555-0143-881',
  note: 'note-canary-zx81',
  narrative: 'narrative-canary-qw27',
  freeText: 'freetext-canary-lp90',
  display: 'display-canary-vm44',
  comment: 'typed-comment-canary-hj62',
  patientId: 'canary-pid-7d3e9',
  token: 'fhir-token-canary-4471',
} as const;
type Category = keyof typeof CANARY;

/** Every display, free `text`, comment and identifier anywhere in a resource becomes its canary; codes are kept. */
function plant(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plant);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      if (k === 'display' && typeof v === 'string') return [k, CANARY.display];
      if ((k === 'text' || k === 'comment' || k === 'patientInstruction') && typeof v === 'string')
        return [k, CANARY.freeText];
      if (k === 'text' && typeof v === 'object')
        return [k, { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${CANARY.narrative}</div>` }];
      if (k === 'identifier')
        return [
          k,
          Array.isArray(v)
            ? [{ system: 'urn:oid:2.16.840.1.113883.4.1', value: CANARY.identifier }]
            : { value: CANARY.identifier },
        ];
      return [k, plant(v)];
    }),
  );
}

function withCanaries(fx: Fixture): Fixture {
  // The logical id is rewritten everywhere it is referenced, so the chart stays one patient's.
  const renamed = JSON.parse(
    JSON.stringify(fx.resources).replaceAll(fx.patientId, CANARY.patientId),
  ) as fhir4.Resource[];
  const resources = renamed.map((r) => {
    const planted = plant(r) as fhir4.Resource & Record<string, unknown>;
    planted.text = { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${CANARY.narrative}</div>` };
    if (r.resourceType !== 'Patient') return { ...planted, note: [{ text: CANARY.note }] };
    return {
      ...planted,
      name: [{ use: 'official', family: CANARY.name, given: [CANARY.name], text: `${CANARY.name} ${CANARY.name}` }],
      telecom: [
        { system: 'phone', value: CANARY.telecom },
        { system: 'email', value: `${CANARY.name}@example.org` },
      ],
      address: [{ line: [`12 ${CANARY.address}`], city: CANARY.address, postalCode: '02139', text: CANARY.address }],
      contact: [{ name: { family: CANARY.name }, telecom: [{ system: 'phone', value: CANARY.telecom }] }],
    };
  });
  return { resources, patientId: CANARY.patientId };
}

const fx = withCanaries(loadFixture('af-warfarin-alzheimers-ebd50853.json'));
const birthDate = (fx.resources.find((r) => r.resourceType === 'Patient') as fhir4.Patient).birthDate ?? '';
const draft = { ...(plant(draftNaproxen(fx.patientId)) as fhir4.MedicationRequest), note: [{ text: CANARY.note }] };
// plant() replaced the draft's display too; its RxNorm code still identifies naproxen.

let stub: StubModelServer;
let fhir: FhirTestServer;
let driver: SqlDriver;
let store: DurableStore;
let svc: FullService;

async function call(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${svc.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Sink name → its whole content as text. */
const sinks: Record<string, string> = {};

beforeAll(async () => {
  stub = await startStubModelServer();
  fhir = await startFhirServer(fx.resources, CANARY.token);
  driver = await createPgliteDriver();
  await migrate(driver);
  store = createSqlStore(driver, { now: () => NOW });
  const narrative = createNarrativeServiceFromConfig(openAiConfig(stub.url, { CAIRN_MODEL_BUDGET_MS: '3000' }), {
    chat: openAiChat(stub.url),
  });
  svc = await startFullService(
    { fhirAllowlist: [fhir.base], logLevel: 'trace' },
    { store, model: narrative, narrative },
  );

  const prefetch = prefetchFor(fx);
  const viewed = await call('/cds-services/cairn-patient-view', hookRequest('patient-view', fx, { prefetch }));
  const fetched = await call(
    '/cds-services/cairn-patient-view',
    hookRequest('patient-view', fx, { fhirServer: fhir.base, token: CANARY.token }),
  );
  const selected = await call(
    '/cds-services/cairn-order-select',
    hookRequest('order-select', fx, { prefetch, drafts: [draft] }),
  );
  const signed = await call(
    '/cds-services/cairn-order-sign',
    hookRequest('order-sign', fx, { prefetch, drafts: [draft] }),
  );
  for (const r of [viewed, fetched, selected, signed]) expect(r.status).toBe(200);
  const card = (signed.body as CdsResponse).cards.find((c) => c.source.topic?.code === 'drug-interaction');
  expect(card).toBeDefined();
  expect(
    (
      await call('/cds-services/cairn-order-sign/feedback', {
        feedback: [
          {
            card: card?.uuid,
            outcome: 'overridden',
            outcomeTimestamp: '2021-04-01T12:05:00Z',
            overrideReason: { userComment: CANARY.comment },
          },
        ],
      })
    ).status,
  ).toBe(200);
  const bearer = { authorization: `Bearer ${CANARY.token}` };
  expect((await call('/api/narrative', { fhirServer: fhir.base, patientId: fx.patientId }, bearer)).status).toBe(200);
  expect(
    (
      await call(
        '/api/app-feedback',
        {
          findingId: 'f-1',
          ruleId: 'ddi-warfarin-nsaid',
          useful: false,
          reason: 'Already addressed',
          fhirServer: fhir.base,
          patientId: fx.patientId,
        },
        bearer,
      )
    ).status,
  ).toBe(200);
  // A free-text reason is not one of the app's choices: refused, so it can never reach the analytics.
  expect(
    (
      await call(
        '/api/app-feedback',
        {
          findingId: 'f-2',
          ruleId: 'ddi-warfarin-nsaid',
          useful: false,
          reason: `${CANARY.name} ${CANARY.comment}`,
          fhirServer: fhir.base,
          patientId: fx.patientId,
        },
        bearer,
      )
    ).status,
  ).toBe(400);
  const analytics = await fetch(`${svc.url}/api/analytics?from=2021-03-01T00:00:00Z&to=2021-05-01T00:00:00Z`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  expect(analytics.status).toBe(200);

  sinks.logs = svc.logs.join('\n');
  sinks['audit rows'] = JSON.stringify([
    ...(await driver.query('SELECT * FROM audit_event')),
    ...(await driver.query('SELECT * FROM audit_card')),
  ]);
  sinks['feedback rows (but the comment column)'] = JSON.stringify(
    (await driver.query<Record<string, unknown>>('SELECT * FROM feedback')).map(
      ({ override_user_comment: _, ...rest }) => rest,
    ),
  );
  sinks.analytics = await analytics.text();
  sinks['model requests'] = stub.requests.map((r) => r.raw).join('\n');
}, 60_000);

afterAll(async () => {
  await svc.close();
  await store.close();
  await fhir.close();
  await stub.close();
});

/** Where each canary may legitimately be: the audit keeps the FHIR logical patient id (EU AI Act Art. 12). */
const ALLOWED: Partial<Record<Category, string[]>> = { patientId: ['audit rows'] };

describe('privacy canaries', () => {
  it('every path ran and every sink holds something (the checks below are not vacuous)', () => {
    expect(stub.requests.length).toBeGreaterThanOrEqual(2);
    expect(sinks['model requests']).toMatch(/warfarin/i);
    expect(sinks.logs).toContain('hook answered');
    expect(sinks['audit rows']).toContain('ddi-warfarin-nsaid');
    expect(sinks.analytics).toContain('ddi-warfarin-nsaid');
  });

  it('no canary reaches a log line, an audit row, the analytics or a model request', () => {
    const leaks = Object.entries(sinks).flatMap(([sink, text]) =>
      (Object.entries(CANARY) as [Category, string][])
        .filter(([category, canary]) => !ALLOWED[category]?.includes(sink) && text.includes(canary))
        .map(([category]) => `${category} in ${sink}`),
    );
    expect(leaks).toEqual([]);
  });

  it('the exact birth date reaches no model request and no log line', () => {
    expect(birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sinks['model requests']).not.toContain(birthDate);
    expect(sinks.logs).not.toContain(birthDate);
  });

  it("stores the clinician's comment where it was typed, and only there", async () => {
    const rows = await driver.query<{ override_user_comment: string | null }>(
      'SELECT override_user_comment FROM feedback',
    );
    expect(rows.map((r) => r.override_user_comment)).toContain(CANARY.comment);
  });
});
