/**
 * Which findings a hook speaks about. patient-view: the chart alone (findings without draft orders). order-select:
 * findings about the orders just selected (spec order-select: `selections` names the newly selected orders among
 * draftOrders; the others were already seen). order-sign and medication-refill: findings about any order being
 * signed or refilled. allergyintolerance-create and problem-list-item-create: findings that rest on the allergy or
 * condition being created (the rest of the chart was shown at patient-view).
 */
import type { Finding } from '@reasoning/types';
import type { HookName } from '@cds-hooks/schemas/request';

export interface HookFocus {
  selections?: readonly string[];
  /** References of the resources the hook creates, e.g. "AllergyIntolerance/new-1". */
  created?: readonly string[];
}

export function selectFindings(hook: HookName, findings: readonly Finding[], focus: HookFocus = {}): Finding[] {
  switch (hook) {
    case 'patient-view':
      return findings.filter((f) => f.draftRefs.length === 0);
    case 'order-select': {
      const selected = new Set(focus.selections);
      return findings.filter((f) => f.draftRefs.some((r) => selected.has(r)));
    }
    case 'order-sign':
    case 'medication-refill':
      return findings.filter((f) => f.draftRefs.length > 0);
    case 'allergyintolerance-create':
    case 'problem-list-item-create': {
      const made = new Set(focus.created);
      return findings.filter(
        (f) =>
          f.evidence.some((e) => made.has(e.reference)) ||
          f.inputs.some((i) => i.source !== undefined && made.has(i.source)),
      );
    }
  }
}
