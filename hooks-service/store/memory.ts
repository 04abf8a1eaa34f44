/**
 * In-memory Store for tests and single-process development. Not for replicas: jti replay memory and audit live in
 * this process only (docs/architecture.md, "Storage" — use the PGlite/Postgres store for anything shared or durable).
 */
import type { AuditEvent, FeedbackRecord, Store } from './types';

export interface MemoryStoreOptions {
  now?: () => Date;
}

export class MemoryStore implements Store {
  readonly feedback: FeedbackRecord[] = [];
  readonly audit: AuditEvent[] = [];
  private readonly jti = new Map<string, number>();
  private readonly cardRules = new Map<string, string>();
  private readonly now: () => Date;
  private closed = false;

  constructor(options: MemoryStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  async rememberJti(key: string, expiresAt: Date): Promise<boolean> {
    const now = this.now().getTime();
    for (const [k, exp] of this.jti) if (exp <= now) this.jti.delete(k);
    if (this.jti.has(key)) return false;
    this.jti.set(key, expiresAt.getTime());
    return true;
  }

  async saveFeedback(items: FeedbackRecord[]): Promise<{ inserted: number; duplicates: number }> {
    let inserted = 0;
    for (const item of items) {
      const dup = this.feedback.some(
        (f) => f.card === item.card && f.outcome === item.outcome && f.outcomeTimestamp === item.outcomeTimestamp,
      );
      if (dup) continue;
      this.feedback.push(item);
      inserted += 1;
    }
    return { inserted, duplicates: items.length - inserted };
  }

  async recordAudit(event: AuditEvent): Promise<void> {
    this.audit.push(event);
    for (const c of event.cards) this.cardRules.set(c.uuid, c.ruleId);
  }

  async ruleForCard(cardUuid: string): Promise<string | undefined> {
    return this.cardRules.get(cardUuid);
  }

  async isReady(): Promise<boolean> {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
