/**
 * NEWS2 from the latest vital signs within the last 24 hours. When parameters are missing the score is labeled
 * PARTIAL in its name and interpretation, and the missing parameters are named: a partial sum is a lower bound,
 * never an all-clear. Omitted entirely when no vital sign is recent (outpatient records: NEWS2 is a bedside score).
 */
import type { Facts } from '../facts';
import type { Score, ScoreComponent } from '../types';
import { NEWS2_WINDOW_HOURS } from '../knowledge/lab-windows';
import { NEWS2_CITATIONS, NEWS2_PARAMETERS, NEWS2_THRESHOLDS, pointsFor } from '../knowledge/news2';
import { fmt, latestWithin } from './observations';

const WINDOW_DAYS = NEWS2_WINDOW_HOURS / 24;

function respond(value: number, maxPoints: number): string {
  if (value >= NEWS2_THRESHOLDS.emergency) return 'high clinical risk: emergency response';
  if (value >= NEWS2_THRESHOLDS.urgent) return 'medium clinical risk: urgent response';
  if (maxPoints >= NEWS2_THRESHOLDS.redParameter) return 'a single parameter scores 3: urgent ward-based response';
  return value === 0 ? 'low clinical risk: routine monitoring' : 'low clinical risk: ward-based response';
}

/** The NEWS2 score, or undefined when no NEWS2 vital sign is within the window. */
export function computeNews2(facts: Facts): Score | undefined {
  const components: ScoreComponent[] = [];
  const missing: string[] = [];
  for (const p of NEWS2_PARAMETERS) {
    const o = p.analyte ? latestWithin(facts, p.analyte, WINDOW_DAYS).current : undefined;
    if (!o) {
      missing.push(p.name);
      continue;
    }
    components.push({
      name: p.name,
      points: pointsFor(p.bands, o.value),
      value: `${fmt(o.value, 1)} ${p.unit}`,
      source: o.ref,
      date: o.date,
    });
  }
  if (components.length === 0) return undefined;
  const value = components.reduce((s, c) => s + c.points, 0);
  const maxPoints = Math.max(...components.map((c) => c.points));
  const response = respond(value, maxPoints);
  const latest = components
    .map((c) => c.date ?? '')
    .sort()
    .at(-1);
  const base = {
    id: 'news2' as const,
    citations: NEWS2_CITATIONS,
    components,
    value,
    ...(latest ? { date: latest } : {}),
  };
  if (missing.length === 0) return { ...base, name: 'NEWS2', interpretation: `${value}: ${response}.` };
  const scored = NEWS2_PARAMETERS.length - missing.length;
  return {
    ...base,
    name: `NEWS2 — PARTIAL (${scored} of ${NEWS2_PARAMETERS.length} parameters)`,
    interpretation: `PARTIAL score ${value} from ${scored} of ${NEWS2_PARAMETERS.length} parameters (at least ${response}); not recorded in the last ${NEWS2_WINDOW_HOURS} h: ${missing.join(', ')}. The full score may be higher.`,
    insufficient: `partial: ${missing.join(', ')} not recorded in the last ${NEWS2_WINDOW_HOURS} h`,
  };
}
