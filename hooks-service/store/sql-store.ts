/** The durable Store over either SQL driver (issue 8). Same SQL for PGlite and PostgreSQL. */
import { queryAnalytics } from './analytics-sql.ts';
import { groupCommit } from './group-commit.ts';
import { SeenJtis } from './seen-jtis.ts';
import type { SqlDriver } from './sql-driver.ts';
import type { AnalyticsQuery, AuditEvent, DurableStore, FeedbackRecord, RuleAnalytics } from './types.ts';

// One statement per group-commit batch (group-commit.ts): one round trip to the database and one implicit
// transaction, instead of BEGIN, four statements and COMMIT. Its parts, as data-modifying CTEs:
//  - jtis: a jti row whose expiry has passed no longer protects anything (the JWT's own exp has passed too), so a
//    stale row the sweeper has not removed yet is overwritten instead of refusing the call; RETURNING names the ids
//    this batch was first to store, and is what the statement answers;
//  - ids: one audit_event id per event, drawn first (MATERIALIZED: nextval runs once per row) so each card row names
//    its event by the event's position in the batch rather than by the order of RETURNING rows;
//  - events, cards: the audit rows; a card joins its event's RETURNING row, so its foreign key is satisfied.
// A batch of jtis alone (the replay checks of calls just arriving) runs only the first part: in PGlite the whole
// statement costs about 0.8 ms even with no audit rows, the jti insert alone about 0.3 ms.
const REMEMBER_JTIS = `
  INSERT INTO jti_seen (jti, expires_at) SELECT * FROM unnest($1::text[], $2::timestamptz[])
  ON CONFLICT (jti) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE jti_seen.expires_at <= $3
  RETURNING jti`;
const COMMIT_WRITES = `
WITH jtis AS (${REMEMBER_JTIS}
), ids AS MATERIALIZED (
  SELECT ord, nextval('audit_event_id_seq') AS id FROM generate_series(1, cardinality($4::timestamptz[])) AS ord
), events AS (
  INSERT INTO audit_event (id, at, service_id, hook, hook_instance, patient_id, model, latency_ms, outcome)
  SELECT ids.id, e.at, e.service_id, e.hook, e.hook_instance, e.patient_id, e.model, e.latency_ms, e.outcome
  FROM unnest($4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::integer[],
    $11::text[]) WITH ORDINALITY AS e(at, service_id, hook, hook_instance, patient_id, model, latency_ms, outcome, ord)
  JOIN ids USING (ord)
  RETURNING id, service_id, at
), cards AS (
  INSERT INTO audit_card (card_uuid, audit_event_id, service_id, rule_id, indicator, at)
  SELECT c.card_uuid, events.id, events.service_id, c.rule_id, c.indicator, events.at
  FROM unnest($12::text[], $13::integer[], $14::text[], $15::text[]) AS c(card_uuid, event, rule_id, indicator)
  JOIN ids ON ids.ord = c.event JOIN events ON events.id = ids.id
  ON CONFLICT (card_uuid) DO NOTHING
)
SELECT jti FROM jtis`;

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

/** Columns of `rows` as parallel arrays, the shape `unnest($1::…[], $2::…[])` takes; `width` when `rows` is empty. */
function columns<T>(rows: readonly T[], width: number, pick: (row: T) => unknown[]): unknown[][] {
  const picked = rows.map(pick);
  return Array.from({ length: width }, (_, i) => picked.map((row) => row[i]));
}

/** The parameters of COMMIT_WRITES for these jtis and audit events. */
function commitParams(jtis: ReadonlyMap<string, Date>, events: readonly AuditEvent[], now: Date): unknown[] {
  const eventColumns = columns(events, 8, (e) => [
    e.at,
    e.serviceId,
    e.hook,
    e.hookInstance,
    e.patientId ?? null,
    e.model,
    Math.round(e.latencyMs),
    e.outcome,
  ]);
  const cards = events.flatMap((event, i) => event.cards.map((card) => ({ card, position: i + 1 })));
  const cardColumns = columns(cards, 4, ({ card, position }) => [card.uuid, position, card.ruleId, card.indicator]);
  return [
    [...jtis.keys()],
    [...jtis.values()].map((d) => d.toISOString()),
    now.toISOString(),
    ...eventColumns,
    ...cardColumns,
  ];
}

/** One write of the group commit: a jti to remember (resolves whether it was new) or an audit event. */
type Write = { kind: 'jti'; key: string; expiresAt: Date } | { kind: 'audit'; event: AuditEvent };

/** Commits a batch of writes in one statement (COMMIT_WRITES), so in one transaction. */
async function commitWrites(driver: SqlDriver, writes: readonly Write[], now: Date): Promise<(boolean | undefined)[]> {
  const jtis = new Map<string, Date>();
  for (const w of writes) if (w.kind === 'jti' && !jtis.has(w.key)) jtis.set(w.key, w.expiresAt);
  const events = writes.flatMap((w) => (w.kind === 'audit' ? [w.event] : []));
  const params = commitParams(jtis, events, now);
  const rows = await (events.length === 0
    ? driver.query<{ jti: string }>(REMEMBER_JTIS, params.slice(0, 3))
    : driver.query<{ jti: string }>(COMMIT_WRITES, params));
  const stored = new Set(rows.map((row) => row.jti));
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
  /** Longest a group commit waits for more writes under load (group-commit.ts; default 2 ms). */
  lingerMs?: number;
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
    lingerMs: options.lingerMs ?? 2,
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
