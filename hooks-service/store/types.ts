/**
 * Storage ports for the hooks service (docs/architecture.md, "Storage"). The in-memory implementation serves tests and
 * single-process development; PGlite / Postgres implementations (issue 8) share one schema.
 */

/** CDS Hooks 2.0 feedback item, as validated at the edge, plus what we know about the call. */
export interface FeedbackRecord {
  serviceId: string;
  card: string;
  outcome: 'accepted' | 'overridden';
  acceptedSuggestions: string[];
  overrideReason?: { code?: string; system?: string; display?: string; userComment?: string };
  outcomeTimestamp: string;
  /** Rule behind the card, when the card uuid is known from an audited call. */
  ruleId?: string;
  hookInstance?: string;
}

/** One hook call, for audit (EU AI Act Art. 12). Patient only as the FHIR logical id; never names. */
export interface AuditEvent {
  at: string;
  serviceId: string;
  hook: string;
  hookInstance: string;
  patientId?: string;
  cards: { uuid: string; ruleId: string; indicator: string }[];
  model: string;
  latencyMs: number;
  outcome: 'ok' | 'error';
}

export interface Store {
  /** Record a JWT id until it expires. Resolves false when it was already seen (a replay). */
  rememberJti(key: string, expiresAt: Date): Promise<boolean>;
  /** Durably store feedback; idempotent on (card, outcome, outcomeTimestamp). */
  saveFeedback(items: FeedbackRecord[]): Promise<{ inserted: number; duplicates: number }>;
  recordAudit(event: AuditEvent): Promise<void>;
  /** Rule id of a card uuid from an audited call, to attribute feedback. */
  ruleForCard(cardUuid: string): Promise<string | undefined>;
  /** True when the store can serve requests (readiness). */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

/** Time window and grouping for override analytics (issue 8). */
export interface AnalyticsQuery {
  from: Date;
  to: Date;
}

/** Shown / accepted / overridden counts for one rule in one service over a window. */
export interface RuleAnalytics {
  ruleId: string;
  serviceId: string;
  shown: number;
  accepted: number;
  overridden: number;
  /** Override reasons by code (else display, else 'unspecified' when the EHR sent none), most frequent first. */
  overrideReasons: { reason: string; display?: string; count: number }[];
}

/** What `GET /api/analytics` reads; durable stores implement it. */
export interface AnalyticsSource {
  analytics(query: AnalyticsQuery): Promise<RuleAnalytics[]>;
}

/** A store that survives restarts and is shared by replicas (PGlite or Postgres). */
export interface DurableStore extends Store, AnalyticsSource {
  /** Delete jti entries whose expiry has passed; resolves the number removed. */
  purgeExpiredJti(now?: Date): Promise<number>;
  /** Which driver backs the store, for logs and readiness. */
  readonly driver: 'pglite' | 'postgres';
}
