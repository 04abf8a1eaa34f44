/**
 * Which findings a hook speaks about. patient-view: the chart alone (findings without draft orders). order-select:
 * findings about the orders just selected (spec order-select: `selections` names the newly selected orders among
 * draftOrders; the others were already seen). order-sign: findings about any draft order being signed.
 */
import type { Finding } from '@reasoning/types';
import type { HookName } from '@cds-hooks/schemas/request';

export function selectFindings(hook: HookName, findings: readonly Finding[], selections: readonly string[] = []): Finding[] {
  switch (hook) {
    case 'patient-view':
      return findings.filter((f) => f.draftRefs.length === 0);
    case 'order-select': {
      const selected = new Set(selections);
      return findings.filter((f) => f.draftRefs.some((r) => selected.has(r)));
    }
    case 'order-sign':
      return findings.filter((f) => f.draftRefs.length > 0);
  }
}
