/**
 * Kidney function over months (knowledge/kidney-decline.ts): a sustained eGFR decline — a GFR category drop with a
 * ≥ 25 % fall from baseline, or more than 5 mL/min/1.73 m² per year — or a doubled creatinine, each confirmed by the
 * two latest values. The evidence cites the observations, so the app draws their trend. Always info: a trend seen
 * at patient-view, not an order about to cause harm (renal dosing findings carry the drug consequences).
 */
import type { Facts, ObservationFact } from '../facts';
import type { Rule, RuleOutcome } from '../rule';
import type { Finding } from '../types';
import { KIDNEY_DECLINE as K, gfrCategory } from '../knowledge/kidney-decline';
import { clipSummary } from '../knowledge/drugs/describe';
import { ageInDays, day, fmt, seriesOf } from '../scores/observations';

interface Decline {
  baseline: ObservationFact;
  latest: ObservationFact;
  reasons: string[];
}

const days = (a: ObservationFact, b: ObservationFact, now: string): number =>
  (ageInDays(a.date, now) ?? 0) - (ageInDays(b.date, now) ?? 0);

/** Baseline: the first value in the lookback that precedes the latest by at least minSpanDays. */
function baselineOf(
  series: readonly ObservationFact[],
  latest: ObservationFact,
  now: string,
): ObservationFact | undefined {
  return series.find(
    (o) => (ageInDays(o.date, now) ?? Infinity) <= K.lookbackDays && days(o, latest, now) >= K.minSpanDays,
  );
}

function egfrReasons(base: ObservationFact, o: ObservationFact, now: string): string[] {
  const out: string[] = [];
  const fall = (base.value - o.value) / base.value;
  if (gfrCategory(o.value) !== gfrCategory(base.value) && o.value < base.value && fall >= K.relativeDrop) {
    out.push(
      `GFR category ${gfrCategory(base.value)} → ${gfrCategory(o.value)} with a ${Math.round(fall * 100)} % fall`,
    );
  }
  const years = days(base, o, now) / 365;
  const perYear = (base.value - o.value) / years;
  if (years >= 0.5 && perYear > K.rapidPerYear) out.push(`decline of ${fmt(perYear, 1)} mL/min/1.73 m² per year`);
  return out;
}

function declineIn(
  series: readonly ObservationFact[],
  now: string,
  reasonsOf: (b: ObservationFact, o: ObservationFact) => string[],
): Decline | undefined {
  const usable = series.filter((o) => o.comparator === undefined);
  const latest = usable.at(-1);
  const previous = usable.at(-2);
  if (!latest || !previous) return undefined;
  const baseline = baselineOf(usable, previous, now);
  if (!baseline || baseline === previous) return undefined;
  const reasons = reasonsOf(baseline, latest);
  // Sustained: the value before the latest shows the decline too (KDIGO: repeat measurements).
  return reasons.length > 0 && reasonsOf(baseline, previous).length > 0 ? { baseline, latest, reasons } : undefined;
}

function finding(kind: 'egfr' | 'creatinine', d: Decline, series: readonly ObservationFact[], now: string): Finding {
  const unit = kind === 'egfr' ? 'mL/min/1.73 m²' : 'mg/dL';
  const label = kind === 'egfr' ? 'eGFR' : 'Creatinine';
  const refer = kind === 'egfr' && d.latest.value < K.referBelow;
  // The trend from the baseline on (at most 8 points), cited so the app can plot it.
  const since = ageInDays(d.baseline.date, now) ?? Infinity;
  const cited = series
    .filter((o) => o.comparator === undefined && (ageInDays(o.date, now) ?? Infinity) <= since)
    .slice(-8);
  return {
    id: `${K.id}:${kind}:${d.latest.ref}`,
    ruleId: `${K.id}-${kind}`,
    family: kidneyDeclineRule.family,
    severity: 'info',
    summary: clipSummary(
      `${label} ${fmt(d.baseline.value)} → ${fmt(d.latest.value)} ${unit} since ${day(d.baseline.date)}: sustained kidney function decline`,
    ),
    action: `Look for a cause (uncontrolled BP, diabetes, nephrotoxic drugs, obstruction), check albuminuria, review renally cleared drug doses, and consider nephrology referral${refer ? ` (eGFR < ${K.referBelow}: refer)` : ''}.`,
    detail: [
      `**What changed.** ${d.reasons.join('; ')} (baseline ${fmt(d.baseline.value)} on ${day(d.baseline.date)}, latest ${fmt(d.latest.value)} on ${day(d.latest.date)}).`,
      '',
      '**Why it matters.** KDIGO 2024 calls this CKD progression.',
      '',
      '_A change over months, not acute kidney injury (see the AKI finding for changes within days)._',
    ].join('\n'),
    evidence: cited.map((o) => ({ reference: o.ref, display: `${label} ${fmt(o.value)} (${day(o.date)})` })),
    inputs: [
      {
        name: `baseline ${label}`,
        value: Number(fmt(d.baseline.value)),
        unit,
        date: d.baseline.date,
        source: d.baseline.ref,
      },
      { name: `latest ${label}`, value: Number(fmt(d.latest.value)), unit, date: d.latest.date, source: d.latest.ref },
    ],
    citations: K.citations,
    suggestions: [],
    draftRefs: [],
    limitations: [...K.limitations],
  };
}

function evaluate(facts: Facts): RuleOutcome {
  const egfr = seriesOf(facts, 'egfr');
  const scr = seriesOf(facts, 'creatinine');
  const e = declineIn(egfr, facts.now, (b, o) => egfrReasons(b, o, facts.now));
  const c = declineIn(scr, facts.now, (b, o) =>
    o.value >= K.creatinineRatio * b.value ? [`creatinine ${fmt(o.value / b.value, 1)} × baseline (doubled)`] : [],
  );
  // One card: the eGFR decline when both show it (the creatinine doubling is the same event).
  const findings = e ? [finding('egfr', e, egfr, facts.now)] : c ? [finding('creatinine', c, scr, facts.now)] : [];
  return { findings };
}

export const kidneyDeclineRule: Rule = {
  family: 'kidney-decline',
  title: 'Kidney function decline over months (KDIGO 2024)',
  topic: 'kidney-function',
  description:
    'Flags a sustained eGFR decline (GFR category drop with ≥ 25 % fall, or > 5 mL/min/1.73 m² per year) or creatinine doubling over months, distinct from AKI.',
  citations: K.citations,
  evaluate,
};
