/**
 * Whether the service's narrative is about the chart this screen shows (issue #15: "no findings" above, a narrative
 * claiming an INR finding below, after a proxy had altered one side's query). The service says what it read
 * (`chart`: a digest of the resource versions) and which findings it wrote about (`findingIds`); once this screen
 * has read the whole chart, the app compares them with its own read and withholds the text when they differ. The
 * findings on screen are the app's own engine run on its own read, so they stay valid either way.
 */
import { recordDigest } from '@fhir/record-digest';
import type { EngineResult } from '@reasoning/types';
import type { NarrativeState, ServedNarrative } from '../api/narrative';

export type ShownNarrative =
  | NarrativeState
  /** The narrative arrived before this screen finished reading the chart: held until the two can be compared. */
  | { status: 'checking' }
  /** The service read another chart than this screen did: its text could contradict the findings shown. */
  | { status: 'withheld'; reason: Disagreement };

/** `different-chart`: the resource versions differ; `unknown-findings`: the narrative covers findings not on screen. */
export type Disagreement = 'different-chart' | 'unknown-findings';

export interface OwnRead {
  resources: readonly fhir4.Resource[];
  /** Undefined while the engine has not run (or failed); then only the chart digests are compared. */
  result?: EngineResult;
}

/** How the narrative disagrees with this screen's read, or undefined when it agrees. */
export function disagreement(narrative: ServedNarrative, own: OwnRead): Disagreement | undefined {
  // A service older than this check sends no `chart`: the finding ids are then the only evidence.
  if (narrative.chart && narrative.chart.digest !== recordDigest(own.resources)) return 'different-chart';
  if (!own.result) return undefined;
  // Only this direction: the service may switch rule families off (CAIRN_DISABLED_RULES) that the app still runs.
  const shown = new Set(own.result.findings.map((f) => f.id));
  return narrative.findingIds.some((id) => !shown.has(id)) ? 'unknown-findings' : undefined;
}

/** What the narrative section shows, given the service's answer and this screen's read of the chart. */
export function agreedNarrative(
  state: NarrativeState,
  own: OwnRead & { complete: boolean; engineError: boolean },
): ShownNarrative {
  if (state.status !== 'ready') return state;
  if (!own.complete || (!own.result && !own.engineError)) return { status: 'checking' };
  const reason = disagreement(state.reasoning, own);
  return reason ? { status: 'withheld', reason } : state;
}
