import { describe, expect, it } from 'vitest';
import { INDICATORS, moreUrgent, mostUrgentFirst, urgency } from '@cds-hooks/severity';
import { Indicator } from '@cds-hooks/schemas/response';
import { compile } from '@cds-hooks/validate';

describe('the one severity scale', () => {
  it('lists the indicators "in order of increasing urgency" (CDS Hooks 2.0 §Card Attributes)', () => {
    expect(INDICATORS).toEqual(['info', 'warning', 'critical']);
    expect(urgency('info')).toBeLessThan(urgency('warning'));
    expect(urgency('warning')).toBeLessThan(urgency('critical'));
  });

  it('sorts most urgent first and picks the more urgent of two', () => {
    expect(['info', 'critical', 'warning', 'info'].sort(mostUrgentFirst as (a: string, b: string) => number)).toEqual([
      'critical',
      'warning',
      'info',
      'info',
    ]);
    expect(moreUrgent('warning', 'critical')).toBe('critical');
    expect(moreUrgent('warning', 'info')).toBe('warning');
  });

  it('is the scale the wire schema accepts, and nothing else', () => {
    const check = compile(Indicator, 'indicator');
    for (const i of INDICATORS) expect(check(i)).toBe(true);
    expect(check('hard-stop')).toBe(false);
  });
});
