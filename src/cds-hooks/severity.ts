/**
 * The one severity scale. CDS Hooks 2.0 §Card Attributes defines `indicator` as info, warning or critical "in order
 * of increasing urgency"; engine findings use the same three words so a finding's severity is its card's indicator.
 */

/** Indicator values from least to most urgent. */
export const INDICATORS = ['info', 'warning', 'critical'] as const;

export type Indicator = (typeof INDICATORS)[number];

/** 0 for info up to 2 for critical. */
export function urgency(indicator: Indicator): number {
  return INDICATORS.indexOf(indicator);
}

/** Sort comparator: most urgent first. */
export function mostUrgentFirst(a: Indicator, b: Indicator): number {
  return urgency(b) - urgency(a);
}

/** The more urgent of two indicators. */
export function moreUrgent(a: Indicator, b: Indicator): Indicator {
  return urgency(a) >= urgency(b) ? a : b;
}
