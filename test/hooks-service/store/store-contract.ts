/**
 * One behaviour suite for every Store (memory, PGlite, PostgreSQL). Stores are shared across tests (a fresh
 * PGlite costs seconds), so each test uses its own random ids and service ids instead of a reset.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent, DurableStore, FeedbackRecord, Store } from '../../../hooks-service/store/types.ts';

export const makeFeedback = (overrides: Partial<FeedbackRecord> = {}): FeedbackRecord => ({
  serviceId: 'cairn-order-sign',
  card: randomUUID(),
  outcome: 'overridden',
  acceptedSuggestions: [],
  overrideReason: { code: 'patient-preferences', system: 'http://example.org/reasons', display: 'Patient preference' },
  outcomeTimestamp: '2026-11-20T10:00:00Z',
  ...overrides,
});

export const makeAudit = (overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  at: '2026-11-20T09:59:00Z',
  serviceId: 'cairn-order-sign',
  hook: 'order-sign',
  hookInstance: randomUUID(),
  patientId: 'pat-1',
  cards: [{ uuid: randomUUID(), ruleId: 'ddi-warfarin-nsaid', indicator: 'critical' }],
  model: 'embedded',
  latencyMs: 42,
  outcome: 'ok',
  ...overrides,
});

const inOneHour = () => new Date(Date.now() + 3_600_000);

/** The Store port's behaviour (hooks-service/store/types.ts). */
export function describeStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`${name} store`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await makeStore();
    });
    afterAll(async () => {
      await store.close();
    });

    it('is ready once opened', async () => {
      expect(await store.isReady()).toBe(true);
    });

    it('accepts a jti once and refuses its replay', async () => {
      const jti = `iss|${randomUUID()}`;
      expect(await store.rememberJti(jti, inOneHour())).toBe(true);
      expect(await store.rememberJti(jti, inOneHour())).toBe(false);
    });

    it('lets exactly one of many concurrent uses of a jti through', async () => {
      const jti = `iss|${randomUUID()}`;
      const results = await Promise.all(Array.from({ length: 8 }, () => store.rememberJti(jti, inOneHour())));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('counts feedback inserted and ignores a retried item', async () => {
      const item = makeFeedback();
      expect(await store.saveFeedback([item, makeFeedback()])).toEqual({ inserted: 2, duplicates: 0 });
      expect(await store.saveFeedback([item])).toEqual({ inserted: 0, duplicates: 1 });
    });

    it('treats a second report of one card with a new timestamp as new feedback', async () => {
      const item = makeFeedback({ outcome: 'accepted', acceptedSuggestions: ['s1'], overrideReason: undefined });
      await store.saveFeedback([item]);
      const again = { ...item, outcomeTimestamp: '2026-11-20T10:05:00Z' };
      expect(await store.saveFeedback([again])).toEqual({ inserted: 1, duplicates: 0 });
    });

    it('attributes a card uuid to the rule of the audited call that returned it', async () => {
      const event = makeAudit();
      await store.recordAudit(event);
      expect(await store.ruleForCard(event.cards[0]!.uuid)).toBe('ddi-warfarin-nsaid');
      expect(await store.ruleForCard(randomUUID())).toBeUndefined();
    });

    it('records an audit event without cards', async () => {
      await expect(store.recordAudit(makeAudit({ cards: [], outcome: 'error' }))).resolves.toBeUndefined();
    });
  });
}

/** Extra behaviour of the durable stores: analytics and jti expiry. */
export function describeDurableStoreContract(name: string, makeStore: () => Promise<DurableStore>): void {
  describe(`${name} durable store`, () => {
    let store: DurableStore;
    const window = { from: new Date('2026-11-20T00:00:00Z'), to: new Date('2026-11-21T00:00:00Z') };
    beforeAll(async () => {
      store = await makeStore();
    });
    afterAll(async () => {
      await store.close();
    });

    it('counts cards shown, accepted and overridden per rule with override reasons', async () => {
      const serviceId = `svc-${randomUUID()}`;
      const cards = ['a', 'b', 'c', 'd'].map(() => ({
        uuid: randomUUID(),
        ruleId: 'ddi-warfarin-nsaid',
        indicator: 'critical',
      }));
      await store.recordAudit(
        makeAudit({
          serviceId,
          cards: [...cards, { uuid: randomUUID(), ruleId: 'renal-metformin', indicator: 'warning' }],
        }),
      );
      await store.saveFeedback([
        makeFeedback({ serviceId, card: cards[0]!.uuid, outcome: 'accepted', overrideReason: undefined }),
        makeFeedback({ serviceId, card: cards[1]!.uuid }),
        makeFeedback({ serviceId, card: cards[1]!.uuid, outcomeTimestamp: '2026-11-20T11:00:00Z' }),
        makeFeedback({ serviceId, card: cards[2]!.uuid, overrideReason: { userComment: 'free text only' } }),
      ]);
      const rows = (await store.analytics(window)).filter((row) => row.serviceId === serviceId);
      expect(rows).toEqual([
        {
          ruleId: 'ddi-warfarin-nsaid',
          serviceId,
          shown: 4,
          accepted: 1,
          overridden: 2,
          overrideReasons: [
            { reason: 'patient-preferences', display: 'Patient preference', count: 1 },
            { reason: 'unspecified', count: 1 },
          ],
        },
        { ruleId: 'renal-metformin', serviceId, shown: 1, accepted: 0, overridden: 0, overrideReasons: [] },
      ]);
    });

    it('leaves out calls and feedback outside the window', async () => {
      const serviceId = `svc-${randomUUID()}`;
      await store.recordAudit(makeAudit({ serviceId, at: '2026-11-19T23:59:59Z' }));
      await store.saveFeedback([makeFeedback({ serviceId, outcomeTimestamp: '2026-11-21T00:00:00Z' })]);
      expect((await store.analytics(window)).filter((row) => row.serviceId === serviceId)).toEqual([]);
    });

    it('uses the rule named in the feedback when the card was never audited', async () => {
      const serviceId = `svc-${randomUUID()}`;
      await store.saveFeedback([makeFeedback({ serviceId, ruleId: 'ddi-simvastatin-clarithromycin' })]);
      const rows = (await store.analytics(window)).filter((row) => row.serviceId === serviceId);
      expect(rows.map((row) => [row.ruleId, row.shown, row.overridden])).toEqual([
        ['ddi-simvastatin-clarithromycin', 0, 1],
      ]);
    });

    it('purges expired jti rows and then accepts the id again', async () => {
      const jti = `iss|${randomUUID()}`;
      const past = new Date(Date.now() - 1_000);
      expect(await store.rememberJti(jti, past)).toBe(true);
      expect(await store.purgeExpiredJti()).toBeGreaterThanOrEqual(1);
      expect(await store.rememberJti(jti, inOneHour())).toBe(true);
      expect(await store.rememberJti(jti, inOneHour())).toBe(false);
    });

    it('accepts an id whose earlier row expired but was not yet purged', async () => {
      const jti = `iss|${randomUUID()}`;
      expect(await store.rememberJti(jti, new Date(Date.now() - 1_000))).toBe(true);
      expect(await store.rememberJti(jti, inOneHour())).toBe(true);
      expect(await store.rememberJti(jti, inOneHour())).toBe(false);
    });
  });
}

/**
 * Both contracts over one store for the whole file (opening one costs seconds), closed after the file and then
 * `afterClose` (removing its data directory, say). Returns the opener, for cases of the file's own.
 */
export function describeSharedStoreContracts(
  name: string,
  open: () => Promise<DurableStore>,
  afterClose?: () => void,
): () => Promise<DurableStore> {
  let shared: Promise<DurableStore> | undefined;
  const openShared = async (): Promise<DurableStore> => {
    shared ??= open();
    return { ...(await shared), close: async () => undefined };
  };
  afterAll(async () => {
    await (await shared)?.close();
    afterClose?.();
  });
  describeStoreContract(name, openShared);
  describeDurableStoreContract(name, openShared);
  return openShared;
}
