/**
 * The demo EHR fires the three newer hooks (allergyintolerance-create, problem-list-item-create, medication-refill)
 * at the real Cairn service, found through discovery, for teaching patients: each call carries the EHR's signed JWT
 * (the service runs with CDS_AUTH on and trusts only the demo EHR's issuer, as `npm start` configures it), each
 * request passes the hook's context schema, and the cards are the ones the chart calls for.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '@cds-hooks/validate';
import {
  AllergyIntoleranceCreateContext,
  HookRequest,
  MedicationRefillContext,
  ProblemListItemCreateContext,
} from '@cds-hooks/schemas/request';
import { composeDependencies } from '../../../hooks-service/compose';
import { parseServiceConfig } from '../../../hooks-service/config';
import { createLogger } from '../../../hooks-service/logger';
import { buildServer } from '../../../hooks-service/server';
import { MemoryStore } from '../../../hooks-service/store/memory';
import { generateSigningKey } from '../../../demo/auth/keys';
import { demoEnvironment } from '../../../demo/demo-env';
import { ALLERGY_CHOICES, PROBLEM_CHOICES, newAllergy, newProblem } from '../../../demo/ehr/chart-entries';
import { demoEhrPlugin } from '../../../demo/ehr/plugin';
import { shiftDaysFor } from '../../../demo/patients/load';
import { createSmartStack, registerSmartStack } from '../../../demo/smart-stack';
import { freePort } from '../../hooks-service/store/service-process';

let app: FastifyInstance;
let origin = '';
let stack: ReturnType<typeof createSmartStack>;
const now = new Date();

beforeAll(async () => {
  // One process, as `npm start` runs it: the service and the demo EHR on the same origin, with the demo's
  // environment (JWT auth on, the EHR's issuer trusted, the demo FHIR server allowed).
  const port = await freePort();
  const demo = demoEnvironment({ HOST: '127.0.0.1', PORT: String(port) });
  app = buildServer(
    composeDependencies({
      config: parseServiceConfig(demo.env),
      store: new MemoryStore({ now: () => now }),
      logger: createLogger('silent'),
      clock: () => now,
    }),
  );
  // The whole demo data set (teaching cases and Synthea), as the demo EHR's patient list shows it.
  stack = createSmartStack({ shiftDays: shiftDaysFor(now) });
  await registerSmartStack(app, stack);
  await app.register(demoEhrPlugin, {
    prefix: '/demo-ehr',
    repository: stack.repository,
    tokens: stack.tokens,
    ehrKey: generateSigningKey('ES384'),
    issuer: demo.ehrIssuer,
    now: () => now,
  });
  origin = await app.listen({ host: '127.0.0.1', port });
});
afterAll(async () => {
  await app.close();
});

interface HookCall {
  serviceId: string;
  request: { hook: string; context: Record<string, unknown> };
  response: { status: number; body: { cards: { summary: string; indicator: string }[] } };
}

async function fire(body: Record<string, unknown>): Promise<{ status: number; calls: HookCall[] }> {
  const res = await fetch(`${origin}/demo-ehr/api/hook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, calls: ((await res.json()) as { calls?: HookCall[] }).calls ?? [] };
}

const checkRequest = compile(HookRequest, 'request');
const checkContext = {
  'allergyintolerance-create': compile(AllergyIntoleranceCreateContext, 'context'),
  'problem-list-item-create': compile(ProblemListItemCreateContext, 'context'),
  'medication-refill': compile(MedicationRefillContext, 'context'),
};

/** The one call for `hook`, its request spec-valid and its answer a 200; its cards. */
function cardsOf(hook: keyof typeof checkContext, calls: HookCall[]): HookCall['response']['body']['cards'] {
  expect(calls.map((c) => c.serviceId)).toEqual([`cairn-${hook}`]);
  const [call] = calls as [HookCall];
  expect(checkRequest(call.request), checkRequest.explain(call.request)).toBe(true);
  expect(call.request.hook).toBe(hook);
  expect(checkContext[hook](call.request.context), checkContext[hook].explain(call.request.context)).toBe(true);
  expect(call.response.status, JSON.stringify(call.response.body)).toBe(200);
  return call.response.body.cards;
}
const summariesOf = (hook: keyof typeof checkContext, calls: HookCall[]): string[] =>
  cardsOf(hook, calls).map((c) => c.summary);

const choice = (list: typeof ALLERGY_CHOICES, code: string) => {
  const found = list.find((c) => c.code === code);
  if (!found) throw new Error(`no choice ${code}`);
  return found;
};
const today = now.toISOString();

it("the service refuses the same hook call without the EHR's JWT, so the 200s below are signed calls", async () => {
  const res = await fetch(`${origin}/cds-services/cairn-allergyintolerance-create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ hook: 'allergyintolerance-create', hookInstance: 'x', context: {} }),
  });
  expect(res.status).toBe(401);
});

describe('demo EHR: allergyintolerance-create', () => {
  it('sends the new allergy in context; an allergy to lisinopril, which the AKI patient takes, gets a card', async () => {
    const substance = choice(ALLERGY_CHOICES, '29046');
    const allergy = newAllergy({ substance, criticality: 'high' }, 'teach-aki', 'new-allergy-1', today);
    const { calls } = await fire({
      hook: 'allergyintolerance-create',
      patientId: 'teach-aki',
      allergyIntolerance: allergy,
    });
    const summaries = summariesOf('allergyintolerance-create', calls);
    expect(calls[0]?.request.context.allergyIntolerance).toEqual(allergy);
    expect(
      summaries.some((s) => /lisinopril/i.test(s) && /allergy/i.test(s)),
      String(summaries),
    ).toBe(true);
  });

  it('an allergy to a drug the patient does not take gets no card (the rest of the chart was shown at chart open)', async () => {
    const allergy = newAllergy({ substance: choice(ALLERGY_CHOICES, '723') }, 'teach-aki', 'new-allergy-2', today);
    const { calls } = await fire({
      hook: 'allergyintolerance-create',
      patientId: 'teach-aki',
      allergyIntolerance: allergy,
    });
    expect(summariesOf('allergyintolerance-create', calls)).toEqual([]);
  });

  it('a penicillin (class) allergy, SNOMED-coded, for a patient taking amoxicillin gets a warning card', async () => {
    // The demo data hold no active amoxicillin, so this patient (Synthea, no active medications) is given the
    // catalog's amoxicillin 500 mg capsule (RxNorm 308191, products.ts) as an active prescription.
    const patientId = 'd98ae128-2a42-4c85-b9aa-cebdf6bddb1d';
    const amoxicillin: fhir4.MedicationRequest = {
      resourceType: 'MedicationRequest',
      id: 'test-amoxicillin',
      status: 'active',
      intent: 'order',
      subject: { reference: `Patient/${patientId}` },
      authoredOn: today,
      medicationCodeableConcept: {
        coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '308191' }],
        text: 'amoxicillin 500 MG Oral Capsule',
      },
    };
    stack.repository.add(amoxicillin);
    const allergy = newAllergy({ substance: choice(ALLERGY_CHOICES, '764146007') }, patientId, 'new-allergy-3', today);
    const { calls } = await fire({ hook: 'allergyintolerance-create', patientId, allergyIntolerance: allergy });
    const cards = cardsOf('allergyintolerance-create', calls);
    const card = cards.find((c) => /amoxicillin/i.test(c.summary) && /allerg/i.test(c.summary));
    expect(card, JSON.stringify(cards)).toBeDefined();
    // Warning, not critical: the amoxicillin is already on the chart, not a draft re-exposing the patient (drug-allergy.ts).
    expect(card?.indicator).toBe('warning');
  });

  it('refuses an allergy about another patient with a 400 naming the field', async () => {
    const allergy = newAllergy({ substance: choice(ALLERGY_CHOICES, '723') }, 'teach-hyperkalemia', 'x', today);
    const res = await fetch(`${origin}/demo-ehr/api/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hook: 'allergyintolerance-create', patientId: 'teach-aki', allergyIntolerance: allergy }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/allergyIntolerance .*Patient\/teach-aki/);
  });
});

describe('demo EHR: problem-list-item-create', () => {
  it('sends the new Condition in a Bundle; pregnancy added for the patient on lisinopril gets the contraindication', async () => {
    const condition = newProblem(choice(PROBLEM_CHOICES, '77386006'), 'teach-aki', 'new-problem-1', today);
    const { calls } = await fire({ hook: 'problem-list-item-create', patientId: 'teach-aki', conditions: [condition] });
    const summaries = summariesOf('problem-list-item-create', calls);
    expect(calls[0]?.request.context.conditions).toEqual({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: condition }],
    });
    expect(
      summaries.some((s) => /lisinopril/i.test(s) && /pregnancy/i.test(s)),
      String(summaries),
    ).toBe(true);
  });

  it('asthma added for the patient on metoprolol (cardioselective) gets no card', async () => {
    const condition = newProblem(choice(PROBLEM_CHOICES, '195967001'), 'teach-af-no-anticoag', 'new-problem-2', today);
    const { calls } = await fire({
      hook: 'problem-list-item-create',
      patientId: 'teach-af-no-anticoag',
      conditions: [condition],
    });
    expect(summariesOf('problem-list-item-create', calls)).toEqual([]);
  });

  it('heart failure added for a patient taking naproxen gets the NSAID–heart failure card', async () => {
    const patientId = '79c96478-7878-4703-9e94-b999f2bc3295'; // Synthea: HTN, naproxen sodium 220 mg active
    const condition = newProblem(choice(PROBLEM_CHOICES, '84114007'), patientId, 'new-problem-3', today);
    const { calls } = await fire({ hook: 'problem-list-item-create', patientId, conditions: [condition] });
    const summaries = summariesOf('problem-list-item-create', calls);
    expect(
      summaries.some((s) => /NSAID|naproxen/i.test(s) && /heart failure/i.test(s)),
      String(summaries),
    ).toBe(true);
  });

  it('refuses an empty conditions list with a 400', async () => {
    expect((await fire({ hook: 'problem-list-item-create', patientId: 'teach-aki', conditions: [] })).status).toBe(400);
  });
});

describe('demo EHR: medication-refill', () => {
  it('sends a draft refill naming the prescription it renews; a metformin refill at eGFR 20 is contraindicated', async () => {
    const prior = 'MedicationRequest/teach-ckd4-metformin-metformin';
    const { calls } = await fire({ hook: 'medication-refill', patientId: 'teach-ckd4-metformin', refill: prior });
    const summaries = summariesOf('medication-refill', calls);
    const [refill] = (calls[0]?.request.context.medications as fhir4.Bundle).entry ?? [];
    expect(refill?.resource).toMatchObject({
      resourceType: 'MedicationRequest',
      id: 'refill-teach-ckd4-metformin-metformin',
      status: 'draft',
      intent: 'order',
      subject: { reference: 'Patient/teach-ckd4-metformin' },
      priorPrescription: { reference: prior },
    });
    expect(
      summaries.some((s) => /metformin/i.test(s) && /eGFR/.test(s)),
      String(summaries),
    ).toBe(true);
  });

  it('a spironolactone refill with potassium 6.1 and lisinopril on the chart gets the hyperkalaemia cards, no duplicate', async () => {
    const { calls } = await fire({
      hook: 'medication-refill',
      patientId: 'teach-hyperkalemia',
      refill: 'MedicationRequest/teach-hyperkalemia-spironolactone',
    });
    const summaries = summariesOf('medication-refill', calls);
    expect(
      summaries.some((s) => /potassium/i.test(s)),
      String(summaries),
    ).toBe(true);
    expect(summaries.filter((s) => /duplicate|active orders/i.test(s))).toEqual([]);
  });

  it("refuses a refill of another patient's prescription, or of one that does not exist, with a 400", async () => {
    for (const refill of ['MedicationRequest/teach-aki-lisinopril', 'MedicationRequest/nope', 'Patient/teach-aki']) {
      expect((await fire({ hook: 'medication-refill', patientId: 'teach-hyperkalemia', refill })).status).toBe(400);
    }
  });
});
