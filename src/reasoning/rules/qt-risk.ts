/**
 * Patient factors for a pair of QT-prolonging drugs (knowledge/qt-prolongation.ts): the latest QTc, potassium and
 * magnesium are shown as inputs when present; a QTc ≥ 500 ms or low potassium/magnesium raises the severity one
 * step (a new order: warning → critical; the chart alone: info → warning), after Drew 2010.
 */
import type { Facts, ObservationFact } from '../facts';
import type { EvidenceRef, FindingInput, Severity } from '../types';
import { QT_THRESHOLDS as T } from '../knowledge/qt-prolongation';
import { day, fmt, latestWithin } from '../scores/observations';

export interface QtRisk {
  severity: Severity;
  lines: string[];
  inputs: FindingInput[];
  evidence: EvidenceRef[];
  raised: boolean;
}

const STEP_UP: Readonly<Record<Severity, Severity>> = { info: 'warning', warning: 'critical', critical: 'critical' };

interface Factor {
  analyte: string;
  label: string;
  unit: string;
  window: number;
  isRisk: (v: number) => boolean;
  riskText: string;
}

const FACTORS: readonly Factor[] = [
  {
    analyte: 'qtc',
    label: 'QTc',
    unit: 'ms',
    window: T.qtcRecentDays,
    isRisk: (v) => v >= T.qtcHighMs,
    riskText: `at or above ${T.qtcHighMs} ms: high torsades risk`,
  },
  {
    analyte: 'potassium',
    label: 'Potassium',
    unit: 'mmol/L',
    window: T.electrolyteRecentDays,
    isRisk: (v) => v < T.potassiumLow,
    riskText: `below ${T.potassiumLow}: correct before adding QT risk`,
  },
  {
    analyte: 'magnesium',
    label: 'Magnesium',
    unit: 'mg/dL',
    window: T.electrolyteRecentDays,
    isRisk: (v) => v < T.magnesiumLow,
    riskText: `below ${T.magnesiumLow}: correct before adding QT risk`,
  },
];

function describe(f: Factor, o: ObservationFact | undefined, stale: ObservationFact | undefined): string {
  if (o) return `${f.label} ${fmt(o.value)} ${f.unit} on ${day(o.date)}${f.isRisk(o.value) ? ` — ${f.riskText}` : ''}.`;
  if (stale)
    return `${f.label} ${fmt(stale.value)} ${f.unit} on ${day(stale.date)} is older than ${f.window} days: not used.`;
  return f.analyte === 'qtc'
    ? 'No QTc on record: get a baseline ECG.'
    : `No ${f.label.toLowerCase()} on record: check it.`;
}

export function assessQtRisk(facts: Facts, base: Severity): QtRisk {
  const lines: string[] = [];
  const inputs: FindingInput[] = [];
  const evidence: EvidenceRef[] = [];
  let raised = false;
  for (const f of FACTORS) {
    const { current, stale } = latestWithin(facts, f.analyte, f.window);
    lines.push(describe(f, current, stale));
    const o = current ?? stale;
    if (o) {
      inputs.push({
        name: `latest ${f.label}`,
        value: Number(fmt(o.value)),
        unit: f.unit,
        date: o.date,
        source: o.ref,
      });
      evidence.push({ reference: o.ref, display: `${f.label} ${fmt(o.value)} ${f.unit}` });
    }
    if (current && f.isRisk(current.value)) raised = true;
  }
  return { severity: raised ? STEP_UP[base] : base, lines, inputs, evidence, raised };
}
