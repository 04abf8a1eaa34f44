/** The durable Store over either SQL driver (issue 8). Same SQL for PGlite and PostgreSQL. */
import { queryAnalytics } from './analytics-sql.ts';
import { groupCommit } from './group-commit.ts';
import { SeenJtis } from './seen-jtis.ts';
import type { SqlDriver, SqlExecutor } from './sql-driver.ts';
import type { AnalyticsQuery, AuditEvent, DurableStore, FeedbackRecord, RuleAnalytics } from './types.ts';

// A jti row whose expiry has passed no longer protects anything (the JWT's own exp has passed too), so a
// stale row that the sweeper has not removed yet is overwritten instead of refusing the call. Multi-row: one
// statement per batch (group-commit.ts); RETURNING names the ids this batch was first to store.
const REMEMBER_JTIS = `
INSERT INTO jti_seen (jti, expires_at) SELECT * FROM unnest($1::text[], $2::timestamptz[])
ON CONFLICT (jti) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE jti_seen.expires_at <= $3
RETURNING jti`;

const INSERT_FEEDBACK = `
INSERT INTO feedback (service_id, card_uuid, outcome, outcome_timestamp, accepted_suggestions,
  override_reason_code, override_reason_system, override_reason_display, override_user_comment,
  rule_id, hook_instance)
VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9,
  COALESCE($10, (SELECT rule_id FROM audit_card WHERE card_uuid = $2)), $11)
ON CONFLICT ON CONSTRAINT feedback_idempotency DO NOTHING
RETURNING id`;

function feedbackParams(item: FeedbackRecord): unknown[] {
  const reason = item.overrideReason;
  return [
    item.serviceId,
    item.card,
    item.outcome,
    item.outcomeTimestamp,
    JSON.stringify(item.acceptedSuggestions),
    reason?.code ?? null,
    reason?.system ?? null,
    reason?.display ?? null,
    reason?.userComment ?? null,
    item.ruleId ?? null,
    item.hookInstance ?? null,
  ];
}

// Ids are drawn first so each card row can name its event without relying on the order of RETURNING rows.
const NEXT_AUDIT_IDS = `SELECT nextval('audit_event_id_seq')::text AS id FROM generate_series(1, $1::int)`;

const INSERT_AUDITS = `
INSERT INTO audit_event (id, at, service_id, hook, hook_instance, patient_id, model, latency_ms, outcome)
SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
  $8::integer[], $9::text[])`;

const INSERT_CARDS = `
INSERT INTO audit_card (card_uuid, audit_event_id, service_id, rule_id, indicator, at)
SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
ON CONFLICT (card_uuid) DO NOTHING`;

/** Columns of `rows` as parallel arrays, the shape `unnest($1::…[], $2::…[])` takes. */
function columns<T>(rows: readonly T[], pick: (row: T) => unknown[]): unknown[][] {
  const picked = rows.map(pick);
  return (picked[0] ?? []).map((_, i) => picked.map((row) => row[i]));
}

async function insertAudits(tx: SqlExecutor, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const ids = (await tx.query<{ id: string }>(NEXT_AUDIT_IDS, [events.length])).map((row) => row.id);
  const withIds = events.map((event, i) => ({ event, id: ids[i] }));
  await tx.query(
    INSERT_AUDITS,
    columns(withIds, ({ event: e, id }) => [
      id,
      e.at,
      e.serviceId,
      e.hook,
      e.hookInstance,
      e.patientId ?? null,
      e.model,
      Math.round(e.latencyMs),
      e.outcome,
    ]),
  );
  const cards = withIds.flatMap(({ event, id }) => event.cards.map((card) => ({ card, event, id })));
  if (cards.length === 0) return;
  await tx.query(
    INSERT_CARDS,
    columns(cards, ({ card, event, id }) => [card.uuid, id, event.serviceId, card.ruleId, card.indicator, event.at]),
  );
}

/** One write of the group commit: a jti to remember (resolves whether it was new) or an audit event. */
type Write = { kind: 'jti'; key: string; expiresAt: Date } | { kind: 'audit'; event: AuditEvent };

/** Commits a batch of writes in one transaction: one multi-row statement per table. */
async function commitWrites(driver: SqlDriver, writes: readonly Write[], now: Date): Promise<(boolean | undefined)[]> {
  const jtis = new Map<string, Date>();
  for (const w of writes) if (w.kind === 'jti' && !jtis.has(w.key)) jtis.set(w.key, w.expiresAt);
  const events = writes.flatMap((w) => (w.kind === 'audit' ? [w.event] : []));
  const stored = await driver.transaction(async (tx) => {
    const rows =
      jtis.size === 0
        ? []
        : await tx.query<{ jti: string }>(REMEMBER_JTIS, [
            [...jtis.keys()],
            [...jtis.values()].map((d) => d.toISOString()),
            now.toISOString(),
          ]);
    await insertAudits(tx, events);
    return new Set(rows.map((row) => row.jti));
  });
  // A key twice in one batch (never from one process's replay set, but cheap to be safe): only the first is new.
  return writes.map((w) => (w.kind === 'jti' ? stored.delete(w.key) : undefined));
}

export interface SqlStoreOptions {
  /** Clock for jti expiry; injected by tests. */
  now?: () => Date;
  /** How long a readiness probe may wait for the database before answering not ready (default 2 s). */
  readyTimeoutMs?: number;
  /** Most writes per group commit (default 500). */
  maxBatch?: number;
}

/** Readiness: the database answers a trivial query in time. Any failure means "not ready", never a throw. */
async function probe(driver: SqlDriver, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = driver.query('SELECT 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Wraps a migrated driver as a DurableStore; `close()` closes the driver. */
export function createSqlStore(driver: SqlDriver, options: SqlStoreOptions = {}): DurableStore {
  const now = options.now ?? (() => new Date());
  const writes = groupCommit<Write, boolean | undefined>((batch) => commitWrites(driver, batch, now()), {
    maxBatch: options.maxBatch,
  });
  const seen = new SeenJtis();
  return {
    driver: driver.name,
    async rememberJti(key: string, expiresAt: Date): Promise<boolean> {
      // A replay within this process is refused here, before any write; the shared table refuses it across replicas.
      if (!seen.claim(key, expiresAt.getTime(), now().getTime())) return false;
      try {
        return (await writes.add({ kind: 'jti', key, expiresAt })) === true;
      } catch (error) {
        // Never stored, so never used: a retry of the same token must not be refused as a replay.
        seen.release(key);
        throw error;
      }
    },
    async saveFeedback(items: FeedbackRecord[]) {
      const inserted = await driver.transaction(async (tx) => {
        // Whatever the server default, this COMMIT waits for the WAL flush (Postgres docs, synchronous_commit).
        await tx.exec('SET LOCAL synchronous_commit = on');
        let count = 0;
        for (const item of items) count += (await tx.query(INSERT_FEEDBACK, feedbackParams(item))).length;
        return count;
      });
      // Acknowledge only what is on disk: the caller answers the EHR after this resolves.
      await driver.flush();
      return { inserted, duplicates: items.length - inserted };
    },
    async recordAudit(event: AuditEvent): Promise<void> {
      await writes.add({ kind: 'audit', event });
    },
    async ruleForCard(cardUuid: string): Promise<string | undefined> {
      const [row] = await driver.query<{ rule_id: string }>('SELECT rule_id FROM audit_card WHERE card_uuid = $1', [
        cardUuid,
      ]);
      return row?.rule_id;
    },
    analytics: (query: AnalyticsQuery): Promise<RuleAnalytics[]> => queryAnalytics(driver, query),
    async purgeExpiredJti(at: Date = now()): Promise<number> {
      const rows = await driver.query('DELETE FROM jti_seen WHERE expires_at <= $1 RETURNING jti', [at.toISOString()]);
      return rows.length;
    },
    isReady: () => probe(driver, options.readyTimeoutMs ?? 2_000),
    close: async () => {
      await writes.drain();
      await driver.close();
    },
  };
}
