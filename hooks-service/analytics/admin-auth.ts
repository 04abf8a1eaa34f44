/** Admin bearer check for the analytics routes. */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The admin tokens a request may carry: the current one and, during a rotation, the previous one. */
export interface AdminTokens {
  adminToken: string;
  previousAdminToken?: string;
}

/**
 * Which configured token the Authorization header carries as exactly `Bearer <token>`, or undefined for none.
 * Each token is compared in constant time, and both are always compared, so timing tells neither which matched.
 */
export function matchAdminBearer(header: unknown, tokens: AdminTokens): 'current' | 'previous' | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (match === null) return undefined;
  // Hashing first gives equal-length buffers, so the comparison leaks neither content nor length.
  const presented = digest(match[1] ?? '');
  const current = timingSafeEqual(presented, digest(tokens.adminToken));
  const previous =
    tokens.previousAdminToken !== undefined && timingSafeEqual(presented, digest(tokens.previousAdminToken));
  return current ? 'current' : previous ? 'previous' : undefined;
}
