/** Limitations shared by several knowledge tables, worded once. */

/** Chart-only findings: long-lived active orders may no longer be taken (see normalize's stale-order policy). */
export const STALE_ORDER_LIMIT =
  'Active orders can outlive therapy (orders over a year old are flagged); confirm the patient still takes both drugs.';
