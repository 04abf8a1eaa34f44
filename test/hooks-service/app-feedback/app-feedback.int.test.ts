import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFeedbackPlugin, createCanReadPatient } from '../../../hooks-service/app-feedback/plugin';
import { createFhirClient } from '../../../hooks-service/prefetch/fhir-client';
import { MemoryStore } from '../../../hooks-service/store/memory';
import type { FeedbackRecord } from '../../../hooks-service/store/types';
import { startFhirServer, type FhirTestServer } from '../support/fhir-server';
import { fixtureNames, loadFixture } from '../support/synthea';

const TOKEN = 'smart-token-1';
const AT = '2021-04-01T12:00:00.000Z';
const fixture = loadFixture(fixtureNames()[0]!);
const saved: FeedbackRecord[] = [];
let fhir: FhirTestServer;
const app = Fastify();

beforeAll(async () => {
  fhir = await startFhirServer(fixture.resources, TOKEN);
  const store = new MemoryStore();
  const recording = {
    saveFeedback: (items: FeedbackRecord[]) => {
      saved.push(...items);
      return store.saveFeedback(items);
    },
  };
  const client = createFhirClient({ fetch, timeoutMs: 2000, maxPages: 5, maxBytes: 5_000_000 });
  await app.register(appFeedbackPlugin, {
    store: recording,
    allowlist: [fhir.base],
    canReadPatient: createCanReadPatient(client),
    now: () => AT,
  });
});
afterAll(async () => {
  await app.close();
  await fhir.close();
});

const post = (body: Record<string, unknown>, token: string | null = TOKEN) =>
  app.inject({
    method: 'POST',
    url: '/api/app-feedback',
    payload: body,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
const verdict = (over: Record<string, unknown> = {}) => ({
  findingId: 'ddi-warfarin-nsaid:MedicationRequest/a',
  ruleId: 'ddi-warfarin-nsaid',
  useful: false,
  reason: 'Already addressed',
  fhirServer: fhir.base,
  patientId: fixture.patientId,
  ...over,
});

describe('POST /api/app-feedback', () => {
  it('drops fields it does not know instead of storing them', async () => {
    expect((await post(verdict({ extra: 'x' }))).statusCode).toBe(200);
    expect(saved.at(-1)).not.toHaveProperty('extra');
  });

  it('stores "not useful" as an override with the reason, attributed to the rule', async () => {
    const res = await post(verdict());
    expect(res.statusCode).toBe(200);
    expect(saved.at(-1)).toMatchObject({
      serviceId: 'cairn-app',
      card: 'ddi-warfarin-nsaid:MedicationRequest/a',
      outcome: 'overridden',
      ruleId: 'ddi-warfarin-nsaid',
      overrideReason: { display: 'Already addressed' },
      outcomeTimestamp: AT,
    });
  });

  it('stores "useful" as accepted without a reason', async () => {
    const res = await post(verdict({ useful: true, reason: undefined, findingId: 'renal-metformin:x' }));
    expect(res.statusCode).toBe(200);
    expect(saved.at(-1)).toMatchObject({ outcome: 'accepted', card: 'renal-metformin:x' });
    expect(saved.at(-1)?.overrideReason).toBeUndefined();
  });

  it('refuses a call without a bearer token, with a bare 401', async () => {
    const res = await post(verdict(), null);
    expect(res.statusCode).toBe(401);
    expect(res.body).toBe('');
  });

  it('refuses a token the FHIR server does not accept', async () => {
    const before = saved.length;
    expect((await post(verdict(), 'someone-elses-token')).statusCode).toBe(401);
    expect(saved.length).toBe(before);
  });

  it('refuses a patient the FHIR server does not know', async () => {
    expect((await post(verdict({ patientId: 'no-such-patient' }))).statusCode).toBe(401);
  });

  it('answers 403 with a message for a FHIR server outside the allow-list', async () => {
    const res = await post(verdict({ fhirServer: 'https://elsewhere.example.org/fhir' }));
    expect(res.statusCode).toBe(403);
    expect(res.json<{ message: string }>().message).toMatch(/CAIRN_FHIR_ALLOWLIST/);
  });

  it.each([['findingId', { findingId: 'ddi-x:\u0000' }]])(
    'answers 400 naming %s when it holds a NUL character, and stores nothing',
    async (field, change) => {
      const before = saved.length;
      const res = await post(verdict(change));
      expect(res.statusCode).toBe(400);
      expect(res.json<{ message: string }>().message).toBe(
        `body/${field} contains a NUL character (U+0000), which cannot be stored`,
      );
      expect(saved.length).toBe(before);
    },
  );

  it("refuses a reason that is not one of the app's choices (free text could carry PHI into analytics), storing nothing", async () => {
    const before = saved.length;
    const res = await post(verdict({ reason: 'patient Jane Roe says it is fine' }));
    expect(res.statusCode).toBe(400);
    expect(saved.length).toBe(before);
  });

  it.each([
    ['a missing ruleId', { ruleId: undefined }],
    ['a non-boolean verdict', { useful: 'yes' }],
    ['a malformed patient id', { patientId: 'a/b' }],
  ])('answers 400 for %s', async (_name, change) => {
    expect((await post(verdict(change))).statusCode).toBe(400);
  });
});
