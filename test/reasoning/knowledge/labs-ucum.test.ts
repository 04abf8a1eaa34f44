/**
 * Every unit conversion factor in knowledge/labs.ts, checked against NLM's UCUM implementation (@lhncbc/ucum-lhc,
 * a test-only dependency: the app does not ship it, see the table's header). A unit string that UCUM can convert
 * to the analyte's canonical unit must give the table's factor (and offset); strings UCUM cannot read are labels
 * EHRs send (e.g. "mEq/L", "lbs") and are skipped, but every conversion must be proven by at least one real UCUM code.
 */
import ucum from '@lhncbc/ucum-lhc';
import { describe, expect, it } from 'vitest';
import { ANALYTES, type Analyte, type UnitConversion } from '@reasoning/knowledge/labs';

const utils = ucum.UcumLhcUtils.getInstance();

// Mass <-> amount needs the substance: creatinine C4H7N3O 113.12 g/mol (as the table's KDIGO note states);
// potassium 39.098 and sodium 22.990 g/mol with charge 1 (IUPAC standard atomic weights, 2021);
const SUBSTANCE: Readonly<Record<string, { molecularWeight: number; charge?: number }>> = {
  creatinine: { molecularWeight: 113.12 },
  potassium: { molecularWeight: 39.098, charge: 1 },
  sodium: { molecularWeight: 22.99, charge: 1 },
  // Magnesium 24.305 g/mol, divalent (IUPAC 2021), as the table's own note states.
  magnesium: { molecularWeight: 24.305, charge: 2 },
};

function viaUcum(analyte: Analyte, unit: string, value: number): number | undefined {
  const result = utils.convertUnitTo(unit, value, analyte.unit, SUBSTANCE[analyte.key] ?? {});
  return result.status === 'succeeded' && typeof result.toVal === 'number' ? result.toVal : undefined;
}

const cases = ANALYTES.flatMap((analyte) =>
  analyte.conversions.map((conversion: UnitConversion) => ({ analyte, conversion })),
);

describe('knowledge/labs.ts unit conversions against UCUM', () => {
  it.each(cases.map((c) => [`${c.analyte.key}: ${c.conversion.units.join(', ')}`, c] as const))(
    '%s',
    (_name, { analyte, conversion }) => {
      const proven = conversion.units.filter((unit) => viaUcum(analyte, unit, 1) !== undefined);
      expect(
        proven.length,
        `no UCUM code among ${conversion.units.join(', ')} converts to ${analyte.unit}`,
      ).toBeGreaterThan(0);
      for (const unit of proven) {
        // Two points, so a wrong offset (temperature) is caught as well as a wrong factor.
        for (const value of [1, 37.5]) {
          const expected = value * conversion.factor + (conversion.offset ?? 0);
          const actual = viaUcum(analyte, unit, value) ?? Number.NaN;
          expect(Math.abs(actual - expected), `${value} ${unit} → ${analyte.unit}`).toBeLessThanOrEqual(
            Math.abs(expected) * 1e-3 + 1e-9,
          );
        }
      }
    },
  );

  it('names a canonical unit UCUM accepts for every analyte', () => {
    for (const analyte of ANALYTES) expect(utils.validateUnitString(analyte.unit).status, analyte.key).toBe('valid');
  });
});
