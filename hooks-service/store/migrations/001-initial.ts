/**
 * Initial schema (docs/architecture.md, "Storage": feedback, audit_event, jti_seen). Plain Postgres SQL that PGlite runs too.
 * Patients appear only as FHIR logical ids; no names, identifiers, context or prefetch are stored.
 */
export const initialSchema = `
CREATE TABLE feedback (
  id bigserial PRIMARY KEY,
  service_id text NOT NULL,
  card_uuid text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
  outcome_timestamp timestamptz NOT NULL,
  accepted_suggestions jsonb NOT NULL DEFAULT '[]'::jsonb,
  override_reason_code text,
  override_reason_system text,
  override_reason_display text,
  override_user_comment text,
  rule_id text,
  hook_instance text,
  received_at timestamptz NOT NULL DEFAULT now(),
  -- CDS Hooks 2.0 §Feedback: the same card may be reported more than once; a retry must not count twice.
  CONSTRAINT feedback_idempotency UNIQUE (card_uuid, outcome, outcome_timestamp)
);
CREATE INDEX feedback_outcome_timestamp ON feedback (outcome_timestamp);

CREATE TABLE audit_event (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  service_id text NOT NULL,
  hook text NOT NULL,
  hook_instance text NOT NULL,
  patient_id text,
  model text NOT NULL,
  latency_ms integer NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('ok', 'error'))
);
CREATE INDEX audit_event_at ON audit_event (at);

-- One row per card returned, so feedback (which names only the card uuid) can be attributed to its rule.
CREATE TABLE audit_card (
  card_uuid text PRIMARY KEY,
  audit_event_id bigint NOT NULL REFERENCES audit_event (id) ON DELETE CASCADE,
  service_id text NOT NULL,
  rule_id text NOT NULL,
  indicator text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX audit_card_at ON audit_card (at);

-- JWT ids seen until they expire (CDS Hooks §Trusting CDS Clients: replay protection).
CREATE TABLE jti_seen (
  jti text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX jti_seen_expires_at ON jti_seen (expires_at);
`;
